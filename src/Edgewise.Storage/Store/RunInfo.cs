namespace Edgewise.Storage.Store;

/// <summary>
/// One engine run as stored: which profile, the hash of its resolved configuration, when it started and stopped
/// (Unix ns) and why it stopped. <paramref name="StoppedAt"/> is null for a run still going, or one that crashed.
/// </summary>
public sealed record RunInfo(long Id, string Profile, string ConfigHash, long StartedAt, long? StoppedAt, string? ExitReason);
