using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;

namespace Edgewise.Tests.Storage.Store;

public sealed class WriteBehindStoreTests
{
    [Fact]
    public async Task Enqueue_TenThousandFromEngineThreadWhileWriterRuns_AllCommittedOnceInOrder()
    {
        await using var fx = new StoreFixture();
        // Small batches, so the writer commits many transactions while the producer is still enqueuing.
        var (store, run) = await fx.OpenWithRunAsync(new StoreOptions { MaxBatchRecords = 64 });
        const int Count = 10_000;

        var engine = new Thread(() =>
        {
            for (var i = 0; i < Count; i++)
            {
                store.Enqueue(Entry(run, i));
            }
        });
        engine.Start();
        engine.Join();
        await store.FlushAsync(StoreFixture.Ct);

        Assert.Equal(Count, fx.Count("ledger_entries"));
        Assert.Equal(Count, (long)fx.Sql("SELECT count(DISTINCT seq) FROM ledger_entries;")!);
        // rowid follows insertion: the rows went in exactly in enqueue order.
        Assert.Equal(0L, fx.Sql("SELECT count(*) FROM ledger_entries WHERE rowid != seq + 1;"));
        var lag = store.Lag;
        Assert.Equal(0, lag.PendingRecords);
        Assert.Equal(0, lag.PendingBytes);
        Assert.Equal(Count + 1, lag.CommittedRecords); // + the run row
    }

    [Fact]
    public async Task Enqueue_SameRecordsReplayed_NothingDoubled()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var fill = new FillRecord(run, StoreFixture.Btc, "t-1", "c-1", "s1", OrderSide.Buy, Price.Parse("1"),
            Quantity.Parse("1"), LiquiditySide.Taker, 0.01m, 1, 2);
        var other = fill with { ClientOrderId = "c-2" }; // same venue trade filling a second order of ours: a separate fill
        var journal = new StoreRecord[]
        {
            fill, other, Entry(run, 0), Entry(run, 1),
            new OrderEventRecord(run, "c-1", OrderEventKind.Accepted, "", "v", null, 1, 1),
            new FillAttemptRecord(run, "c-1", "s1", StoreFixture.Btc, OrderSide.Buy, OrderType.Limit,
                TimeInForce.Gtc, fill.Price, fill.Quantity, null, null, 1, null, 2, 3, FillAttemptOutcome.Filled,
                OrderStatus.Filled, fill.Quantity, Quantity.Zero),
        };

        foreach (var record in journal.Concat(journal))
        {
            store.Enqueue(record);
        }

        await store.FlushAsync(StoreFixture.Ct);

