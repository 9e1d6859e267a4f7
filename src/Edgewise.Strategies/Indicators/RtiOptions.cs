// Parameters of the CF RTI approximation (FACTS §8). The parameter values CF uses are marked unverified in
// FACTS, so every one is configurable; the defaults are the values FACTS gives.
using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

public sealed class RtiOptions
{
    /// <summary>Grid step of the price-volume curves (FACTS: 1 BTC, unverified).</summary>
    public Quantity Spacing { get; init; } = new(FixedPoint.One);

    /// <summary>Largest mid spread (ask/mid − 1) still inside the utilized depth (FACTS: 0.5%, unverified).</summary>
    public decimal MaxMidSpread { get; init; } = 0.005m;

    /// <summary>λ = 1 / (DecayFraction × v_T) (FACTS: 0.3).</summary>
    public decimal DecayFraction { get; init; } = 0.3m;

    /// <summary>Levels within this fraction of the best bid/ask form the order-size-cap sample (FACTS: 5%).</summary>
    public decimal SizeCapBand { get; init; } = 0.05m;

    /// <summary>When fewer levels lie in the band, the best this many levels of that side are sampled instead (FACTS: ≥ 50).</summary>
    public int SizeCapMinSamplesPerSide { get; init; } = 50;

    /// <summary>Fraction of the sorted sample trimmed (and winsorized) at each end (FACTS: 1%).</summary>
    public decimal SizeCapTrimFraction { get; init; } = 0.01m;

    /// <summary>Cap = trimmed mean + this many winsorized standard deviations (FACTS: 5).</summary>
    public decimal SizeCapStdDevs { get; init; } = 5m;

    /// <summary>Levels read from each side of each venue's book; the curves end where the copied depth ends.</summary>
    public int MaxLevelsPerSide { get; init; } = 1000;

    /// <summary>Throws naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Spacing.Raw > 0, nameof(Spacing), Spacing, "must be positive");
        Require(MaxMidSpread > 0m, nameof(MaxMidSpread), MaxMidSpread, "must be positive");
        Require(DecayFraction > 0m, nameof(DecayFraction), DecayFraction, "must be positive");
        Require(SizeCapBand is > 0m and < 1m, nameof(SizeCapBand), SizeCapBand, "must be in (0, 1)");
        Require(SizeCapMinSamplesPerSide >= 0, nameof(SizeCapMinSamplesPerSide), SizeCapMinSamplesPerSide, "must not be negative");
        Require(SizeCapTrimFraction is >= 0m and < 0.5m, nameof(SizeCapTrimFraction), SizeCapTrimFraction, "must be in [0, 0.5)");
        Require(SizeCapStdDevs >= 0m, nameof(SizeCapStdDevs), SizeCapStdDevs, "must not be negative");
        Require(MaxLevelsPerSide > 0, nameof(MaxLevelsPerSide), MaxLevelsPerSide, "must be positive");
    }

    internal static void Require(bool condition, string name, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} {rule} (got {value}).");
        }
    }
}
