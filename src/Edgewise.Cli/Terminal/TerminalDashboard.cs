// The terminal dashboard as a pure function: TerminalView in, a Spectre renderable out, no engine access and no
// clock (every age is taken from the snapshot, which states them as of its own engine time). Sections, most urgent
// first so a short terminal crops the least important: header with the trading state, risk, P&L, feed health,
// books, the index proxy, positions, decisions. Colour always comes with a word (LAGGING, STALE, HALTED, rejected)
// so the meaning survives a monochrome terminal, a captured pane and the text assertions of the tests.
using Edgewise.Dashboard.Snapshots;
using Edgewise.Engine.Risk;
using Spectre.Console;
using Spectre.Console.Rendering;
using static Edgewise.Cli.Terminal.TerminalFormat;

namespace Edgewise.Cli.Terminal;

public sealed partial class TerminalDashboard
{
    private readonly TerminalDashboardOptions _options;

    public TerminalDashboard(TerminalDashboardOptions? options = null)
    {
        _options = options ?? new TerminalDashboardOptions();
        _options.EnsureValid();
    }

    public TerminalDashboardOptions Options => _options;

    /// <summary>One frame of the dashboard for <paramref name="view"/>.</summary>
    public IRenderable Render(TerminalView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var snapshot = view.Snapshot;
        return new Rows(
            Header(snapshot),
            Columns2(RiskPanel(snapshot.Risk), PnlPanel(snapshot)),
            FeedsPanel(snapshot),
            BooksPanel(snapshot),
            IndexPanel(view.Index, snapshot.Time),
            PositionsPanel(snapshot),
            DecisionsPanel(view.Decisions));
    }

    /// <summary>A frame that says the view could not be built, so a failure shows instead of freezing the screen.</summary>
    public static IRenderable Failure(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Panel(new Markup($"[red bold]Dashboard view failed:[/] {Text(error.GetType().Name)}: {Text(error.Message)}"))
            .Header("edgewise")
            .Expand();
    }

    private static Markup Header(DashboardSnapshot snapshot)
    {
        var state = StateMarkup(snapshot.Risk.State);
        return new Markup($"[bold]edgewise[/]  {snapshot.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}Z  snapshot #{Integer(snapshot.Sequence)}  trading {state}");
    }

    private static string StateMarkup(TradingState state) => state switch
    {
        TradingState.Halted => "[white on red bold] HALTED [/]",
        TradingState.Reducing => "[black on yellow] REDUCING [/]",
        _ => "[green]ACTIVE[/]",
    };

    private static Grid Columns2(IRenderable left, IRenderable right)
    {
        var grid = new Grid().Expand();
        grid.AddColumn(new GridColumn());
        grid.AddColumn(new GridColumn());
        grid.AddRow(left, right);
        return grid;
    }

    private static Panel RiskPanel(RiskStatus risk)
    {
        var grid = KeyValueGrid();
        grid.AddRow("state", StateMarkup(risk.State));
        if (risk.State != TradingState.Active || !string.IsNullOrEmpty(risk.Reason))
        {
            grid.AddRow("reason", risk.State == TradingState.Halted ? $"[red]{Text(risk.Reason)}[/]" : Text(risk.Reason));
        }

        grid.AddRow("daily realized", MoneyMarkup(risk.DailyRealizedPnl));
        grid.AddRow("daily loss limit", risk.Limits.MaxDailyLoss is { } limit ? Money(-limit) : "none");
        var losses = risk.Limits.MaxConsecutiveLosses is { } max ? $"{Integer(risk.ConsecutiveLosses)} of {Integer(max)}" : Integer(risk.ConsecutiveLosses);
        grid.AddRow("losing streak", losses);
        return new Panel(grid).Header("risk").Expand();
    }

    private static Panel PnlPanel(DashboardSnapshot snapshot)
    {
        var p = snapshot.Portfolio;
        var grid = KeyValueGrid();
        grid.AddRow("net P&L", $"[bold]{MoneyMarkup(p.NetPnl)}[/]");
        grid.AddRow("realized / unrealized", $"{MoneyMarkup(p.RealizedPnl)} / {MoneyMarkup(p.UnrealizedPnl)}");
        grid.AddRow("fees / funding", $"{Money(-p.Fees)} / {Money(p.Funding)}");
        grid.AddRow("equity / cash", $"{Amount(p.Equity)} / {Amount(p.Cash)}");
        grid.AddRow("fills / open orders", $"{Integer(snapshot.TotalFills)} / {Integer(snapshot.OpenOrderCount)}");
        foreach (var strategy in snapshot.Strategies)
        {
            var status = strategy.Status == "running" ? string.Empty : $" [red]{Text(strategy.Status)}: {Text(strategy.Fault)}[/]";
            grid.AddRow(Text(strategy.StrategyId), $"{MoneyMarkup(strategy.NetPnl)} ({Integer(strategy.Fills)} fills){status}");
        }

        return new Panel(grid).Header("P&L").Expand();
    }

    private static Grid KeyValueGrid()
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn(new GridColumn());
        return grid;
    }

    private static Table NewTable(params string[] columns)
    {
        // No inner border: the panel frames the table, and every line saved keeps more sections on a short terminal.
        var table = new Table().Border(TableBorder.None);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn($"[bold underline]{column}[/]"));
        }

        return table;
    }
}
