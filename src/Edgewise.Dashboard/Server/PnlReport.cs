using Edgewise.Dashboard.Snapshots;

namespace Edgewise.Dashboard.Server;

/// <summary>/api/pnl: the account totals, each strategy's P&amp;L, and the equity curve (oldest first).</summary>
public sealed record PnlReport(PortfolioSummary Portfolio, IReadOnlyList<StrategyPnlRow> Strategies, IReadOnlyList<EquityPoint> Equity);
