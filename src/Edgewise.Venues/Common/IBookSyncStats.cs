namespace Edgewise.Venues.Common;

/// <summary>What a venue's book synchroniser counted: the figures a replay summary and the feed health show.</summary>
public interface IBookSyncStats
{
    /// <summary>Sequence breaks seen (each made a book unhealthy until it resynced).</summary>
    long Gaps { get; }

    /// <summary>Snapshots applied to recover a book (not counting each book's first).</summary>
    long Resyncs { get; }

    /// <summary>Venue checksums that did not match the local book (Kraken); 0 for venues without checksums.</summary>
    long ChecksumFailures { get; }
}
