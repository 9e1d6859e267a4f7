namespace Edgewise.Storage.Store;

/// <summary>
/// Limits of the write-behind queue. Past either bound the store asks for a halt of new entries instead of dropping
/// anything; the request is withdrawn once the backlog is back under half of both bounds (hysteresis, so the signal
/// does not flap at the edge). A failed commit is retried after <see cref="RetryDelay"/>, doubling up to
/// <see cref="MaxRetryDelay"/>, with the halt requested until a commit succeeds again.
/// </summary>
public sealed record StoreOptions
{
    public long MaxPendingRecords { get; init; } = 100_000;

    public long MaxPendingBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Records per transaction at most: large enough to amortise the fsync, small enough to keep commits short.</summary>
    public int MaxBatchRecords { get; init; } = 2_000;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a write waits on another connection's lock before it fails with SQLITE_BUSY (which the writer then
    /// handles like any failed commit: halt requested, batch retried). Whole seconds, at least one.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = StoreConnection.DefaultBusyTimeout;

    internal void EnsureValid()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingRecords, 2, nameof(MaxPendingRecords));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingBytes, 2, nameof(MaxPendingBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBatchRecords, nameof(MaxBatchRecords));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, RetryDelay, nameof(MaxRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.FromSeconds(1), nameof(BusyTimeout));
    }
}
