// Settings of the Binance.US market-data client (FACTS §4.1-4.3): where to connect, which symbols, which
// streams, the depth of the REST snapshot, and connection behaviour. One connection lives at most 24 h on
// Binance.US, so the default connection settings reconnect on our terms before that.
using System.ComponentModel.DataAnnotations;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.BinanceUs;

public sealed record BinanceUsDataOptions : IValidatableObject
{
    public const string SectionName = "BinanceUs";

    /// <summary>Binance.US closes every connection after 24 h.</summary>
    public static readonly TimeSpan VenueConnectionLimit = TimeSpan.FromHours(24);

    /// <summary>Streams one connection may carry.</summary>
    public const int MaxStreamsPerConnection = 1024;

    public Uri WebSocketBaseUri { get; init; } = new("wss://stream.binance.us:9443");

    public Uri RestBaseUri { get; init; } = new("https://api.binance.us");

    /// <summary>Symbols as Binance writes them ("BTCUSDT"); stream names use them in lower case.</summary>
    public IReadOnlyList<string> Symbols { get; init; } = ["BTCUSDT"];

    /// <summary>"depth@100ms" or "depth" (1000 ms).</summary>
    public string DepthStream { get; init; } = "depth@100ms";

    public bool Trades { get; init; } = true;

    public bool BookTicker { get; init; } = true;

    /// <summary>Levels per side in the REST snapshot (1-5000; 1000 costs weight 10).</summary>
    public int SnapshotLimit { get; init; } = 1000;

    public FeedConnectionSettings Connection { get; init; } = new() { MaxConnectionAge = TimeSpan.FromHours(23) };

    /// <summary>The combined-stream URL: /stream?streams=btcusdt@depth@100ms/btcusdt@trade/btcusdt@bookTicker.</summary>
    public Uri StreamUri()
    {
        var streams = new List<string>();
        foreach (var symbol in Symbols)
        {
            var lower = symbol.ToLowerInvariant();
            streams.Add($"{lower}@{DepthStream}");
            if (Trades)
            {
                streams.Add($"{lower}@trade");
            }

            if (BookTicker)
            {
                streams.Add($"{lower}@bookTicker");
            }
        }

        return new Uri(WebSocketBaseUri, "/stream?streams=" + string.Join('/', streams));
    }

    /// <summary>The REST depth endpoint for a symbol, as requested and recorded: /api/v3/depth?symbol=BTCUSDT&amp;limit=1000.</summary>
    public string SnapshotEndpoint(string symbol) => $"/api/v3/depth?symbol={symbol}&limit={SnapshotLimit}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        if (WebSocketBaseUri is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            Add(nameof(WebSocketBaseUri), "must be an absolute ws:// or wss:// URI");
        }

        if (RestBaseUri is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            Add(nameof(RestBaseUri), "must be an absolute http:// or https:// URI");
        }

        if (Symbols is null || Symbols.Count == 0)
        {
            Add(nameof(Symbols), "must name at least one symbol");
        }
        else if (Symbols.FirstOrDefault(s => string.IsNullOrEmpty(s) || !s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))) is { } bad)
        {
            Add(nameof(Symbols), $"must be upper-case letters and digits as Binance writes them ('{bad}' is not)");
        }
        else if (Symbols.Distinct(StringComparer.Ordinal).Count() != Symbols.Count)
        {
            Add(nameof(Symbols), "must not repeat a symbol");
        }
        else if (Symbols.Count * (1 + (Trades ? 1 : 0) + (BookTicker ? 1 : 0)) > MaxStreamsPerConnection)
        {
            Add(nameof(Symbols), $"need more than {MaxStreamsPerConnection} streams on one connection");
        }

        if (DepthStream is not ("depth@100ms" or "depth"))
        {
            Add(nameof(DepthStream), "must be \"depth@100ms\" or \"depth\"");
        }

        if (SnapshotLimit is < 1 or > 5000)
        {
            Add(nameof(SnapshotLimit), "must be in 1-5000");
        }

        if (Connection is null)
        {
            Add(nameof(Connection), "is required");
        }
        else
        {
            errors.AddRange(Connection.Validate($"{SectionName}:{nameof(Connection)}:"));
            if (Connection.MaxConnectionAge is not { } age || age >= VenueConnectionLimit)
            {
                Add($"{nameof(Connection)}:{nameof(FeedConnectionSettings.MaxConnectionAge)}", $"must be set below {VenueConnectionLimit} (the venue's connection limit)");
            }
        }

        return errors;

        void Add(string key, string message) => errors.Add(new ValidationResult($"{SectionName}:{key} {message}.", [key]));
    }
}
