// Restart recovery in a paper run (the rules are in Recovery/RunRecovery): the store is locked for this process, the
// store's unfinished run is resumed under its own id (or a new run begun), the engine starts from the replayed
// portfolio with client order ids scoped to this process, the recorder knows what is already stored, and the operator
// sees on the console, and in results.json, the positions and cash taken over, the orders canceled and every
// difference found. Recovery that is refused (another profile, a journal that does not replay, a store in use) is a
// setup error: one line, exit 1, nothing written.
using System.Text.Json;
using Edgewise.Cli.Persistence;
using Edgewise.Cli.Recovery;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Core.Time;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Risk;
using Edgewise.Storage.Store;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Cli.Run;

internal sealed partial class PaperSession
{
    private RecoveryPlan _recovery = RecoveryPlan.Fresh([], []);

    /// <summary>What recovery found when the run started (readable once RunAsync has begun the run).</summary>
    public RecoveryPlan Recovery => _recovery;

    private StoreRunLock LockStore()
    {
        try
        {
            return StoreRunLock.Acquire(_config.Store.Path);
        }
        catch (RecoveryException e)
        {
            throw new PaperSetupException($"store.path: {e.Message}", e);
        }
    }

    /// <summary>
    /// Resumes the store's unfinished run (its id) or begins a new one; recovery's own records are committed first. Live, Kalshi's
    /// own report of positions and resting orders is what a resumed run is checked against; when Kalshi cannot give it, a resumed
    /// run starts Halted, since nothing would then say whether the store is right.
    /// </summary>
    private async Task<long> BeginOrResumeRunAsync(WriteBehindStore store, KalshiDataOptions kalshiOptions, KalshiAuth? auth, CancellationToken ct)
    {
        _recovery = PlanRecovery(store.Path, venueStates: null);
        if (_settings.Live && auth is not null && _recovery.IsResume)
        {
            try
            {
                _recovery = PlanRecovery(store.Path, [(Venue, await FetchKalshiStateAsync(kalshiOptions, auth, ct).ConfigureAwait(false))]);
            }
            catch (VenueStateUnavailableException e)
            {
                _recovery = PlanRecovery(store.Path, []) with
                {
                    HaltReason = $"recovery: Kalshi could not report positions and orders ({e.Message}); review them before trading",
                };
            }
        }

        store.EnqueueTogether(_recovery.Writes);
        if (_recovery.ResumedRun is { } run)
        {
            await store.FlushAsync(ct).ConfigureAwait(false);
            return run.Id;
        }

        return await store.BeginRunAsync(_profile.Name, _profile.Sha256, _clock.GetUnixNs(), ct).ConfigureAwait(false);
    }

    /// <summary>RunRecovery's plan (pure: nothing is written until the caller enqueues its writes); live when venue states are given.</summary>
    private RecoveryPlan PlanRecovery(string storePath, IReadOnlyList<(string Venue, VenueState State)>? venueStates)
    {
        using var reader = StoreReader.Open(storePath);
        try
        {
            return RunRecovery.Plan(reader, new RecoveryRequest(_profile.Name, _profile.Sha256, _settings.NewRun, _clock.GetUnixNs(), venueStates));
        }
        catch (RecoveryException e)
        {
            throw new PaperSetupException($"store {storePath}: {e.Message}", e);
        }
    }

    private async Task<VenueState> FetchKalshiStateAsync(KalshiDataOptions kalshiOptions, KalshiAuth auth, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // request timeouts run on the session's clock
        var rest = new KalshiRestClient(http, kalshiOptions.RestBaseUri, _clock, auth, kalshiOptions.Connection.RestTimeout, kalshiOptions.Connection.MaxRestBytes);
        var report = new KalshiVenueStateReport(rest, _clock,
            static (ticker, side) => new InstrumentId(Venue, side == OutcomeSide.Yes ? ticker : ticker + BinaryMarket.NoSuffix));
        return await report.FetchAsync(ct).ConfigureAwait(false);
    }

    private EngineOptions WithRecovery(EngineOptions options) =>
        options with { Portfolio = _recovery.Portfolio, ClientOrderIdScope = _recovery.ScopeFor(_runId) };

    private StoreRecorder CreateRecorder(EngineLoop engine, WriteBehindStore store) =>
        new(engine, store, _runId, ledgerRecorded: _recovery.LedgerEntries, openedAt: _recovery.OpenedAt);

