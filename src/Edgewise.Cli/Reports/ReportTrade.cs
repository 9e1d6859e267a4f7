namespace Edgewise.Cli.Reports;

/// <summary>
/// One round trip in a report: opened by a fill from flat, ended by a closing fill or a settlement, or still open.
/// <paramref name="EndedBy"/> is what the source recorded about the end ("stop_loss", "settlement", "closing order
/// (reason not recorded)", "open"); <paramref name="NetPnl"/> is P&amp;L after fees and null while the trade is open.
/// <paramref name="Inferred"/> marks a P&amp;L that rests on an inferred (not recorded) settlement result.
/// </summary>
internal sealed record ReportTrade(
    int Number,
    string Strategy,
    string Instrument,
    string Direction,
    long OpenedNs,
    long? ClosedNs,
    decimal Quantity,
    decimal EntryPrice,
    decimal? ExitPrice,
    string EndedBy,
    decimal Fees,
    decimal? NetPnl,
    bool Inferred)
{
    public bool IsClosed => NetPnl is not null;

    public bool IsWin => NetPnl > 0m;
}
