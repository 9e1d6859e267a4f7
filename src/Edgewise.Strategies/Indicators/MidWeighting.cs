namespace Edgewise.Strategies.Indicators;

/// <summary>How the venues' mids are weighted in the weighted-mid index.</summary>
public enum MidWeighting : byte
{
    /// <summary>By each venue's traded volume over the recent window (falls back to <see cref="Equal"/> when no included venue traded).</summary>
    RecentVolume = 0,

    /// <summary>By the configured per-venue weights.</summary>
    Fixed = 1,

    /// <summary>Every included venue the same.</summary>
    Equal = 2,
}