    /// <summary>Prints what recovery did and, when it asks for it, halts trading before the engine starts.</summary>
    private void ReportRecovery(EngineLoop engine)
    {
        foreach (var line in RecoveryLines(_recovery))
        {
            _output.WriteLine(line);
        }

        if (_recovery.Risk is { } risk)
        {
            engine.Risk.CarryOver(risk.RealizedNetToday, risk.ConsecutiveLosses);
        }

        if (_recovery.HaltReason is { } reason)
        {
            engine.SetTradingState(TradingState.Halted, reason);
        }
    }

    /// <summary>The console lines for a recovery plan: nothing when there was nothing to recover.</summary>
    internal static IEnumerable<string> RecoveryLines(RecoveryPlan plan)
    {
        foreach (var run in plan.AbandonedRuns)
        {
            yield return string.Create(Inv, $"recovery: run {run.Id} ({run.Profile}) never ended and is closed as abandoned");
        }

        if (plan.ResumedRun is { } resumed)
        {
            var portfolio = plan.Portfolio;
            var open = portfolio.Positions.Where(static p => !p.IsFlat).OrderBy(static p => p.Instrument.ToString(), StringComparer.Ordinal).ToList();
            yield return string.Create(Inv,
                $"recovery: resuming run {resumed.Id} (started {UnixTime.FromUnixNs(resumed.StartedAt):u}, did not end cleanly): {open.Count} open position(s), cash {portfolio.Ledger.Cash}, realized P&L {portfolio.RealizedPnl}, fees {portfolio.FeesPaid}, {plan.CanceledOrders.Count} open order(s) canceled, {plan.Differences.Count} difference(s)");
            foreach (var position in open)
            {
                yield return string.Create(Inv,
                    $"recovery: position {position.Instrument} {position.NetQuantity} (cost basis {position.CostBasis}, opened {UnixTime.FromUnixNs(position.OpenedAt!.Value):u})");
            }

            if (plan.Risk is { } risk)
            {
                yield return string.Create(Inv,
                    $"recovery: risk limits carry on from realized {risk.RealizedNetToday} after fees today (UTC) and {risk.ConsecutiveLosses} losing round trip(s) in a row");
            }

            foreach (var order in plan.CanceledOrders)
            {
                yield return string.Create(Inv,
                    $"recovery: order {order.ClientOrderId} canceled (was {order.Status}: {order.Side} {order.Quantity} {order.Instrument} at {order.Price}, filled {order.FilledQuantity})");
            }
        }

        foreach (var difference in plan.Differences)
        {
            yield return $"recovery: difference: {difference}";
        }

        if (plan.HaltReason is { } halt)
        {
            yield return $"recovery: trading starts Halted ({halt})";
        }
    }

    private void WriteRecovery(Utf8JsonWriter writer)
    {
        var plan = _recovery;
        writer.WriteStartObject("recovery");
        if (plan.ResumedRun is { } resumed)
        {
            writer.WriteNumber("resumed_run_id", resumed.Id);
        }
        else
        {
            writer.WriteNull("resumed_run_id");
        }

        writer.WriteStartArray("abandoned_run_ids");
        foreach (var run in plan.AbandonedRuns)
        {
            writer.WriteNumberValue(run.Id);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("canceled_orders");
        foreach (var order in plan.CanceledOrders)
        {
            writer.WriteStartObject();
            writer.WriteString("client_order_id", order.ClientOrderId);
            writer.WriteString("instrument", order.Instrument.ToString());
            writer.WriteString("status_before", order.Status.ToString());
            writer.WriteString("filled", order.FilledQuantity.ToDecimal().ToString(Inv));
            writer.WriteString("reason", RunRecovery.PaperCancelReason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("differences");
        foreach (var difference in plan.Differences)
        {
            writer.WriteStringValue(difference);
        }

        writer.WriteEndArray();
        if (plan.Risk is { } carried)
        {
            writer.WriteStartObject("risk_carried_over");
            writer.WriteString("realized_net_today", carried.RealizedNetToday.ToString(Inv));
            writer.WriteNumber("consecutive_losses", carried.ConsecutiveLosses);
            writer.WriteEndObject();
        }

        writer.WriteString("halt_reason", plan.HaltReason);
        writer.WriteEndObject();
    }
}
