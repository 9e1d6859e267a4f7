namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>Profile section "index": how the strategy reads the BTC index ticks.</summary>
public sealed record IndexInputOptions
{
    /// <summary>index.max_age_s: an index print older than this blocks entries (index_stale).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// index.lookup_tolerance_s: a move "over N s" compares with the latest print at or before now − N, at most this much
    /// older. Live prints come every second; the recorded file's every ~30 s, which the default covers.
    /// </summary>
    public TimeSpan LookupTolerance { get; init; } = TimeSpan.FromSeconds(35);
}
