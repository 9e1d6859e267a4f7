using Edgewise.Engine.Risk;

namespace Edgewise.Dashboard.Server;

/// <summary>
/// /api/health: Status is "ok", "degraded" (a feed down, a book unhealthy, data dropped, a dashboard error, or
/// trading reducing) or "halted"; Issues says why, one line each.
/// </summary>
public sealed record HealthReport(
    string Status,
    IReadOnlyList<string> Issues,
    long Sequence,
    DateTimeOffset Time,
    TradingState TradingState,
    string TradingStateReason,
    int FeedsConnected,
    int Feeds,
    int UnhealthyBooks,
    long DataDropped,
    long PublishErrors,
    string? LastPublishError);
