// Trading sections: open positions with their marks, and the strategy's recent decisions, newest first, each saying
// what was done with it: an entry or exit taken (with its order) or rejected (with the filter or risk rule and its
// numbers), a skipped market, a fill, an order that ended unfilled, a closed trade with its P&L.
using Edgewise.Dashboard.Snapshots;
using Edgewise.Strategies.BtcBinary.Decisions;
using Spectre.Console;
using static Edgewise.Cli.Terminal.TerminalFormat;

namespace Edgewise.Cli.Terminal;

public sealed partial class TerminalDashboard
{
    private static Panel PositionsPanel(DashboardSnapshot snapshot)
    {
        var open = snapshot.Positions.Where(p => p.Quantity != 0m).ToList();
        var header = $"open positions ({Integer(open.Count)}, {Integer(snapshot.Positions.Count - open.Count)} flat)";
        if (open.Count == 0)
        {
            return new Panel(Empty("no open positions")).Header(header).Expand();
        }

        var table = NewTable("instrument", "quantity", "entry", "mark", "unrealized", "realized", "fees", "opened");
        foreach (var position in open)
        {
            table.AddRow(
                Text(position.Instrument),
                position.Quantity < 0m ? $"[red]{Number(position.Quantity)}[/]" : Number(position.Quantity),
                Number(position.AverageEntryPrice),
                position.Mark is null ? "[yellow]no mark[/]" : Number(position.Mark),
                position.UnrealizedPnl is { } u ? MoneyMarkup(u) : "-",
                MoneyMarkup(position.RealizedPnl),
                Money(-position.Fees),
                position.OpenedAt is { } at ? Time(at) : "-");
        }

        return new Panel(table).Header(header).Expand();
    }

    private Panel DecisionsPanel(IReadOnlyList<DecisionRecord> decisions)
    {
        var shown = Math.Min(decisions.Count, _options.MaxDecisions);
        var header = $"recent decisions ({Integer(shown)} of {Integer(decisions.Count)}, newest first)";
        if (shown == 0)
        {
            return new Panel(Empty("no decisions yet")).Header(header).Expand();
        }

        var table = NewTable("time", "market", "what", "outcome", "numbers");
        for (var i = decisions.Count - 1; i >= decisions.Count - shown; i--)
        {
            var record = decisions[i];
            table.AddRow(TimeOfUnixNs(record.TsNs), Text(record.Market), What(record), Outcome(record), Numbers(record));
        }

        return new Panel(table).Header(header).Expand();
    }

    private static string What(DecisionRecord record)
    {
        var parts = new List<string>
        {
            record.Kind switch
            {
                DecisionKind.Entry => "entry",
                DecisionKind.Skip => "skip",
                DecisionKind.Exit => "exit",
                DecisionKind.Fill => "fill",
                DecisionKind.OrderEnded => "order ended",
                DecisionKind.TradeClosed => "trade closed",
                DecisionKind.Resumed => "resumed",
                _ => record.Kind.ToString(),
            },
        };
        if (record.Signal is { } signal)
        {
            parts.Add(signal.ToString());
        }

        if (record.Side is { } side)
        {
            parts.Add(side.ToString().ToUpperInvariant());
        }

        return Text(string.Join(' ', parts));
    }

    /// <summary>What was done: taken (with the order), rejected (with what blocked it and why), or the event's result.</summary>
    internal static string Outcome(DecisionRecord record)
    {
        var detail = string.IsNullOrEmpty(record.Detail) ? string.Empty : $": {Text(record.Detail)}";
        return record.Kind switch
        {
            DecisionKind.Entry or DecisionKind.Exit when record.BlockedBy is { } blocked =>
                $"[yellow]rejected by {Text(blocked)}[/]{detail}",
            DecisionKind.Entry or DecisionKind.Exit =>
                $"[green]taken[/] order {Text(record.OrderId)}{(record.ExitReason is { } why ? $" ({why})" : string.Empty)}",
            DecisionKind.Skip => $"[grey]skipped[/]{detail}",
            DecisionKind.Fill when record.Fill is { } fill =>
                $"filled {Number(fill.Quantity.ToDecimal())} @ {Number(fill.Price.ToDecimal())} fee {Number(fill.Fee)} ({(fill.IsEntry ? "entry" : "exit")})",
            DecisionKind.OrderEnded => $"[yellow]order {Text(record.OrderId)} ended[/]{detail}",
            DecisionKind.Resumed => $"[blue]held from before the restart[/]{detail}",
            DecisionKind.TradeClosed =>
                $"closed{(record.ExitReason is { } reason ? $" by {reason}" : string.Empty)}, P&L {(record.Pnl is { } pnl ? MoneyMarkup(pnl) : "-")}",
            _ => Text(record.Detail),
        };
    }

    private static string Numbers(DecisionRecord record)
    {
        if (record.Inputs is not { } inputs)
        {
            return "-";
        }

        var parts = new List<string>();
        Add(parts, "fair", inputs.FairYes);
        Add(parts, "px", inputs.Price);
        Add(parts, "edge", inputs.Edge);
        Add(parts, "index", inputs.Index);
        Add(parts, "strike", inputs.Strike);
        Add(parts, "stake", inputs.Stake);
        Add(parts, "ret", inputs.Return);
        return parts.Count == 0 ? "-" : Text(string.Join(' ', parts));
    }

    private static void Add(List<string> parts, string name, decimal? value)
    {
        if (value is { } v)
        {
            parts.Add($"{name} {Number(v)}");
        }
    }
}
