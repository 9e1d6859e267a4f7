namespace Edgewise.Dashboard.Snapshots;

/// <summary>
/// One instrument's position. Mark is the book's mid, else the last trade; without either the mark and the unrealized
/// P&amp;L are null (and count as zero in the totals). Quantity is signed: negative is short.
/// </summary>
public sealed record PositionRow(
    string Instrument,
    decimal Quantity,
    decimal AverageEntryPrice,
    decimal CostBasis,
    decimal? Mark,
    decimal? UnrealizedPnl,
    decimal RealizedPnl,
    decimal Fees,
    decimal Funding,
    DateTimeOffset? OpenedAt);
