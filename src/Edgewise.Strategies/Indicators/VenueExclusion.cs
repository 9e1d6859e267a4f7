namespace Edgewise.Strategies.Indicators;

/// <summary>Why a constituent venue is left out of an index evaluation (checked in this order).</summary>
public enum VenueExclusion : byte
{
    /// <summary>Included.</summary>
    None = 0,

    /// <summary>No book exists for the venue's instrument yet.</summary>
    NoBook = 1,

    /// <summary>The book's health is not Healthy (awaiting snapshot, gap, checksum failure, crossed, stale).</summary>
    Unhealthy = 2,

    /// <summary>The book's last change is older than the allowed age (local receive time).</summary>
    Stale = 3,

    /// <summary>The book lacks a bid or an ask, so it has no mid.</summary>
    OneSided = 4,

    /// <summary>Best bid at or above best ask although the venue client still calls it healthy.</summary>
    Crossed = 5,

    /// <summary>The mid is further from the median of the other venues' mids than the threshold (or, once excluded, than the re-inclusion band).</summary>
    DeviatesFromMedian = 6,
}
