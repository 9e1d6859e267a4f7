// Settings of the Kraken WebSocket v2 market-data client (FACTS §2.1-2.5): where to connect, which symbols, the book
// depth, which channels, each symbol's price and qty precision, and connection behaviour. The precisions are needed
// before the first book message, because the CRC32 checksum prints numbers at exactly those decimals; BTC/USD's
// (1 and 8, FACTS §2.5) are built in, any other symbol must be given here (from Kraken's AssetPairs pair_decimals
// and lot_decimals). Kraken closes idle connections, so the default connection settings send the application ping
// {"method":"ping"} on the feed's clock; heartbeats arrive every second while subscribed, so a silent connection is
// dead and is closed after StaleAfter.
using System.ComponentModel.DataAnnotations;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kraken;

public sealed record KrakenDataOptions : IValidatableObject
{
    public const string SectionName = "Kraken";

    public const string PingMessage = """{"method":"ping"}""";

    public Uri WebSocketUri { get; init; } = new("wss://ws.kraken.com/v2");

    /// <summary>Symbols as Kraken v2 writes them ("BTC/USD").</summary>
    public IReadOnlyList<string> Symbols { get; init; } = ["BTC/USD"];

    /// <summary>Book levels per side: 10, 25, 100, 500 or 1000.</summary>
    public int BookDepth { get; init; } = 10;

    public bool Trades { get; init; } = true;

    public bool Ticker { get; init; } = true;

    /// <summary>Price and qty decimals per symbol, for the book checksum (<see cref="KrakenPrecision.Defaults"/>: BTC/USD only).</summary>
    public IReadOnlyDictionary<string, KrakenPrecision> Precisions { get; init; } = KrakenPrecision.Defaults;

    public FeedConnectionSettings Connection { get; init; } = new()
    {
        AppPingInterval = TimeSpan.FromSeconds(30),
        AppPingMessage = PingMessage,
    };

    /// <summary>
    /// {"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10,"snapshot":true},"req_id":1}
    /// (depth and snapshot for book only; trades without the snapshot of recent history).
    /// </summary>
    public string SubscribeMessage(string channel, IReadOnlyList<string> symbols, long reqId) => channel switch
    {
        "book" => Message("subscribe", channel, symbols, $",\"depth\":{BookDepth},\"snapshot\":true", reqId),
        "trade" => Message("subscribe", channel, symbols, ",\"snapshot\":false", reqId),
        _ => Message("subscribe", channel, symbols, string.Empty, reqId),
    };

    /// <summary>{"method":"unsubscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10},"req_id":4}</summary>
    public string UnsubscribeBookMessage(string symbol, long reqId) => Message("unsubscribe", "book", [symbol], $",\"depth\":{BookDepth}", reqId);

    /// <summary>The channels subscribed on every connection, in order: book, then trade and ticker when enabled.</summary>
    public IReadOnlyList<string> Channels()
    {
        var channels = new List<string> { "book" };
        if (Trades)
        {
            channels.Add("trade");
        }

        if (Ticker)
        {
            channels.Add("ticker");
        }

        return channels;
    }

    /// <summary>The precision of a configured symbol.</summary>
    public KrakenPrecision PrecisionOf(string symbol) =>
        Precisions.TryGetValue(symbol, out var precision)
            ? precision
            : throw new KeyNotFoundException($"{SectionName}:{nameof(Precisions)} has no entry for {symbol}.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        if (WebSocketUri is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            Add(nameof(WebSocketUri), "must be an absolute ws:// or wss:// URI");
        }

        if (Symbols is null || Symbols.Count == 0)
        {
            Add(nameof(Symbols), "must name at least one symbol");
        }
        else if (Symbols.FirstOrDefault(s => !IsSymbol(s)) is { } bad)
        {
            Add(nameof(Symbols), $"must be BASE/QUOTE in upper case as Kraken v2 writes them ('{bad}' is not)");
        }
        else if (Symbols.Distinct(StringComparer.Ordinal).Count() != Symbols.Count)
        {
            Add(nameof(Symbols), "must not repeat a symbol");
        }
        else if (Precisions is null)
        {
            Add(nameof(Precisions), "is required");
        }
        else
        {
            foreach (var symbol in Symbols.Where(s => !Precisions.ContainsKey(s)))
            {
                Add($"{nameof(Precisions)}:{symbol}", "is missing: the book checksum needs the symbol's price and qty decimals (AssetPairs pair_decimals, lot_decimals)");
            }

            foreach (var (symbol, precision) in Precisions.Where(p => !IsValid(p.Value)))
            {
                Add($"{nameof(Precisions)}:{symbol}", $"must have Price and Qty in 0-{FixedPoint.Scale} (got {precision.Price} and {precision.Qty})");
            }
        }

        if (!KrakenBookSync.IsValidDepth(BookDepth))
        {
            Add(nameof(BookDepth), "must be one of 10, 25, 100, 500, 1000");
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

    private static bool IsValid(KrakenPrecision p) => p.Price is >= 0 and <= FixedPoint.Scale && p.Qty is >= 0 and <= FixedPoint.Scale;

    private static bool IsSymbol(string? symbol)
    {
        if (string.IsNullOrEmpty(symbol))
        {
            return false;
        }

        var slash = symbol.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < symbol.Length - 1 && symbol.LastIndexOf('/') == slash
            && symbol.All(c => c == '/' || char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
    }

    private static string Message(string method, string channel, IReadOnlyList<string> symbols, string extra, long reqId)
    {
        var list = string.Join(',', symbols.Select(s => "\"" + s + "\""));
        return $$$"""{"method":"{{{method}}}","params":{"channel":"{{{channel}}}","symbol":[{{{list}}}]{{{extra}}}},"req_id":{{{reqId}}}}""";
    }
}
