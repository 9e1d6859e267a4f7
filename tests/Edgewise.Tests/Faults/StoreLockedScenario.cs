using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;
using Edgewise.TestKit;
using Microsoft.Data.Sqlite;

namespace Edgewise.Tests.Faults;

/// <summary>
/// Another connection holds the store's write lock (a backup tool, an sqlite3 shell left in a transaction): the writer's
/// commit fails with SQLITE_BUSY after the busy timeout, the store asks for a halt of new entries naming the cause and
/// keeps every record queued; once the lock is released, the retry (on the store's clock) commits all of them and the
/// halt request is withdrawn.
/// </summary>
internal sealed class StoreLockedScenario : IFaultScenario
{
    private const int Records = 10;

    public string Name => "SQLite busy / locked";

    public async Task<FaultResult> RunAsync(string directory, CancellationToken ct)
    {
        var clock = new ManualTimeProvider();
        var path = Path.Combine(directory, "locked.db");
        await using var store = WriteBehindStore.Open(path,
            new StoreOptions { BusyTimeout = TimeSpan.FromSeconds(1), RetryDelay = TimeSpan.FromSeconds(1) }, clock);
        var run = await store.BeginRunAsync("fault", "hash", clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000, ct);
        var retry = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.RetryScheduled = e => retry.TrySetResult(e);
        SqliteException busy;
        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            other.Open();
            using (var holder = other.BeginTransaction(deferred: false))
            {
                for (var i = 0; i < Records; i++)
                {
                    store.Enqueue(new LedgerEntryRecord(run, i, new LedgerEntry(i, LedgerEntryKind.Deposit, null, 1m, i + 1m, null)));
                }

                busy = Assert.IsType<SqliteException>(await retry.Task.WaitAsync(TimeSpan.FromSeconds(30), ct));
                Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
                Assert.True(store.IsHaltRequested);
                Assert.Equal($"store writes failing: {busy.Message}", store.HaltReason);
                Assert.Equal(Records, store.Lag.PendingRecords);
                holder.Rollback();
            }
        }

        var flush = store.FlushAsync(ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        await flush.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.False(store.IsHaltRequested);
        using var reader = StoreReader.Open(path);
        var stored = reader.LoadLedger(run).Count;
        Assert.Empty(reader.CheckConsistency(run).Problems);
        return new FaultResult(Name, 1, 1, Records - stored, $"commit refused ({busy.Message}); halt requested while locked; {stored} of {Records} records committed after the release");
    }
}
