using System.Globalization;

namespace Edgewise.Tests.Engine;

public class StrategyTimerTests
{
    [Fact]
    public void SetTimer_ClockAdvanced_FiresInDueOrderAtDueTimes()
    {
        var h = new EngineHarness();
        h.Strategy.Started = s =>
        {
            s.Ctx.SetTimer("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            s.Ctx.SetTimer("once", TimeSpan.FromMilliseconds(500));
        };
        h.Start();
        var t0 = h.Now;

        h.Clock.Advance(TimeSpan.FromMilliseconds(2500));

        Assert.Equal(
            [$"timer once {At(t0, 500)}", $"timer tick {At(t0, 1000)}", $"timer tick {At(t0, 2000)}"],
            h.Strategy.Log.Skip(1));
        Assert.Equal(At(t0, 2500), h.Now.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CancelTimer_FromItsOwnCallback_StopsIt()
    {
        var h = new EngineHarness();
        var ticks = 0;
        h.Strategy.Started = s => s.Ctx.SetTimer("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        h.Strategy.TimerHook = (s, _) =>
        {
            if (++ticks == 2)
            {
                Assert.True(s.Ctx.CancelTimer("tick"));
            }
        };
        h.Start();

        h.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2, ticks);
        Assert.Equal(0, h.Clock.ActiveTimerCount);
    }

    [Fact]
    public void SetTimer_SameNameAgain_ReplacesTheOldOne()
    {
        var h = new EngineHarness();
        h.Strategy.Started = s =>
        {
            s.Ctx.SetTimer("t", TimeSpan.FromSeconds(1));
            s.Ctx.SetTimer("t", TimeSpan.FromSeconds(3));
        };
        h.Start();
        var t0 = h.Now;

        h.Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([$"timer t {At(t0, 3000)}"], h.Strategy.Log.Skip(1));
    }

    [Fact]
    public void SetTimer_DueNowInsideCallback_FiresAfterTheCallback()
    {
        var h = new EngineHarness();
        h.Strategy.Started = s =>
        {
            s.Ctx.SetTimer("now", TimeSpan.Zero);
            s.Log.Add("after set");
        };

        h.Start();

        Assert.Equal(["start", "after set", $"timer now {h.Now}"], h.Strategy.Log);
    }

    [Fact]
    public async Task SetTimer_WhileRunAsyncRuns_IsDeliveredThroughTheQueue()
    {
        var h = new EngineHarness();
        h.Strategy.Started = s => s.Ctx.SetTimer("t", TimeSpan.FromSeconds(1));
        h.Start();
        var run = h.Engine.RunAsync(TestContext.Current.CancellationToken);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        h.Engine.Inbox.Complete();
        await run;

        Assert.Single(h.Strategy.Log, l => l.StartsWith("timer t", StringComparison.Ordinal));
    }

    [Fact]
    public void Stop_CancelsTimers()
    {
        var h = new EngineHarness();
        h.Strategy.Started = s => s.Ctx.SetTimer("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        h.Start();

        h.Engine.Stop();
        h.Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["start", "stop"], h.Strategy.Log);
    }

    private static string At(long t0, int milliseconds) =>
        (t0 + (milliseconds * 1_000_000L)).ToString(CultureInfo.InvariantCulture);
}
