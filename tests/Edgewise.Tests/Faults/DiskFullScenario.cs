using Edgewise.Cli.Persistence;
using Edgewise.Core.Orders;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Risk;
using Edgewise.Storage.Store;
using Edgewise.Tests.Engine;
using Edgewise.Tests.Storage.Store;
using Microsoft.Data.Sqlite;

namespace Edgewise.Tests.Faults;

/// <summary>
/// The store's disk fills up in the middle of trading (SQLITE_FULL at commit, injected through the store's commit hook:
/// a real full filesystem needs root here). The error is clear (the halt reason names it), trading halts safely (the
/// engine moves to Reducing at its next recorded event: new entries are denied, an order that reduces the position
/// still passes), nothing queued is lost, and once space is back the backlog commits and the books reconcile. The
/// engine stays Reducing: resuming entries is the operator's decision.
/// </summary>
internal sealed class DiskFullScenario : IFaultScenario
{
    public string Name => "full disk for the store";

    public async Task<FaultResult> RunAsync(string directory, CancellationToken ct)
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync(new StoreOptions { RetryDelay = TimeSpan.FromSeconds(1) });
        var h = new EngineHarness();
        h.Engine.Cache.Portfolio.Deposit(1000m, h.Now);
        using var recorder = new StoreRecorder(h.Engine, store, run);
        h.Start();
        h.Book("99", "101");
        h.Trade(OrderSide.Buy, "100", 2);
        await store.FlushAsync(ct);

        var full = true;
        store.BeforeCommit = () =>
        {
            if (Volatile.Read(ref full))
            {
                throw new SqliteException("database or disk is full", 13);
            }
        };
        var retry = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.RetryScheduled = e => retry.TrySetResult(e);
        h.Trade(OrderSide.Buy, "100", 1);
        var error = await retry.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Equal("store writes failing: database or disk is full", store.HaltReason);

        var applies = h.Limit(OrderSide.Buy, "100", 1); // the next recorded event applies the halt
        Assert.Equal(SubmitOutcome.Sent, applies.Outcome);
        Assert.Equal(TradingState.Reducing, h.Engine.Risk.State);
        Assert.Equal("store: store writes failing: database or disk is full", h.Engine.Risk.StateReason);
        var entry = h.Limit(OrderSide.Buy, "100", 1);
        Assert.Equal((SubmitOutcome.Denied, DenialReason.TradingReducing), (entry.Outcome, entry.Reason));
        var exit = h.Limit(OrderSide.Sell, "99", 1); // long 3: selling 1 reduces
        Assert.Equal(SubmitOutcome.Sent, exit.Outcome);

        Volatile.Write(ref full, false);
        var flush = store.FlushAsync(ct);
        fx.Clock.Advance(TimeSpan.FromSeconds(1));
        await flush.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.False(store.IsHaltRequested);
        Assert.Equal(TradingState.Reducing, h.Engine.Risk.State);
        using var reader = fx.Reader();
        Assert.Empty(reader.CheckConsistency(run).Problems);
        var lost = recorder.RecordsEnqueued + 1 - store.Lag.CommittedRecords; // + the run row
        return new FaultResult(Name, 1, 1, lost, $"{error.Message}: engine Reducing, entries denied, exits allowed; {store.Lag.FailedBatches} failed batch(es) retried");
    }
}
