namespace Edgewise.Dashboard.Snapshots;

/// <summary>
/// The whole account. NetPnl = RealizedPnl − Fees + Funding + UnrealizedPnl, and Equity = NetDeposits + NetPnl, which
/// is also cash plus the open positions valued at their marks (a position without a mark counts at cost).
/// </summary>
public sealed record PortfolioSummary(
    decimal Cash,
    decimal NetDeposits,
    decimal RealizedPnl,
    decimal Fees,
    decimal Funding,
    decimal UnrealizedPnl,
    decimal NetPnl,
    decimal Equity,
    int OpenPositions);
