using Edgewise.Core.Time;
using Edgewise.Engine.Time;
using Edgewise.TestKit;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Engine;

/// <summary>The demo's accelerated clock on a manual inner clock: readings, timers and Task.Delay move only when the inner clock does.</summary>
public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 1, 30, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_InnerAdvancesOneSecondAtSpeedTen_ReadsTenSecondsAfterStart()
    {
        var inner = new ManualTimeProvider();
        var clock = new ScaledTimeProvider(inner, Start, 10);
        var before = clock.GetTimestamp();

        inner.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Start + TimeSpan.FromSeconds(10), clock.GetUtcNow());
        Assert.Equal(UnixTime.ToUnixNs(Start) + 10_000_000_000L, clock.UnixNs);
        Assert.Equal(UnixTime.ToUnixNs(Start) + 10_000_000_000L, clock.GetUnixNs());
        Assert.Equal(TimeSpan.FromSeconds(10), clock.GetElapsedTime(before));
    }

    [Fact]
    public void GetUtcNow_FractionalSpeed_ExactWithoutRounding()
    {
        var inner = new ManualTimeProvider();
        var clock = new ScaledTimeProvider(inner, Start, 2.5);

        inner.Advance(TimeSpan.FromMilliseconds(333)); // 333 ms × 2.5 = 832.5 ms

        Assert.Equal(UnixTime.ToUnixNs(Start) + 832_500_000L, clock.UnixNs);
    }

    [Fact]
    public void CreateTimer_DueTenSecondsAtSpeedTen_FiresAfterOneInnerSecondWithClockAtDue()
    {
        var inner = new ManualTimeProvider();
        var clock = new ScaledTimeProvider(inner, Start, 10);
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        inner.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(fired);
        inner.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([Start + TimeSpan.FromSeconds(10)], fired);
    }

    [Fact]
    public void CreateTimer_PeriodFiveSecondsAtSpeedTen_FiresEveryHalfInnerSecond()
    {
        var inner = new ManualTimeProvider();
        var clock = new ScaledTimeProvider(inner, Start, 10);
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

        inner.Advance(TimeSpan.FromMilliseconds(1_600));

        Assert.Equal([Start.AddSeconds(5), Start.AddSeconds(10), Start.AddSeconds(15)], fired);
    }

    [Fact]
    public void Change_RearmedThenInfinite_UsesSimulatedSpansAndStops()
    {
        var inner = new ManualTimeProvider();
        var clock = new ScaledTimeProvider(inner, Start, 4);
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        inner.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(fired);

        // Now is Start + 40 s; due 8 s of simulated time = 2 s of inner time.
        Assert.True(timer.Change(TimeSpan.FromSeconds(8), Timeout.InfiniteTimeSpan));
        inner.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([Start.AddSeconds(48)], fired);

        Assert.True(timer.Change(TimeSpan.FromSeconds(8), Timeout.InfiniteTimeSpan));
        Assert.True(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        inner.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(fired);
    }

    [Fact]
    public void Dispose_BeforeDue_NeverFires()
    {
        var inner = new ManualTimeProvider();
        var clock = new ScaledTimeProvider(inner, Start, 10);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        inner.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, fired);
    }

    [Fact]
    public async Task Delay_SixtySimulatedSecondsAtSpeedSixty_CompletesWhenTheInnerClockPassesOneSecond()
    {
        var inner = new ManualTimeProvider();
        var clock = new ScaledTimeProvider(inner, Start, 60);

        var delay = Task.Delay(TimeSpan.FromSeconds(60), clock, TestContext.Current.CancellationToken);
        inner.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(delay.IsCompleted);
        inner.Advance(TimeSpan.FromMilliseconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(Start.AddSeconds(60), clock.GetUtcNow());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(2_000_000.0)]
    public void Constructor_SpeedOutOfRange_Throws(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(new ManualTimeProvider(), Start, speed));

    [Fact]
    public void ToInner_AnySpeedAndDue_FiresOnTheFirstInnerTickAtWhichTheSimulatedDueHasPassed()
    {
        // Speeds 0.001 to 1000 with three decimals, dues 1 tick to 1 hour: the inner timer must not fire one inner tick
        // earlier (the simulated clock would not yet have reached the due time), and when it fires the clock has.
        var inputs = Gen.Choose(1, 1_000_000).SelectMany(milli => Gen.Choose(1, 36_000_000).Select(due => (Speed: milli / 1000.0, DueTicks: due * 1_000L + milli % 997)));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var inner = new ManualTimeProvider();
            var clock = new ScaledTimeProvider(inner, Start, x.Speed);
            var due = TimeSpan.FromTicks(x.DueTicks);
            DateTimeOffset? firedAt = null;
            using var timer = clock.CreateTimer(_ => firedAt = clock.GetUtcNow(), null, due, Timeout.InfiniteTimeSpan);
            var innerDue = clock.ToInner(due);

            inner.Advance(innerDue - TimeSpan.FromTicks(1));
            var early = firedAt is not null || clock.GetUtcNow() >= Start + due;
            inner.Advance(TimeSpan.FromTicks(1));
            return !early && firedAt >= Start + due;
        }));
    }
}
