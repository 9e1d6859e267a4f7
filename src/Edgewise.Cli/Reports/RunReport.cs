// What a run report shows, built the same way whatever the source (the store for a run id, or a backtest's result),
// so the HTML writer has one input. The figures are computed here, once:
//  - P&L after fees sums closed trades whose result is recorded; trades settled on an inferred result are totalled
//    apart (Inferred) and left out of the curve; open trades have no P&L, but their fees count in FeesPaid;
//  - the equity curve is cumulative realized P&L after fees, starting at 0 at StartNs and stepping at each trade's
//    close (ties in trade order), with a last flat point at EndNs; no open position is marked to market;
//  - drawdown at a point is the running peak (0 included) minus the value there; MaxDrawdown is its largest value.
namespace Edgewise.Cli.Reports;

internal sealed class RunReport
{
    private RunReport(string title, long startNs, long endNs, IReadOnlyList<ReportFact> facts, IReadOnlyList<ReportTrade> trades,
        IReadOnlyList<string> notes, string exitReasonNote)
    {
        Title = title;
        StartNs = startNs;
        EndNs = endNs;
        Facts = facts;
        Trades = trades;
        Notes = notes;
        ExitReasonNote = exitReasonNote;
        Recorded = ReportGroup.Of("recorded results", trades.Where(static t => !t.Inferred));
        Inferred = ReportGroup.Of("inferred results", trades.Where(static t => t.Inferred));
        FeesPaid = trades.Sum(static t => t.Fees);
        ByStrategy = Breakdown(trades, static t => t.Strategy);
        ByExitReason = Breakdown(trades, static t => t.EndedBy);
        EquityCurve = Curve(startNs, endNs, trades);
        MaxDrawdown = EquityCurve.Max(static p => p.Drawdown);
    }

    public string Title { get; }

    public long StartNs { get; }

    public long EndNs { get; }

    /// <summary>The header: profile and its hash, run times, exit reason and whatever else the source knows.</summary>
    public IReadOnlyList<ReportFact> Facts { get; }

    public IReadOnlyList<ReportTrade> Trades { get; }

    /// <summary>What the source cannot show, said plainly.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Where the per-exit-reason names come from (recorded strategy reasons, or only how a trade ended).</summary>
    public string ExitReasonNote { get; }

    /// <summary>Every trade not resting on an inferred result: the headline figures.</summary>
    public ReportGroup Recorded { get; }

    public ReportGroup Inferred { get; }

    /// <summary>Fees of every trade, open ones included.</summary>
    public decimal FeesPaid { get; }

    public IReadOnlyList<ReportGroup> ByStrategy { get; }

    public IReadOnlyList<ReportGroup> ByExitReason { get; }

    public IReadOnlyList<EquityPoint> EquityCurve { get; }

    public decimal MaxDrawdown { get; }

    public static RunReport Create(string title, long startNs, long endNs, IReadOnlyList<ReportFact> facts, IReadOnlyList<ReportTrade> trades,
        IReadOnlyList<string> notes, string exitReasonNote)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(exitReasonNote);
        return new RunReport(title, startNs, Math.Max(startNs, endNs), facts, trades, notes, exitReasonNote);
    }

    private static List<ReportGroup> Breakdown(IReadOnlyList<ReportTrade> trades, Func<ReportTrade, string> key) =>
        trades.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => ReportGroup.Of(g.Key, g))
            .ToList();

    private static List<EquityPoint> Curve(long startNs, long endNs, IReadOnlyList<ReportTrade> trades)
    {
        var points = new List<EquityPoint> { new(startNs, 0m, 0m) };
        var equity = 0m;
        var peak = 0m;
        var closes = trades
            .Where(static t => t.NetPnl is not null && !t.Inferred)
            .OrderBy(static t => t.ClosedNs!.Value)
            .ThenBy(static t => t.Number);
        foreach (var trade in closes)
        {
            equity += trade.NetPnl!.Value;
            peak = Math.Max(peak, equity);
            points.Add(new EquityPoint(Math.Max(startNs, trade.ClosedNs!.Value), equity, peak - equity));
        }

        if (endNs > points[^1].TsNs)
        {
            points.Add(points[^1] with { TsNs = endNs });
        }

        return points;
    }
}
