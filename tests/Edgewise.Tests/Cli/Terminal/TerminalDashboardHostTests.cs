using Edgewise.Cli.Terminal;
using Edgewise.TestKit;
using static Edgewise.Tests.Cli.Terminal.TerminalFixtures;

namespace Edgewise.Tests.Cli.Terminal;

public sealed class TerminalDashboardHostTests
{
    [Theory]
    [InlineData(false, false, true)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(true, true, false)]
    public void ShouldShow_TerminalAndNoTuiFlag_ShowsOnlyOnATerminalWithoutTheFlag(bool outputRedirected, bool noTui, bool expected) =>
        Assert.Equal(expected, TerminalDashboardHost.ShouldShow(outputRedirected, noTui));

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void Constructor_RefreshIntervalOutOfRange_Throws(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TerminalDashboardHost(
            options: new TerminalDashboardOptions { RefreshInterval = TimeSpan.FromMilliseconds(milliseconds) }));

    [Fact]
    public void Options_Default_RefreshesEveryHalfSecond() =>
        Assert.Equal(TimeSpan.FromMilliseconds(500), new TerminalDashboardOptions().RefreshInterval);

    [Fact]
    public async Task RunAsync_ClockAdvancesOneInterval_RedrawsFromTheViewAndStopsOnCancel()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider(Now);
        using var writer = new StringWriter();
        var host = new TerminalDashboardHost(TextConsole(writer), clock, new TerminalDashboardOptions { RefreshInterval = TimeSpan.FromMilliseconds(250) });
        var calls = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        TerminalView View()
        {
            var call = Interlocked.Increment(ref calls);
            if (call == 2)
            {
                second.TrySetResult();
            }

            return TerminalFixtures.View() with { Snapshot = Snapshot() with { Sequence = call } };
        }

        var run = host.RunAsync(View, stop.Token);
        Assert.Equal(1, Volatile.Read(ref calls));

        // Not yet an interval: no second frame. Then the 250 ms tick.
        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Equal(1, Volatile.Read(ref calls));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(2, host.Frames);
        Assert.Equal(0, host.ViewFailures);
        Assert.Contains("snapshot #2", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ViewThrows_ShowsTheFailureAndKeepsRunning()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider(Now);
        using var writer = new StringWriter();
        var host = new TerminalDashboardHost(TextConsole(writer), clock);
        var calls = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        TerminalView View()
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("view not ready");
            }

            second.TrySetResult();
            return TerminalFixtures.View();
        }

        var run = host.RunAsync(View, stop.Token);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await second.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(1, host.ViewFailures);
        Assert.Equal(2, host.Frames);
    }

    [Fact]
    public async Task RunAsync_AlreadyCanceled_ReturnsWithoutCallingTheView()
    {
        using var writer = new StringWriter();
        var host = new TerminalDashboardHost(TextConsole(writer), new ManualTimeProvider(Now));
        var called = false;

        await host.RunAsync(() => { called = true; return View(); }, new CancellationToken(canceled: true));

        Assert.False(called);
        Assert.Equal(string.Empty, writer.ToString());
    }
}
