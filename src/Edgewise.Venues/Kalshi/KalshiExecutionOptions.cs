using System.ComponentModel.DataAnnotations;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

/// <summary>Settings of <see cref="KalshiExecutionClient"/>: where its fill WebSocket connects and how patiently it resolves and polls.</summary>
public sealed record KalshiExecutionOptions : IValidatableObject
{
    public const string SectionName = "Kalshi:Execution";

    /// <summary>The WebSocket the private fill channel is read from (the same endpoint as market data).</summary>
    public Uri WebSocketUri { get; init; } = new("wss://external-api-ws.kalshi.com/trade-api/ws/v2");

    /// <summary>
    /// How long the fill socket may be silent before it counts as stale. The private fill channel is quiet whenever nothing of ours
    /// trades, so silence is normal: only a very long one reconnects (each reconnect would open a gap the REST polls must cover).
    /// </summary>
    public static readonly TimeSpan QuietStaleAfter = TimeSpan.FromHours(24);

    /// <summary>Reconnect, staleness and REST timeout settings of the fill connection (StaleAfter: see <see cref="QuietStaleAfter"/>).</summary>
    public FeedConnectionSettings Connection { get; init; } = new() { StaleAfter = QuietStaleAfter };

    /// <summary>How often live orders are checked over REST, and fills fetched over REST while the WebSocket is down.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait between lookups of an order whose create outcome is unknown (the venue's order list may lag its answer).</summary>
    public TimeSpan ResolveRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Lookups that must all miss the order before it is known not to exist.</summary>
    public int NotFoundLookupsBeforeAbsent { get; init; } = 2;

    /// <summary>Creates sent for one order, the first included; a create is resent only after lookups proved the order absent.</summary>
    public int MaxCreateAttempts { get; init; } = 3;

    /// <summary>First wait after a 429 (Kalshi sends no Retry-After); doubled per further 429 of the same request.</summary>
    public TimeSpan RateLimitDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>429s tolerated for one create or cancel before it is given up (a create is then rejected: it was never placed).</summary>
    public int MaxRateLimitRetries { get; init; } = 5;

    /// <summary>Cancels sent for one order before the client stops trying (the order stays open; the error is in the health).</summary>
    public int MaxCancelAttempts { get; init; } = 5;

    /// <summary>How long fills of a finished order may take on the WebSocket before they are fetched over REST.</summary>
    public TimeSpan FillGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Finished orders remembered (with their trade ids) so a late duplicate fill is recognised.</summary>
    public int FinishedOrdersKept { get; init; } = 1000;

    /// <summary>Fills of orders not known (yet) kept until their order is; beyond this the oldest are dropped and counted.</summary>
    public int UnmatchedFillsKept { get; init; } = 10_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        if (WebSocketUri is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            Add(nameof(WebSocketUri), "must be an absolute ws:// or wss:// URI");
        }

        if (Connection is null)
        {
            Add(nameof(Connection), "is required");
        }
        else
        {
            errors.AddRange(Connection.Validate($"{SectionName}:{nameof(Connection)}:"));
        }

        foreach (var (name, value) in new[]
        {
            (nameof(PollInterval), PollInterval), (nameof(ResolveRetryDelay), ResolveRetryDelay), (nameof(RateLimitDelay), RateLimitDelay),
            (nameof(FillGrace), FillGrace),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                Add(name, "must be positive");
            }
        }

        foreach (var (name, value) in new[]
        {
            (nameof(NotFoundLookupsBeforeAbsent), NotFoundLookupsBeforeAbsent), (nameof(MaxCreateAttempts), MaxCreateAttempts),
            (nameof(MaxCancelAttempts), MaxCancelAttempts), (nameof(FinishedOrdersKept), FinishedOrdersKept), (nameof(UnmatchedFillsKept), UnmatchedFillsKept),
        })
        {
            if (value < 1)
            {
                Add(name, "must be at least 1");
            }
        }

        if (MaxRateLimitRetries < 0)
        {
            Add(nameof(MaxRateLimitRetries), "must not be negative");
        }

        return errors;

        void Add(string key, string message) => errors.Add(new ValidationResult($"{SectionName}:{key} {message}.", [key]));
    }
}
