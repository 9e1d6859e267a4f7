using Edgewise.Core.Portfolio;

namespace Edgewise.Storage.Store;

/// <summary>
/// A ledger entry with its position in the run's ledger (0-based). (run, seq) is the natural key: the ledger is
/// append-only, so a replayed entry has the same sequence and is ignored, and a gap in sequences is a lost entry.
/// </summary>
public sealed record LedgerEntryRecord(long RunId, long Seq, LedgerEntry Entry) : StoreRecord
{
    internal override int EstimatedBytes => 128 + TextBytes(Entry.Reference);
}
