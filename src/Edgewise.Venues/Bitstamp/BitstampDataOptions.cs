// Settings of the Bitstamp market-data client (FACTS §3): where to connect, which pairs, which channels, and
// connection behaviour. Bitstamp books come from diff_order_book_{pair} plus the REST order book, so a pair
// always subscribes the diff channel; live trades are optional.
using System.ComponentModel.DataAnnotations;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Bitstamp;

public sealed record BitstampDataOptions : IValidatableObject
{
    public const string SectionName = "Bitstamp";

    public Uri WebSocketUri { get; init; } = new("wss://ws.bitstamp.net");

    public Uri RestBaseUri { get; init; } = new("https://www.bitstamp.net");

    /// <summary>Pairs as Bitstamp writes them in channel names and REST paths ("btcusd").</summary>
    public IReadOnlyList<string> Pairs { get; init; } = ["btcusd"];

    public bool LiveTrades { get; init; } = true;

    public FeedConnectionSettings Connection { get; init; } = new();

    /// <summary>The channels subscribed on every connection, in order: per pair diff_order_book_{pair}, then live_trades_{pair}.</summary>
    public IReadOnlyList<string> Channels()
    {
        var channels = new List<string>();
        foreach (var pair in Pairs)
        {
            channels.Add("diff_order_book_" + pair);
            if (LiveTrades)
            {
                channels.Add("live_trades_" + pair);
            }
        }

        return channels;
    }

    /// <summary>The subscribe message for one channel: {"event":"bts:subscribe","data":{"channel":"..."}}.</summary>
    public static string SubscribeMessage(string channel) => $$$"""{"event":"bts:subscribe","data":{"channel":"{{{channel}}}"}}""";

    /// <summary>The REST order book endpoint of a pair, as requested and recorded: /api/v2/order_book/btcusd/.</summary>
    public static string SnapshotEndpoint(string pair) => $"/api/v2/order_book/{pair}/";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        if (WebSocketUri is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            Add(nameof(WebSocketUri), "must be an absolute ws:// or wss:// URI");
        }

        if (RestBaseUri is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            Add(nameof(RestBaseUri), "must be an absolute http:// or https:// URI");
        }

        if (Pairs is null || Pairs.Count == 0)
        {
            Add(nameof(Pairs), "must name at least one pair");
        }
        else if (Pairs.FirstOrDefault(p => string.IsNullOrEmpty(p) || !p.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))) is { } bad)
        {
            Add(nameof(Pairs), $"must be lower-case letters and digits as Bitstamp writes them ('{bad}' is not)");
        }
        else if (Pairs.Distinct(StringComparer.Ordinal).Count() != Pairs.Count)
        {
            Add(nameof(Pairs), "must not repeat a pair");
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
}
