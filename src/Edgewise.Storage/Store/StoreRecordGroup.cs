namespace Edgewise.Storage.Store;

/// <summary>Records queued by <see cref="WriteBehindStore.EnqueueTogether"/>: one queue item, so one transaction.</summary>
internal sealed record StoreRecordGroup(IReadOnlyList<StoreRecord> Records) : StoreRecord
{
    internal override int EstimatedBytes { get; } = Records.Sum(static r => r.EstimatedBytes) + 32;
}
