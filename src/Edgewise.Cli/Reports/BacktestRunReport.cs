// Builds a RunReport from a backtest's result, using BacktestStatistics' trade categories so the HTML report and
// report.md agree: trades settled on an inferred result are marked Inferred (totalled apart, not in the curve), open
// trades have no P&L, and exit reasons are the strategy's own (stop_loss, profit_target, timeout) or the settlement's
// source. Each signal is reported as its own strategy line ("btc-binary / flash_crash").
using System.Globalization;
using Edgewise.Cli.Backtest;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Cli.Reports;

internal static class BacktestRunReport
{
    public static RunReport Build(BacktestResult result, BacktestStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stats);
        var trades = stats.Categories.Select(static c => Trade(c.Trade, c.Category)).ToList();
        var p = result.Profile;
        var data = result.Data;
        var c = result.Counters;
        var start = data.Rows[0].TsNs;
        var end = data.Rows[^1].TsNs;
        var facts = new List<ReportFact>
        {
            new("source", "backtest on recorded data"),
            new("profile", $"{p.Name} ({Path.GetFileName(p.Source)})"),
            new("profile sha256", p.Sha256),
            new("profile description", p.Description),
            new("data", string.Create(CultureInfo.InvariantCulture, $"{data.FileName} (sha256 {data.Sha256}), {data.Rows.Count} rows, {data.Markets.Count} markets")),
            new("settlements", result.Settlements.FileName is null
                ? "none given"
                : string.Create(CultureInfo.InvariantCulture, $"{result.Settlements.FileName} (sha256 {result.Settlements.Sha256}), {result.Settlements.Records.Count} records")),
            new("data from", ReportFormat.Time(start)),
            new("data to", ReportFormat.Time(end) + " (" + ReportFormat.Duration(end - start) + ")"),
            new("exit reason", "end of data"),
            new("engine", string.Create(CultureInfo.InvariantCulture,
                $"{c.OrdersSent} orders to the venue, {c.OrdersDenied} denied by risk, {c.OrdersRejected} rejected, {c.Fills} fills")),
            new("portfolio", $"realized P&L {ReportFormat.Money(c.PortfolioRealizedPnl)}, fees {ReportFormat.Money(c.PortfolioFees)}, cash {ReportFormat.Money(c.PortfolioCash)}"),
        };
        var notes = new List<string>
        {
            "The profile is a reconstruction of the rules described for that version, not the original bot's code.",
            string.Create(CultureInfo.InvariantCulture,
                $"Fills are IOC limit orders at the recorded touch with zero latency and the Kalshi taker fee; the data has no sizes, so {ReportFormat.Number(BacktestRunner.AssumedLevelSize.ToDecimal())} contracts per level are assumed."),
            "Trades settled on a result inferred from the last quote are totalled apart and left out of the equity curve; open trades have no P&L.",
            "report.md next to this file has the fair-value scores, decision counts and settlement details.",
        };
        return RunReport.Create($"Backtest: {p.Name}", start, end, facts, trades, notes,
            "Exit reasons as the strategy recorded them; settlements are split into recorded and inferred results.");
    }

    private static ReportTrade Trade(TradeRecord t, TradeCategory category)
    {
        var exit = t.SettlementPrice is { } settle ? settle.ToDecimal() : t.AverageExitPrice;
        var endedBy = category switch
        {
            TradeCategory.ClosedByExit => WireNames.Of(t.ExitReason!.Value),
            TradeCategory.SettledRecorded => "settlement (recorded)",
            TradeCategory.SettledInferred => "settlement (inferred)",
            _ => "open, unsettled",
        };
        return new ReportTrade(t.Id, $"{BacktestRunner.StrategyId} / {WireNames.Of(t.Signal)}", t.Market, WireNames.Of(t.Side),
            t.OpenedNs, t.ClosedNs, t.Bought.ToDecimal(), t.AverageEntryPrice, exit, endedBy, t.Fees, t.IsClosed ? t.NetPnl : null,
            category == TradeCategory.SettledInferred);
    }
}
