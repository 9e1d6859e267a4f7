using Edgewise.Engine.Risk;

namespace Edgewise.Dashboard.Snapshots;

/// <summary>The risk engine's trading state with its reason, today's realized P&amp;L (net of fees), the losing streak and the limits in force.</summary>
public sealed record RiskStatus(
    TradingState State,
    string Reason,
    decimal DailyRealizedPnl,
    int ConsecutiveLosses,
    RiskLimits Limits);
