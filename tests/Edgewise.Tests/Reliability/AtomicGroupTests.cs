using Edgewise.Cli.Persistence;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Engine.Loop;
using Edgewise.Storage.Store;
using Edgewise.Tests.Engine;
using Edgewise.Tests.Storage.Store;

namespace Edgewise.Tests.Reliability;

/// <summary>
/// What keeps the stored books reconcilable after a kill -9 at any moment: the records of one engine event are one queue
/// item, which one transaction commits whole; and client order ids carry a scope, so a resumed run never reuses one.
/// </summary>
public sealed class AtomicGroupTests
{
    [Fact]
    public async Task EnqueueTogether_GroupLargerThanABatch_OneTransactionCommitsAllOrNone()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync(new StoreOptions { MaxBatchRecords = 1, RetryDelay = TimeSpan.FromSeconds(1) });
        var commits = 0;
        var failFirst = true;
        store.BeforeCommit = () =>
        {
            commits++;
            if (failFirst)
            {
                failFirst = false;
                throw new StoreFaultInjectedException("power cut");
            }
        };
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.RetryScheduled = _ => retried.TrySetResult();

        store.EnqueueTogether([Entry(run, 0), Entry(run, 1), Entry(run, 2)]);
        await retried.Task;

        Assert.Equal(0L, fx.Count("ledger_entries")); // the failed transaction held all three: none is there
        var flush = store.FlushAsync(StoreFixture.Ct);
        fx.Clock.Advance(TimeSpan.FromSeconds(1));
        await flush;
        Assert.Equal(3L, fx.Count("ledger_entries"));
        Assert.Equal(2, commits); // three records past a one-record batch limit, still one transaction (tried twice)
        Assert.Equal(4, store.Lag.CommittedRecords); // + the run row
    }

    [Fact]
    public async Task EnqueueTogether_EmptyMixedAndInvalidGroups_EmptyIgnoredMixedWrittenRunStartAndNullRefused()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();

        store.EnqueueTogether([]);
        store.EnqueueTogether([Entry(run, 0), new StrategyStateRecord(run, "s", 1, "{}")]);
        await store.FlushAsync(StoreFixture.Ct);

        Assert.Equal((1L, 1L), (fx.Count("ledger_entries"), fx.Count("strategy_state")));
        Assert.Throws<ArgumentException>(() => store.EnqueueTogether([new RunStartRequest("p", "h", 1)])); // its id is handed back alone
        Assert.Throws<ArgumentNullException>(() => store.EnqueueTogether([Entry(run, 1), null!]));
        Assert.Equal(0, store.Lag.PendingRecords);
    }

    [Fact]
    public async Task Recorder_Fill_LedgerPositionFillEventOrderAndAttemptInOneTransaction()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync(new StoreOptions { MaxBatchRecords = 1 });
        var h = new EngineHarness();
        using var recorder = new StoreRecorder(h.Engine, store, run);
        h.Start();
        h.Book("99", "101");
        var id = h.Limit(OrderSide.Buy, "100", 2).Order!.ClientOrderId;
        await store.FlushAsync(StoreFixture.Ct);
        var commits = 0;
        store.BeforeCommit = () => commits++;

        h.Fill(id, 2, "100", fee: 0.02m);
        await store.FlushAsync(StoreFixture.Ct);

        // Trade cash, fee, position, fill, order event, order snapshot, fill attempt: 7 records, one commit.
        Assert.Equal(1, commits);
        Assert.Equal((2L, 1L, 1L, 1L, 1L), (fx.Count("ledger_entries"), fx.Count("positions"), fx.Count("fills"), fx.Count("order_events"), fx.Count("fill_attempts")));
    }

    [Fact]
    public void NextClientOrderId_EngineWithScope_ScopeBetweenStrategyAndNumber()
    {
        var scoped = new EngineLoop(new EngineOptions
        {
            Clock = TimeProvider.System,
            BookFactory = static i => new TestOrderBook(i.Id),
            ClientOrderIdScope = "r7.2",
        });
        var strategy = new ScriptedStrategy();
        scoped.Strategies.Add(strategy);
        var plain = new EngineHarness();

        Assert.Equal(["s1-r7.2-1", "s1-r7.2-2"], scoped.RunOnLoop(() => new[] { strategy.Ctx.NextClientOrderId(), strategy.Ctx.NextClientOrderId() }));
        Assert.Equal("s1-1", plain.Engine.RunOnLoop(() => plain.Strategy.Ctx.NextClientOrderId()));
    }

    private static LedgerEntryRecord Entry(long run, long seq) =>
        new(run, seq, new LedgerEntry(seq, LedgerEntryKind.Deposit, null, 1m, seq + 1m, null));
}
