// Settings of the Kalshi market-data client (FACTS §5.1, §5.5): where to connect, which markets and channels, how NO levels are
// priced on the wire (stated, never left to Kalshi's default), and the REST polling fallback used while the WebSocket is refused.
// Validation names the offending key, so a bad config fails at start.
using System.ComponentModel.DataAnnotations;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed record KalshiDataOptions : IValidatableObject
{
    public const string SectionName = "Kalshi";

    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(5);

    public Uri WebSocketUri { get; init; } = new("wss://external-api-ws.kalshi.com/trade-api/ws/v2");

    public Uri RestBaseUri { get; init; } = KalshiRestClient.ProductionBaseUri;

    /// <summary>Markets subscribed from the start (a KalshiMarketTracker adds and removes markets as they roll).</summary>
    public IReadOnlyList<string> Markets { get; init; } = [];

    /// <summary>
    /// The use_yes_price flag sent with every market subscription. NO levels at NO prices (false) is what captures are recorded and
    /// replayed with (see ReplayPipeline.KalshiCapturePricing).
    /// </summary>
    public KalshiBookPricing Pricing { get; init; } = KalshiBookPricing.NoLevelsAtNoPrice;

    public bool Tickers { get; init; } = true;

    public bool Trades { get; init; } = true;

    /// <summary>CF Benchmarks indices for the cfbenchmarks_value channel ("BRTI"); empty for none.</summary>
    public IReadOnlyList<string> IndexIds { get; init; } = ["BRTI"];

    /// <summary>How often each active market's book is fetched while the WebSocket is refused (1-5 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>While polling, the WebSocket is tried again this long after the last refusal.</summary>
    public TimeSpan WebSocketRetryInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive failed connects without an HTTP answer (host unreachable) before polling starts.</summary>
    public int UnreachableAttemptsBeforePolling { get; init; } = 3;

    public FeedConnectionSettings Connection { get; init; } = new();

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

        if (Markets is null || Markets.Any(string.IsNullOrWhiteSpace))
        {
            Add(nameof(Markets), "must be a list of market tickers, none blank");
        }
        else if (Markets.Distinct(StringComparer.Ordinal).Count() != Markets.Count)
        {
            Add(nameof(Markets), "must not repeat a market");
        }

        if (!Enum.IsDefined(Pricing))
        {
            Add(nameof(Pricing), $"must be {KalshiBookPricing.NoLevelsAtNoPrice} or {KalshiBookPricing.NoLevelsAtYesPrice}");
        }

        if (IndexIds is null || IndexIds.Any(string.IsNullOrWhiteSpace))
        {
            Add(nameof(IndexIds), "must be a list of index ids, none blank");
        }

        if (PollInterval < MinPollInterval || PollInterval > MaxPollInterval)
        {
            Add(nameof(PollInterval), $"must be within {MinPollInterval}-{MaxPollInterval}");
        }

        if (WebSocketRetryInterval <= TimeSpan.Zero)
        {
            Add(nameof(WebSocketRetryInterval), "must be positive");
        }

        if (UnreachableAttemptsBeforePolling < 1)
        {
            Add(nameof(UnreachableAttemptsBeforePolling), "must be at least 1");
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
