// Settings of the Coinbase Advanced Trade market-data client (FACTS §1.1-1.3): where to connect, which products,
// which channels, and connection behaviour. A full BTC-USD level2 snapshot is a few MB, so the default frame limit
// is the parser's (32 MB), not the connection default: a snapshot skipped as oversized would be lost and asked for
// again forever.
using System.ComponentModel.DataAnnotations;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Coinbase;

public sealed record CoinbaseDataOptions : IValidatableObject
{
    public const string SectionName = "Coinbase";

    public Uri WebSocketUri { get; init; } = new("wss://advanced-trade-ws.coinbase.com");

    /// <summary>Products as Coinbase writes them ("BTC-USD").</summary>
    public IReadOnlyList<string> ProductIds { get; init; } = ["BTC-USD"];

    public bool MarketTrades { get; init; } = true;

    public bool Ticker { get; init; } = true;

    public FeedConnectionSettings Connection { get; init; } = new() { MaxMessageBytes = CoinbaseParser.DefaultMaxFrameBytes };

    /// <summary>
    /// The subscribe messages sent on every connection, one channel each (FACTS §1.2): level2, market_trades, ticker for
    /// the products, then heartbeats, which keep channels without updates from being closed after 60-90 s.
    /// </summary>
    public IReadOnlyList<string> SubscribeMessages()
    {
        var messages = new List<string> { Message("subscribe", "level2", ProductIds) };
        if (MarketTrades)
        {
            messages.Add(Message("subscribe", "market_trades", ProductIds));
        }

        if (Ticker)
        {
            messages.Add(Message("subscribe", "ticker", ProductIds));
        }

        messages.Add("""{"type":"subscribe","channel":"heartbeats"}""");
        return messages;
    }

    /// <summary>What renews one product's book: unsubscribe level2, then subscribe it again (Coinbase answers with a new snapshot).</summary>
    public static IReadOnlyList<string> RenewLevel2Messages(string productId) =>
        [Message("unsubscribe", "level2", [productId]), Message("subscribe", "level2", [productId])];

    /// <summary>{"type":"subscribe","product_ids":["BTC-USD"],"channel":"level2"}</summary>
    public static string Message(string type, string channel, IReadOnlyList<string> productIds)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var products = string.Join(',', productIds.Select(p => "\"" + p + "\""));
        return $$$"""{"type":"{{{type}}}","product_ids":[{{{products}}}],"channel":"{{{channel}}}"}""";
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        if (WebSocketUri is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            Add(nameof(WebSocketUri), "must be an absolute ws:// or wss:// URI");
        }

        if (ProductIds is null || ProductIds.Count == 0)
        {
            Add(nameof(ProductIds), "must name at least one product");
        }
        else if (ProductIds.FirstOrDefault(p => !IsProductId(p)) is { } bad)
        {
            Add(nameof(ProductIds), $"must be BASE-QUOTE in upper case as Coinbase writes them ('{bad}' is not)");
        }
        else if (ProductIds.Distinct(StringComparer.Ordinal).Count() != ProductIds.Count)
        {
            Add(nameof(ProductIds), "must not repeat a product");
        }

        if (Connection is null)
        {
            Add(nameof(Connection), "is required");
        }
        else
        {
            errors.AddRange(Connection.Validate($"{SectionName}:{nameof(Connection)}:"));
        }

        return errors;

        void Add(string key, string message) => errors.Add(new ValidationResult($"{SectionName}:{key} {message}.", [key]));
    }

    private static bool IsProductId(string? product)
    {
        if (string.IsNullOrEmpty(product))
        {
            return false;
        }

        var dash = product.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash < product.Length - 1 && product.LastIndexOf('-') == dash
            && product.All(c => c == '-' || char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
    }
}
