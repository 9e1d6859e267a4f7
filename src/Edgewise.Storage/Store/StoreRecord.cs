namespace Edgewise.Storage.Store;

/// <summary>
/// Something the write-behind store persists. Records are immutable snapshots taken on the engine thread, so the
/// writer thread can read them without locks. <see cref="EstimatedBytes"/> feeds the queue's memory bound.
/// </summary>
public abstract record StoreRecord
{
    /// <summary>Rough in-memory size (object overhead plus UTF-16 text), for the pending-bytes bound.</summary>
    internal abstract int EstimatedBytes { get; }

    internal static int TextBytes(string? text) => text is null ? 0 : 24 + (text.Length * 2);
}
