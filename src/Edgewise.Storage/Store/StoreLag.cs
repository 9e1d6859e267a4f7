namespace Edgewise.Storage.Store;

/// <summary>
/// How far the store's writer is behind the engine: records enqueued and not yet committed (with their estimated
/// memory), and how long the oldest of them has waited (zero when none). Committed, failed-batch and ignored-duplicate
/// counts are totals since the store opened.
/// </summary>
public readonly record struct StoreLag(
    long PendingRecords,
    long PendingBytes,
    TimeSpan OldestPendingAge,
    long CommittedRecords,
    long FailedBatches,
    long DuplicatesIgnored);
