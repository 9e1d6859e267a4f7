using Edgewise.Venues.Common;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Venues.Feeds;

public class ReconnectBackoffTests
{
    [Fact]
    public void Ceiling_ConsecutiveFailures_DoublesUntilCapped()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, new FixedRandom(0.5));

        // 1 × 2^n seconds: 1, 2, 4, 8, 16, then 32 > 30 is capped at 30, and stays there.
        var ceilings = Enumerable.Range(0, 8).Select(n => backoff.Ceiling(n).TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], ceilings);
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Ceiling(int.MaxValue));
    }

    [Fact]
    public void Delay_NoJitter_IsExactlyTheCeiling()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2), 0, new FixedRandom(0.99));

        // 0.25, 0.5, 1, 2, 2 (cap) seconds.
        Assert.Equal([0.25, 0.5, 1, 2, 2], Enumerable.Range(0, 5).Select(n => backoff.Delay(n).TotalSeconds).ToArray());
    }

    [Fact]
    public void Delay_FixedDraw_ShortenedByJitterTimesDraw()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 0.2, new FixedRandom(0.5));

        // Shortened by 0.2 × 0.5 = 10 %: 1 → 0.9, 2 → 1.8, 4 → 3.6, 8 → 7.2, 16 capped to 8 → 7.2.
        Assert.Equal([900, 1800, 3600, 7200, 7200], Enumerable.Range(0, 5).Select(n => backoff.Delay(n).TotalMilliseconds).ToArray());
    }

    [Fact]
    public void Delay_AnyFailureCountAndSeed_WithinJitterBoundsAndNeverAboveCap()
    {
        Prop.ForAll(Gen.Choose(0, 80).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (failures, seed) =>
        {
            var initial = TimeSpan.FromMilliseconds(500);
            var max = TimeSpan.FromSeconds(45);
            var backoff = new ReconnectBackoff(initial, max, 0.3, new Random(seed));
            var ceiling = backoff.Ceiling(failures);
            var delay = backoff.Delay(failures);
            var expectedCeiling = Math.Min(initial.Ticks * Math.Pow(2, Math.Min(failures, 40)), max.Ticks);
            return ceiling.Ticks == (long)expectedCeiling
                && delay <= ceiling
                && delay.Ticks > ceiling.Ticks * 0.7 - 1
                && delay <= max;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Ctor_BadArguments_Throw()
    {
        var random = new Random(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1), 0.1, random));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 0.1, random));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1.0, random));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), -0.1, random));
    }
}
