namespace Edgewise.Storage.Store;

/// <summary>Marks run <paramref name="RunId"/> stopped at <paramref name="StoppedAt"/> (Unix ns) for <paramref name="ExitReason"/>.</summary>
public sealed record RunEndRecord(long RunId, long StoppedAt, string ExitReason) : StoreRecord
{
    internal override int EstimatedBytes => 48 + TextBytes(ExitReason);
}
