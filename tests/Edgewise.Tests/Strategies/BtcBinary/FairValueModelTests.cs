// Hand-checked fair values. P = Φ((ln(S/K') − σ²ū/2) / (σ√T)) with, for r window prints to come,
// T = (τ − r) + (r + 1)(2r + 1)/(6r), ū = (τ − r) + (r + 1)/2, K' = (n·K − e·A_e)/r (see FairValueModel).
using Edgewise.Core.Numerics;
using Edgewise.Strategies.BtcBinary.Pricing;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class FairValueModelTests
{
    [Theory]
    [InlineData(0d, 0.5d)]
    [InlineData(1d, 0.841344746068543d)]
    [InlineData(-1d, 0.158655253931457d)]
    [InlineData(-1.96d, 0.0249978951482204d)]
    [InlineData(-3d, 0.00134989803163010d)]
    [InlineData(8d, 0.999999999999999d)]
    public void Cdf_KnownPoints_MatchTheNormalTable(double x, double expected) =>
        Assert.Equal(expected, NormalDistribution.Cdf(x), 1e-14);

    [Fact]
    public void Cdf_IsSymmetric() =>
        Prop(x => Math.Abs(NormalDistribution.Cdf(x) + NormalDistribution.Cdf(-x) - 1d) < 1e-15);

    [Fact]
    public void Probability_SpotAbove100DollarsTenMinutesOut_HandComputed()
    {
        // S = 100,000, K = 99,900, τ = 600 s, σ = 1e-4/√s, before the window (r = n = 60):
        // T = 540 + 61 × 121 / 360 = 560.502778, ū = 540 + 30.5 = 570.5,
        // z = (ln(100000/99900) − 1e-8 × 570.5 / 2) / (1e-4 × √560.502778) = (0.001000500 − 0.000002853) / 0.002367494 = 0.421394,
        // Φ(0.421394) = 0.663266.
        var p = FairValueModel.Probability(new FairValueInputs(100_000d, 99_900d, 600d, 1e-4, 60, 0, 0d));

        Assert.Equal(0.663266m, p);
    }

    [Fact]
    public void Probability_SpotAtStrike_IsJustUnderOneHalf()
    {
        // ln(S/K) = 0: z = −(1e-8 × 570.5 / 2) / 0.002367494 = −0.001205, Φ = 0.499519 (the martingale's median is below S).
        Assert.Equal(0.499519m, FairValueModel.Probability(new FairValueInputs(100_000d, 100_000d, 600d, 1e-4, 60, 0, 0d)));
    }

    [Fact]
    public void Probability_SpotBelowStrikeAtTheOpen_HandComputed()
    {
        // S = 100,000, K = 100,100, τ = 900 s: T = 860.502778, ū = 870.5,
        // z = (−0.000999001 − 0.000004353) / 0.002933433 = −0.342211, Φ = 0.366096.
        Assert.Equal(0.366096m, FairValueModel.Probability(new FairValueInputs(100_000d, 100_100d, 900d, 1e-4, 60, 0, 0d)));
    }

    [Fact]
    public void Probability_HalfwayThroughTheWindow_UsesThePrintsSoFar()
    {
        // 30 of 60 prints averaged 100,100; K = 100,000 so the other 30 must average K' = (60 × 100000 − 30 × 100100) / 30
        // = 99,900. S = 99,950, τ = 30 s, r = 30: T = 0 + 31 × 61 / 180 = 10.505556, ū = 15.5,
        // z = (ln(99950/99900) − 1e-8 × 15.5 / 2) / (1e-4 × √10.505556) = 1.543544, Φ = 0.938651.
        Assert.Equal(0.938651m, FairValueModel.Probability(new FairValueInputs(99_950d, 100_000d, 30d, 1e-4, 60, 30, 100_100d)));
    }

    [Fact]
    public void Probability_WindowOver_IsTheResult()
    {
        Assert.Equal(1m, FairValueModel.Probability(new FairValueInputs(90_000d, 100_000d, 0d, 1e-4, 60, 60, 100_000d)));
        Assert.Equal(0m, FairValueModel.Probability(new FairValueInputs(110_000d, 100_000d, 0d, 1e-4, 60, 60, 99_999.99d)));
    }

    [Fact]
    public void Probability_PrintsSoFarAlreadyGuaranteeYes_IsOne()
    {
        // 59 prints averaging 102,000 against K = 100,000: K' = 60 × 100000 − 59 × 102000 < 0.
        Assert.Equal(1m, FairValueModel.Probability(new FairValueInputs(50_000d, 100_000d, 1d, 1e-4, 60, 59, 102_000d)));
    }

    [Fact]
    public void Probability_RisesWithSpot()
    {
        Prop(x =>
        {
            var s = 100_000d + (x * 50d); // 98,000 to 102,000
            var lower = FairValueModel.ProbabilityAtOrAbove(new FairValueInputs(s, 100_000d, 600d, 1e-4, 60, 0, 0d));
            var higher = FairValueModel.ProbabilityAtOrAbove(new FairValueInputs(s + 10d, 100_000d, 600d, 1e-4, 60, 0, 0d));
            return higher >= lower;
        });
    }

    [Fact]
    public void Probability_BadInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FairValueModel.ProbabilityAtOrAbove(new FairValueInputs(0d, 100_000d, 600d, 1e-4, 60, 0, 0d)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FairValueModel.ProbabilityAtOrAbove(new FairValueInputs(1d, 100_000d, 600d, 1e-4, 0, 0, 0d)));
    }

    [Fact]
    public void RealizedVolatility_OneReturn_IsTheTimeScaledEwma()
    {
        // Prior 60%/yr: var₀ = 0.36 / 31,536,000 = 1.1415525e-8 per s. One return over 30 s, r = ln(100100/100000) = 9.995003e-4,
        // v = r² / 30 = 3.3300031e-8; half-life 60 s: α = 1 − 2^(−0.5) = 0.29289322;
        // var₁ = 0.70710678 × 1.1415525e-8 + 0.29289322 × 3.3300031e-8 = 1.7825348e-8, σ = 1.3351160e-4 (74.976%/yr).
        var vol = new RealizedVolatility(TimeSpan.FromSeconds(60), 0.60m, 0.20m);
        Assert.Equal(1.1415525e-8, vol.VariancePerSecond, 1e-15);
        vol.Add(0, Price.FromDecimal(100_000m));
        vol.Add(30_000_000_000, Price.FromDecimal(100_100m));

        Assert.Equal(1, vol.Returns);
        Assert.Equal(1.7825348e-8, vol.VariancePerSecond, 1e-14);
        Assert.Equal(0.749760m, vol.AnnualizedSigma);
    }

    [Fact]
    public void RealizedVolatility_FlatPrices_FallToTheFloorAndNoLower()
    {
        var vol = new RealizedVolatility(TimeSpan.FromSeconds(10), 0.60m, 0.20m);
        for (var i = 0; i <= 600; i++)
        {
            vol.Add(i * 1_000_000_000L, Price.FromDecimal(100_000m));
        }

        Assert.Equal(0.2m, vol.AnnualizedSigma);
    }

    /// <summary>Checks <paramref name="property"/> on x in [−40, 40] in steps of 0.001.</summary>
    private static void Prop(Func<double, bool> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000),
            FsCheck.Fluent.Prop.ForAll(Gen.Choose(-40_000, 40_000).Select(static k => k / 1000d).ToArbitrary(), property));
}