        Assert.Equal(2L, fx.Count("fills"));
        Assert.Equal(2L, fx.Count("ledger_entries"));
        Assert.Equal(1L, fx.Count("order_events"));
        Assert.Equal(1L, fx.Count("fill_attempts"));
        Assert.Equal(journal.Length, store.Lag.DuplicatesIgnored);
    }

    [Fact]
    public async Task FlushAsync_WriterHeld_CompletesOnlyAfterTheRecordsAreCommitted()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var pause = new WriterPause(store);
        store.Enqueue(Entry(run, 0));
        await pause.Reached;
        store.Enqueue(Entry(run, 1));

        var flush = store.FlushAsync(StoreFixture.Ct);

        Assert.False(flush.IsCompleted);
        Assert.Equal(0L, fx.Count("ledger_entries"));
        pause.Release();
        await flush;
        // Read through a fresh connection: the rows are committed, not just handed to the writer.
        Assert.Equal(2L, fx.Count("ledger_entries"));
    }

    [Fact]
    public async Task Lag_WriterHeld_ReportsPendingRecordsBytesAndOldestAge()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var pause = new WriterPause(store);
        var first = Entry(run, 0);
        var second = Entry(run, 1);

        store.Enqueue(first);
        await pause.Reached;
        fx.Clock.Advance(TimeSpan.FromSeconds(3));
        store.Enqueue(second);
        fx.Clock.Advance(TimeSpan.FromSeconds(2));
        var held = store.Lag;

        // Two records; the older was enqueued 3 s + 2 s ago.
        Assert.Equal(2, held.PendingRecords);
        Assert.Equal(first.EstimatedBytes + second.EstimatedBytes, held.PendingBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), held.OldestPendingAge);
        Assert.Equal(1, held.CommittedRecords);

        pause.Release();
        await store.FlushAsync(StoreFixture.Ct);
        Assert.Equal(new StoreLag(0, 0, TimeSpan.Zero, 3, 0, 0), store.Lag);
    }

    [Fact]
    public async Task Enqueue_PastRecordBound_RequestsHaltKeepsEverythingAndWithdrawsWhenDrained()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync(new StoreOptions { MaxPendingRecords = 4 });
        var signals = new List<bool>();
        store.HaltRequestChanged += signals.Add;
        var pause = new WriterPause(store);
        store.Enqueue(Entry(run, 0));
        await pause.Reached;

        for (var i = 1; i < 4; i++)
        {
            store.Enqueue(Entry(run, i));
        }

        Assert.False(store.IsHaltRequested); // 4 pending: at the bound, not past it
        store.Enqueue(Entry(run, 4));
        Assert.True(store.IsHaltRequested);
        Assert.Equal([true], signals);
        Assert.Contains("backlog of 5 records", store.HaltReason, StringComparison.Ordinal);

        for (var i = 5; i < 20; i++)
        {
            store.Enqueue(Entry(run, i)); // past the bound nothing is refused or dropped
        }

        pause.Release();
        await store.FlushAsync(StoreFixture.Ct);

        Assert.Equal(20L, fx.Count("ledger_entries"));
        Assert.False(store.IsHaltRequested);
        Assert.Null(store.HaltReason);
        Assert.Equal([true, false], signals);
    }

    [Fact]
    public async Task Enqueue_PastByteBound_RequestsHalt()
    {
        await using var fx = new StoreFixture();
        var big = new StrategyStateRecord(1, "s1", 1, new string('x', 1_000));
        // One record is about 2 KB (1000 UTF-16 chars); the bound admits one and not two.
        var (store, run) = await fx.OpenWithRunAsync(new StoreOptions { MaxPendingBytes = big.EstimatedBytes + 100 });
        var pause = new WriterPause(store);
        store.Enqueue(big with { RunId = run });
        await pause.Reached;
        Assert.False(store.IsHaltRequested);

        store.Enqueue(big with { RunId = run, Ts = 2 });

        Assert.True(store.IsHaltRequested);
        Assert.Equal(2 * big.EstimatedBytes, store.Lag.PendingBytes);
        pause.Release();
        await store.FlushAsync(StoreFixture.Ct);
        Assert.False(store.IsHaltRequested);
        Assert.Equal(2L, fx.Count("strategy_state"));
    }

    [Fact]
    public async Task Commit_FailsOnce_HaltsRetriesAfterDelayAndLosesNothing()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync(new StoreOptions { RetryDelay = TimeSpan.FromSeconds(1) });
        var failures = 0;
        store.BeforeCommit = () =>
        {
            if (failures++ == 0)
            {
                throw new StoreFaultInjectedException("disk unplugged");
            }
        };
        var retryScheduled = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.RetryScheduled = e => retryScheduled.TrySetResult(e);

        store.Enqueue(Entry(run, 0));
        store.Enqueue(Entry(run, 1));
        var flush = store.FlushAsync(StoreFixture.Ct);
        var error = await retryScheduled.Task;

        Assert.Equal("disk unplugged", error.Message);
        Assert.True(store.IsHaltRequested);
        Assert.Equal("store writes failing: disk unplugged", store.HaltReason);
        Assert.Equal(1, store.Lag.FailedBatches);
        Assert.Equal(2, store.Lag.PendingRecords);
        Assert.False(flush.IsCompleted);
        Assert.Equal(0L, fx.Count("ledger_entries"));

        fx.Clock.Advance(TimeSpan.FromSeconds(1));
        await flush;

        Assert.Equal(2L, fx.Count("ledger_entries"));
        Assert.False(store.IsHaltRequested);
        Assert.Same(error, store.LastWriteError);
    }

    [Fact]
    public async Task BeginRunAsync_AfterRecordsInQueue_IdIsKnownOnlyOnceCommitted()
    {
        await using var fx = new StoreFixture();
        var store = fx.Open();
        var pause = new WriterPause(store);

        var begin = store.BeginRunAsync("p", "h", 7, StoreFixture.Ct);
        await pause.Reached;

        Assert.False(begin.IsCompleted);
        pause.Release();
        Assert.Equal(1, await begin);
    }

    [Fact]
    public async Task CloseAsync_WithQueuedRecords_CommitsThemThenRefusesMore()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        for (var i = 0; i < 100; i++)
        {
            store.Enqueue(Entry(run, i));
        }

        await store.CloseAsync(StoreFixture.Ct);

        Assert.Equal(100L, fx.Count("ledger_entries"));
        Assert.Throws<ObjectDisposedException>(() => store.Enqueue(Entry(run, 100)));
        await store.FlushAsync(StoreFixture.Ct); // nothing left to wait for
    }

    [Fact]
    public async Task CloseAsync_CancelledWhileCommitsFail_AbandonsAndFailsWaitingFlushes()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        store.BeforeCommit = () => throw new StoreFaultInjectedException("read-only file system");
        var retryScheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.RetryScheduled = _ => retryScheduled.TrySetResult();
        store.Enqueue(Entry(run, 0));
        var flush = store.FlushAsync(StoreFixture.Ct);
        await retryScheduled.Task;

        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CloseAsync(cancel.Token));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => flush);
        Assert.Contains("closed before these records were committed (1 abandoned)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, fx.Count("ledger_entries"));
        // Nothing may later pretend the abandoned record is durable.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.FlushAsync(StoreFixture.Ct));
    }

    private static LedgerEntryRecord Entry(long run, int seq) =>
        new(run, seq, new LedgerEntry(seq, LedgerEntryKind.Deposit, null, 1m, seq + 1m, null));
}
