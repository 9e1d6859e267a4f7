using Edgewise.Core.Time;
using Edgewise.Engine.Time;
using Edgewise.TestKit;

namespace Edgewise.Tests.Engine;

public class ReplayTimeProviderTests
{
    [Fact]
    public void AdvanceTo_TimersDue_FireInDueOrderWithClockAtDueTime()
    {
        var clock = new ReplayTimeProvider(1_000);
        var fired = new List<(string Name, long At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.UnixNs)), null, TimeSpan.FromTicks(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.UnixNs)), null, TimeSpan.FromTicks(10), Timeout.InfiniteTimeSpan);
        using var tie = clock.CreateTimer(_ => fired.Add(("tie", clock.UnixNs)), null, TimeSpan.FromTicks(10), Timeout.InfiniteTimeSpan);

        clock.AdvanceTo(5_000);

        // Ticks are 100 ns: due at 1000 + 1000, 1000 + 1000 (created later), 1000 + 3000.
        Assert.Equal([("early", 2_000L), ("tie", 2_000L), ("late", 4_000L)], fired);
        Assert.Equal(5_000, clock.UnixNs);
    }

    [Fact]
    public void AdvanceTo_PeriodicAcrossSeveralPeriods_FiresEachPeriod()
    {
        var clock = new ReplayTimeProvider(0);
        var fired = new List<long>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.UnixNs), null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));

        clock.AdvanceTo(3_500_000);

        Assert.Equal([1_000_000L, 2_000_000L, 3_000_000L], fired);
    }

    [Fact]
    public void AdvanceTo_Earlier_KeepsClockAndFiresNothing()
    {
        var clock = new ReplayTimeProvider(10_000);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);

        clock.AdvanceTo(5_000);

        Assert.Equal(10_000, clock.UnixNs);
        Assert.Equal(0, fired);
    }

    [Fact]
    public void Dispose_BeforeDue_NeverFires()
    {
        var clock = new ReplayTimeProvider(0);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.AdvanceTo(10_000_000_000);

        Assert.Equal(0, fired);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void Change_Reschedules()
    {
        var clock = new ReplayTimeProvider(0);
        var fired = new List<long>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.UnixNs), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        clock.AdvanceTo(3_000_000_000);

        Assert.Equal([2_000_000_000L], fired);
    }

    [Fact]
    public async Task TaskDelay_WithManualClock_CompletesOnlyWhenAdvanced()
    {
        var clock = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), clock, TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await delay;
        Assert.Equal(ManualTimeProvider.DefaultStart.AddSeconds(5), clock.GetUtcNow());
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var clock = new ManualTimeProvider();

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(ManualTimeProvider.DefaultStart.AddSeconds(-1)));
    }

    [Fact]
    public void GetUnixNs_ReplayClock_IsExact()
    {
        var clock = new ReplayTimeProvider(1_700_000_000_123_456_789);

        Assert.Equal(1_700_000_000_123_456_789, clock.GetUnixNs());
        Assert.Equal(1_700_000_000_123_456_700, ReplayTimeProvider.ToUnixNs(clock.GetUtcNow()));
    }
}
