// Parameters of the BTC index proxy: which venues count (staleness, deviation from the others' median with
// re-inclusion hysteresis, FACTS §8 step 1), how many must count for a value, and how the weighted mid weighs
// them. The erroneous-data threshold (~10%) is unverified in FACTS, hence configurable.
namespace Edgewise.Strategies.Indicators;

public sealed class BtcIndexOptions
{
    /// <summary>A book whose last change is older than this (local receive time) is excluded (FACTS: 30 s).</summary>
    public TimeSpan MaxBookAge { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A venue whose mid is further than this fraction from the median of the others' mids is excluded (FACTS: ~10%, unverified).</summary>
    public decimal DeviationThreshold { get; init; } = 0.10m;

    /// <summary>An excluded venue comes back only within this fraction of <see cref="DeviationThreshold"/> (FACTS: 50%).</summary>
    public decimal ReinclusionFraction { get; init; } = 0.5m;

    /// <summary>Fewer included venues than this is a DATA_OUTAGE: no value at all.</summary>
    public int MinIncludedVenues { get; init; } = 2;

    public MidWeighting Weighting { get; init; } = MidWeighting.RecentVolume;

    /// <summary>Trades with event time in (now − window, now] count as recent volume.</summary>
    public TimeSpan VolumeWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Per-venue weights (by venue name) for <see cref="MidWeighting.Fixed"/>; each must be positive.</summary>
    public IReadOnlyDictionary<string, decimal> FixedWeights { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>How many per-second prints the history keeps.</summary>
    public int HistorySeconds { get; init; } = 3600;

    public RtiOptions Rti { get; init; } = new();

    /// <summary>Throws naming the first option out of range.</summary>
    public void Validate()
    {
        RtiOptions.Require(MaxBookAge > TimeSpan.Zero, nameof(MaxBookAge), MaxBookAge, "must be positive");
        RtiOptions.Require(DeviationThreshold > 0m, nameof(DeviationThreshold), DeviationThreshold, "must be positive");
        RtiOptions.Require(ReinclusionFraction is > 0m and <= 1m, nameof(ReinclusionFraction), ReinclusionFraction, "must be in (0, 1]");
        RtiOptions.Require(MinIncludedVenues >= 1, nameof(MinIncludedVenues), MinIncludedVenues, "must be at least 1");
        RtiOptions.Require(Enum.IsDefined(Weighting), nameof(Weighting), Weighting, "is not a known weighting");
        RtiOptions.Require(VolumeWindow > TimeSpan.Zero, nameof(VolumeWindow), VolumeWindow, "must be positive");
        RtiOptions.Require(HistorySeconds >= 60, nameof(HistorySeconds), HistorySeconds, "must hold at least one 60 s settlement window");
        ArgumentNullException.ThrowIfNull(FixedWeights);
        foreach (var (venue, weight) in FixedWeights)
        {
            RtiOptions.Require(weight > 0m, $"{nameof(FixedWeights)}[{venue}]", weight, "must be positive");
        }

        ArgumentNullException.ThrowIfNull(Rti);
        Rti.Validate();
    }
}
