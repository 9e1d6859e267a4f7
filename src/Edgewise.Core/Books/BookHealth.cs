namespace Edgewise.Core.Books;

/// <summary>Whether a book may be traded on. Anything but <see cref="Healthy"/> blocks strategies until a resync.</summary>
public enum BookHealth : byte
{
    /// <summary>No snapshot applied yet: deltas are being buffered.</summary>
    AwaitingSnapshot = 0,
    Healthy = 1,
    /// <summary>A sequence gap was seen; a new snapshot is needed.</summary>
    Gap = 2,
    /// <summary>The venue's checksum did not match the local book.</summary>
    ChecksumFailed = 3,
    /// <summary>Best bid at or above best ask.</summary>
    Crossed = 4,
    /// <summary>No update for longer than the allowed age.</summary>
    Stale = 5,
}
