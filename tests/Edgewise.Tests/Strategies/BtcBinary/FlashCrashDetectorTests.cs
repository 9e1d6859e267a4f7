using Edgewise.Core.Instruments;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Signals;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class FlashCrashDetectorTests
{
    private const long Second = 1_000_000_000L;

    [Fact]
    public void TryDetect_YesFalls16PercentIn8s_IsAYesCrash()
    {
        var detector = new FlashCrashDetector(0.15m, TimeSpan.FromSeconds(10));
        detector.Add(0, 0.50m);
        detector.Add(8 * Second, 0.42m); // (0.50 − 0.42) / 0.50 = 16%

        Assert.True(detector.TryDetect(out var crash));
        Assert.Equal(new FlashCrash(OutcomeSide.Yes, 0.50m, 0.42m, 0.16m, 0, 8 * Second), crash);
    }

    [Fact]
    public void TryDetect_YesFallsExactly15Percent_IsNotMoreThan15()
    {
        var detector = new FlashCrashDetector(0.15m, TimeSpan.FromSeconds(10));
        detector.Add(0, 0.60m);
        detector.Add(5 * Second, 0.51m); // exactly 15%

        Assert.False(detector.TryDetect(out _));
    }

    [Fact]
    public void TryDetect_SameFallOver12s_IsTooSlow()
    {
        var detector = new FlashCrashDetector(0.15m, TimeSpan.FromSeconds(10));
        detector.Add(0, 0.50m);
        detector.Add(12 * Second, 0.40m); // the high is older than 10 s: dropped

        Assert.False(detector.TryDetect(out _));
        Assert.Equal(1, detector.SampleCount);
    }

    [Fact]
    public void TryDetect_YesSpikes_IsANoCrash()
    {
        var detector = new FlashCrashDetector(0.15m, TimeSpan.FromSeconds(10));
        detector.Add(0, 0.60m);  // NO 0.40
        detector.Add(3 * Second, 0.70m); // NO 0.30: (0.40 − 0.30) / 0.40 = 25%

        Assert.True(detector.TryDetect(out var crash));
        Assert.Equal(OutcomeSide.No, crash.Side);
        Assert.Equal(0.25m, crash.Drop);
    }

    [Theory]
    [InlineData(OutcomeSide.Yes, "0", "0", FlashCrashKind.Liquidity)]
    [InlineData(OutcomeSide.Yes, "-0.002", "0", FlashCrashKind.Informational)]
    [InlineData(OutcomeSide.Yes, "0.002", "0", FlashCrashKind.Liquidity)] // BTC up does not explain a YES crash
    [InlineData(OutcomeSide.Yes, "0", "-0.002", FlashCrashKind.DelayedReaction)]
    [InlineData(OutcomeSide.Yes, "-0.0014", "0", FlashCrashKind.Liquidity)] // below the 0.15% threshold
    [InlineData(OutcomeSide.No, "0.0015", "0", FlashCrashKind.Informational)] // at the threshold counts
    [InlineData(OutcomeSide.No, "0", "0.002", FlashCrashKind.DelayedReaction)]
    public void Classify_BtcMoves_GiveTheKind(OutcomeSide crashed, string recent, string prior, FlashCrashKind expected) =>
        Assert.Equal(expected, FlashCrashClassifier.Classify(crashed, decimal.Parse(recent, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(prior, System.Globalization.CultureInfo.InvariantCulture), 0.0015m));

    [Fact]
    public void Classify_WithoutBtcMoves_IsUnclassified() =>
        Assert.Equal(FlashCrashKind.Unclassified, FlashCrashClassifier.Classify(OutcomeSide.Yes, null, 0m, 0.0015m));
}
