namespace Edgewise.Dashboard.Snapshots;

/// <summary>
/// One strategy's P&amp;L from its own fills only, as if it held its own positions: NetPnl = RealizedPnl − Fees +
/// UnrealizedPnl. Funding is not attributed to strategies (it is in the account total). Status is "running" or "faulted".
/// </summary>
public sealed record StrategyPnlRow(
    string StrategyId,
    string Status,
    string? Fault,
    decimal RealizedPnl,
    decimal Fees,
    decimal UnrealizedPnl,
    decimal NetPnl,
    long Fills,
    int OpenOrders);
