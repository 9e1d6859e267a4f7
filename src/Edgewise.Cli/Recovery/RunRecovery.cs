// Restart recovery: what a starting run does with the store it opens. The rule: the store's latest run that never
// ended (stopped_at is null: the process was killed, crashed or lost power) is resumed under its own run id, by the
// same profile (name and sha256; anything else is refused, or abandoned with --new-run), so its ledger sequence,
// positions and reports stay one account. Older runs that never ended cannot be resumed any more (a newer run exists)
// and are closed as abandoned. A run that ended cleanly is finished: its books are its results, and a new run starts
// with an empty paper account.
// Resuming replays the run's journal into a Portfolio (JournalReplay; a journal that does not replay is refused), lists
// every way the stored snapshots disagree with it, and deals with the orders the run left open. In paper mode the store
// is the only truth and a simulated venue does not outlive its process, so each open order is canceled in the store
// with the recovery reason. In live mode each venue's own report (IVenueStateReport) is compared with the journal
// instead (VenueReconciliation) and any difference starts trading Halted: the venue is right, but what to do about a
// position or order we did not expect is the operator's call. Client order ids get a new scope per process
// ("r<run>.<k>"), because the store keys orders by client order id and the resumed engine numbers from 1 again.
using System.Globalization;
using System.Text.RegularExpressions;
using Edgewise.Core.Orders;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Recovery;

internal static partial class RunRecovery
{
    public const string PaperCancelReason = "recovery: open when the run stopped without a shutdown; the simulated venue did not outlive its process";

    /// <summary>The client order id scope of run <paramref name="runId"/>'s <paramref name="resume"/>-th resume (0: its first process).</summary>
    public static string Scope(long runId, int resume) => resume == 0
        ? string.Create(CultureInfo.InvariantCulture, $"r{runId}")
        : string.Create(CultureInfo.InvariantCulture, $"r{runId}.{resume}");

    /// <summary>Reads the store and decides. Throws <see cref="RecoveryException"/> when the crashed run cannot be resumed as asked.</summary>
    public static RecoveryPlan Plan(StoreReader reader, RecoveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(request);
        var unfinished = reader.LoadRuns().Where(static r => r.StoppedAt is null).ToList();
        if (unfinished.Count == 0)
        {
            return RecoveryPlan.Fresh([], []);
        }

        var latest = unfinished[^1];
        var abandoned = unfinished.Take(unfinished.Count - 1).ToList();
        var writes = abandoned
            .Select(r => (StoreRecord)new RunEndRecord(r.Id, request.NowNs, $"abandoned: never ended; run {latest.Id} came after it"))
            .ToList();
        var sameProfile = string.Equals(latest.Profile, request.Profile, StringComparison.Ordinal)
                          && string.Equals(latest.ConfigHash, request.ProfileHash, StringComparison.Ordinal);
        if (request.NewRun || !sameProfile)
        {
            var open = reader.LoadPositions(latest.Id).Where(static p => !p.IsFlat).ToList();
            var orders = reader.LoadOpenOrders(latest.Id);
            if (!request.NewRun)
            {
                throw new RecoveryException(
                    $"run {latest.Id} (profile {latest.Profile}, sha256 {latest.ConfigHash}) did not end cleanly and holds {open.Count} open " +
                    $"position(s) and {orders.Count} open order(s): resume it with the same profile, or give --new-run to close it as " +
                    "abandoned (its positions and orders stay in the store as they are) and start a new run");
            }

            writes.Add(new RunEndRecord(latest.Id, request.NowNs,
                $"abandoned (--new-run): {open.Count} open position(s) and {orders.Count} open order(s) left as stored"));
            var notes = open.Select(p => $"run {latest.Id} abandoned with position {p.Instrument} {p.NetQuantity} (cost {p.CostBasis})")
                .Concat(orders.Select(o => $"run {latest.Id} abandoned with order {o.ClientOrderId} {o.Status}"))
                .ToList();
            return RecoveryPlan.Fresh([.. abandoned, latest], writes) with { Differences = notes };
        }

        return Resume(reader, request, latest, abandoned, writes);
    }

    private static RecoveryPlan Resume(StoreReader reader, RecoveryRequest request, RunInfo run, List<RunInfo> abandoned, List<StoreRecord> writes)
    {
        var ledger = reader.LoadLedger(run.Id);
        var positions = reader.LoadPositions(run.Id);
        var (portfolio, replayDifferences, updates) = JournalReplay.Replay(ledger, reader.LoadFills(run.Id), positions);
        var differences = new List<string>(replayDifferences);
        differences.AddRange(reader.CheckConsistency(run.Id).Problems.Select(static p => $"store check: {p}"));
        var open = reader.LoadOpenOrders(run.Id);
        var canceled = new List<OrderRecord>();
        if (request.VenueStates is { } venues)
        {
            foreach (var (venue, state) in venues)
            {
                differences.AddRange(VenueReconciliation.Compare(portfolio, open, venue, state));
            }
        }
        else
        {
            foreach (var order in open)
            {
                canceled.Add(order);
                writes.Add(order with
                {
                    Status = OrderStatus.Canceled,
                    StatusReason = PaperCancelReason,
                    LastEventAt = request.NowNs,
                    Revision = order.Revision + 1,
                });
                writes.Add(new OrderEventRecord(run.Id, order.ClientOrderId, OrderEventKind.Canceled, string.Empty, order.VenueOrderId,
                    PaperCancelReason, request.NowNs, request.NowNs));
            }
        }

        var haltReason = request.IsLive && differences.Count > 0
            ? $"recovery: {differences.Count} difference(s) between the venue and the store; review them before trading"
            : null;
        return new RecoveryPlan(run, portfolio, canceled, differences, abandoned, writes, ledger.Count,
            positions.ToDictionary(static p => p.Instrument, static p => p.OpenedAt), Scope(run.Id, NextResume(reader, run.Id)), haltReason)
        {
            Risk = RiskCarryOver.From(updates, request.NowNs),
        };
    }

    /// <summary>One more than the highest resume number in the run's stored client order ids (1 when only its first process ordered).</summary>
    private static int NextResume(StoreReader reader, long runId)
    {
        var highest = 0;
        var prefix = Scope(runId, 0);
        foreach (var order in reader.LoadOrders(runId))
        {
            var match = ScopedId().Match(order.ClientOrderId);
            if (match.Success && string.Equals(match.Groups["run"].Value, prefix, StringComparison.Ordinal))
            {
                var resume = match.Groups["resume"].Success ? int.Parse(match.Groups["resume"].Value, CultureInfo.InvariantCulture) : 0;
                highest = Math.Max(highest, resume);
            }
        }

        return highest + 1;
    }

    /// <summary>"&lt;strategy&gt;-r&lt;run&gt;[.&lt;k&gt;]-&lt;n&gt;" (strategy ids may contain dashes; the scope is the last but one part).</summary>
    [GeneratedRegex(@"-(?<run>r\d+)(?:\.(?<resume>\d+))?-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopedId();
}
