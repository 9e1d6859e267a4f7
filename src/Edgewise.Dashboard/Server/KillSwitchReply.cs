using Edgewise.Engine.Risk;

namespace Edgewise.Dashboard.Server;

/// <summary>The answer to POST /api/kill-switch. TradingState is the state the dashboard saw last (null when refused).</summary>
public sealed record KillSwitchReply(bool Accepted, TradingState? TradingState, string Message);
