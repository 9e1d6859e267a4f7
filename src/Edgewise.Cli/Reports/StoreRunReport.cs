// Builds a RunReport for one stored run: the run row (profile, config hash, times, exit reason), its trades rebuilt
// from fills and ledger payouts (StoreTradeBuilder), and facts the store can vouch for (orders by status, fills,
// cash, the positions' own totals to reconcile against). What the store does not keep is said, not guessed: it has
// no strategy exit reasons and no marks for open positions.
using System.Globalization;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Reports;

internal static class StoreRunReport
{
    /// <summary>The report of run <paramref name="runId"/>, or null when the store has no such run.</summary>
    public static RunReport? Build(StoreReader reader, long runId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.LoadRun(runId) is not { } run)
        {
            return null;
        }

        var fills = reader.LoadFills(runId);
        var ledger = reader.LoadLedger(runId);
        var positions = reader.LoadPositions(runId);
        var orders = reader.LoadOrders(runId);
        var builder = StoreTradeBuilder.Build(fills, ledger, positions);
        var trades = builder.Trades();

        var lastSeen = Math.Max(fills.Count == 0 ? run.StartedAt : fills.Max(static f => f.TsEvent),
            ledger.Count == 0 ? run.StartedAt : ledger.Max(static e => e.Entry.Ts));
        var end = run.StoppedAt ?? lastSeen;
        var statuses = orders.GroupBy(static o => o.Status).OrderBy(static g => g.Key)
            .Select(static g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var netDeposits = ledger.Where(static e => e.Entry.Kind is Core.Portfolio.LedgerEntryKind.Deposit or Core.Portfolio.LedgerEntryKind.Withdrawal)
            .Sum(static e => e.Entry.Amount);
        var facts = new List<ReportFact>
        {
            new("source", string.Create(CultureInfo.InvariantCulture, $"store, run {run.Id}")),
            new("profile", run.Profile),
            new("configuration hash", run.ConfigHash),
            new("started", ReportFormat.Time(run.StartedAt)),
            new("stopped", run.StoppedAt is { } stopped
                ? ReportFormat.Time(stopped) + " (" + ReportFormat.Duration(stopped - run.StartedAt) + ")"
                : "not recorded: the run is still going, or it crashed"),
            new("exit reason", string.IsNullOrEmpty(run.ExitReason) ? "not recorded" : run.ExitReason),
            new("orders", orders.Count == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{orders.Count} ({string.Join(", ", statuses)})")),
            new("fills", fills.Count.ToString(CultureInfo.InvariantCulture)),
            new("cash", ledger.Count == 0
                ? "no ledger entries"
                : $"net deposits {ReportFormat.Money(netDeposits)}, balance at the end {ReportFormat.Money(ledger[^1].Entry.BalanceAfter)}"),
            new("positions (store's totals)", string.Create(CultureInfo.InvariantCulture,
                $"realized P&L {ReportFormat.Money(positions.Sum(static p => p.RealizedPnl))}, fees {ReportFormat.Money(positions.Sum(static p => p.FeesPaid))}, funding {ReportFormat.Money(positions.Sum(static p => p.Funding))}, {positions.Count(static p => !p.IsFlat)} still open")),
        };

        var notes = new List<string>
        {
            "Trades are rebuilt from the stored fills and settlement payouts: a trade opens with a fill from a flat position and ends when the position is flat again.",
            "Open positions are not marked to market: the equity curve moves only when a trade closes, and open trades have no P&L (their fees are counted in fees paid).",
        };
        if (fills.Select(static f => f.StrategyId).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            notes.Add("Positions are kept per instrument, not per strategy: each trade is attributed to the strategy whose fill opened it.");
        }

        if (builder.UnmatchedPayouts > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{builder.UnmatchedPayouts} settlement payout(s) were booked for instruments with no trade open in this run's fills; they are in no trade's P&L."));
        }

        if (builder.UnattributedFunding != 0m)
        {
            notes.Add($"Funding of {ReportFormat.Money(builder.UnattributedFunding)} was booked while no trade was open on its instrument; it is in no trade's P&L.");
        }

        return RunReport.Create(
            string.Create(CultureInfo.InvariantCulture, $"Run {run.Id}: {run.Profile}"), run.StartedAt, end, facts, trades, notes,
            "The store does not record why a strategy exited a trade: trades are grouped by how they ended as recorded (a settlement, or an order that closed the position).");
    }
}
