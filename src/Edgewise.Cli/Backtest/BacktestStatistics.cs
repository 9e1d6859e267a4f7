// The numbers the report and summary.json show, computed once from a BacktestResult so both say the same thing.
// Verified P&L = trades closed by exits + trades settled on recorded results; trades settled on inferred results
// are totalled apart and only added in a line labelled as including them; open trades have no P&L.
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;

namespace Edgewise.Cli.Backtest;

internal sealed class BacktestStatistics
{
    private BacktestStatistics(BacktestResult result)
    {
        var sources = result.Outcomes.ToDictionary(static o => o.Market.Ticker, static o => o.Source, StringComparer.Ordinal);
        Categories = result.Trades.Select(t => (t, Categorize(t, sources))).ToList();
        Verified = Group(Categories.Where(static c => c.Category is TradeCategory.ClosedByExit or TradeCategory.SettledRecorded).Select(static c => c.Trade));
        Inferred = Group(Categories.Where(static c => c.Category == TradeCategory.SettledInferred).Select(static c => c.Trade));
        Open = Categories.Where(static c => c.Category == TradeCategory.OpenUnsettled).Select(static c => c.Trade).ToList();
        foreach (var signal in Enum.GetValues<SignalKind>())
        {
            var of = Categories.Where(c => c.Trade.Signal == signal).ToList();
            BySignal.Add((signal,
                Group(of.Where(static c => c.Category is TradeCategory.ClosedByExit or TradeCategory.SettledRecorded).Select(static c => c.Trade)),
                Group(of.Where(static c => c.Category == TradeCategory.SettledInferred).Select(static c => c.Trade)),
                of.Count(static c => c.Category == TradeCategory.OpenUnsettled)));
        }

        ExitReasons =
        [
            ("stop_loss", Count(ExitReason.StopLoss)),
            ("profit_target", Count(ExitReason.ProfitTarget)),
            ("timeout", Count(ExitReason.Timeout)),
            ("settlement_recorded", Categories.Count(static c => c.Category == TradeCategory.SettledRecorded)),
            ("settlement_inferred", Categories.Count(static c => c.Category == TradeCategory.SettledInferred)),
            ("open_unsettled", Open.Count),
        ];
        DecisionKinds = Enum.GetValues<DecisionKind>().Select(k => (Name(k), result.Decisions.Count(d => d.Kind == k))).ToList();
        EntriesBlockedBy = Tally(result.Decisions.Where(static d => d.Kind == DecisionKind.Entry && d.BlockedBy is not null).Select(static d => d.BlockedBy!));
        EntriesBySignal = Tally(result.Decisions.Where(static d => d.Kind == DecisionKind.Entry).Select(static d => WireNames.Of(d.Signal!.Value)));
        OrdersBySignal = Tally(result.Decisions.Where(static d => d.Kind == DecisionKind.Entry && d.OrderId is not null).Select(static d => WireNames.Of(d.Signal!.Value)));
        Skips = Tally(result.Decisions.Where(static d => d.Kind == DecisionKind.Skip).Select(static d => d.BlockedBy!));

        int Count(ExitReason reason) => Categories.Count(c => c.Category == TradeCategory.ClosedByExit && c.Trade.ExitReason == reason);
    }

    public IReadOnlyList<(TradeRecord Trade, TradeCategory Category)> Categories { get; }

    public TradeGroup Verified { get; }

    public TradeGroup Inferred { get; }

    public TradeGroup IncludingInferred => Verified.Plus(Inferred);

    public IReadOnlyList<TradeRecord> Open { get; }

    public List<(SignalKind Signal, TradeGroup Verified, TradeGroup Inferred, int Open)> BySignal { get; } = [];

    public IReadOnlyList<(string Reason, int Count)> ExitReasons { get; }

    public IReadOnlyList<(string Kind, int Count)> DecisionKinds { get; }

    public IReadOnlyList<(string Name, int Count)> EntriesBlockedBy { get; }

    public IReadOnlyList<(string Name, int Count)> EntriesBySignal { get; }

    public IReadOnlyList<(string Name, int Count)> OrdersBySignal { get; }

    public IReadOnlyList<(string Name, int Count)> Skips { get; }

    public int Count(TradeCategory category) => Categories.Count(c => c.Category == category);

    public static BacktestStatistics From(BacktestResult result) => new(result);

    public static string Name(DecisionKind kind) => kind switch
    {
        DecisionKind.Entry => "entry",
        DecisionKind.Skip => "skip",
        DecisionKind.Exit => "exit",
        DecisionKind.Fill => "fill",
        DecisionKind.OrderEnded => "order_ended",
        DecisionKind.TradeClosed => "trade_closed",
        DecisionKind.Resumed => "resumed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision kind."),
    };

    private static TradeCategory Categorize(TradeRecord trade, Dictionary<string, SettlementSource> sources)
    {
        if (!trade.IsClosed)
        {
            return TradeCategory.OpenUnsettled;
        }

        if (trade.ExitReason != ExitReason.Settlement)
        {
            return TradeCategory.ClosedByExit;
        }

        return sources[trade.Market] == SettlementSource.Recorded ? TradeCategory.SettledRecorded : TradeCategory.SettledInferred;
    }

    private static TradeGroup Group(IEnumerable<TradeRecord> trades)
    {
        var group = TradeGroup.Empty;
        foreach (var trade in trades)
        {
            group = group.Plus(new TradeGroup(1, trade.NetPnl > 0m ? 1 : 0, trade.NetPnl, trade.Fees));
        }

        return group;
    }

    private static List<(string Name, int Count)> Tally(IEnumerable<string> names) =>
        names.GroupBy(static n => n, StringComparer.Ordinal)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => (g.Key, g.Count()))
            .ToList();
}
