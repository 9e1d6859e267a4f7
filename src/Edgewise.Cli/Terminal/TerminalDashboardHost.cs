// Runs the terminal dashboard: a Spectre live display redrawn every RefreshInterval (at most 0.5 s) of the given
// clock from a Func<TerminalView> the composition supplies. The function is called on this host's thread, not the
// engine's, so it must only read what the engine thread publishes immutably (DashboardPublisher.Current, a volatile
// IndexValue reference, a copied decision list). A view or render failure is shown in the frame and counted, never
// thrown: the dashboard must not stop a trading process. Cancellation ends the display and RunAsync returns normally.
// While it runs, nothing else should write to the same console (it would tear the frame): route logs to a file.
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Edgewise.Cli.Terminal;

public sealed class TerminalDashboardHost
{
    private readonly IAnsiConsole _console;
    private readonly TimeProvider _clock;
    private readonly TerminalDashboard _dashboard;
    private long _frames;
    private long _failures;

    /// <param name="console">Where to draw; the process console (AnsiConsole.Console) when null.</param>
    /// <param name="clock">The refresh clock; the system clock when null.</param>
    /// <param name="options">Refresh interval and warning thresholds; the defaults when null.</param>
    public TerminalDashboardHost(IAnsiConsole? console = null, TimeProvider? clock = null, TerminalDashboardOptions? options = null)
    {
        _console = console ?? AnsiConsole.Console;
        _clock = clock ?? TimeProvider.System;
        _dashboard = new TerminalDashboard(options);
    }

    public TerminalDashboardOptions Options => _dashboard.Options;

    /// <summary>Frames built so far (the first is built when the display starts).</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Frames whose view function or rendering threw (each shown as a failure frame).</summary>
    public long ViewFailures => Interlocked.Read(ref _failures);

    /// <summary>
    /// Whether to show the terminal dashboard: only when standard output is a terminal (not redirected to a file or
    /// pipe) and the user did not pass --no-tui.
    /// </summary>
    public static bool ShouldShow(bool outputRedirected, bool noTui) => !outputRedirected && !noTui;

    /// <summary><see cref="ShouldShow(bool, bool)"/> for this process's standard output.</summary>
    public static bool ShouldShowOnConsole(bool noTui) => ShouldShow(Console.IsOutputRedirected, noTui);

    /// <summary>Shows the dashboard, refreshed every <see cref="TerminalDashboardOptions.RefreshInterval"/>, until <paramref name="ct"/> is canceled.</summary>
    public async Task RunAsync(Func<TerminalView> view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (ct.IsCancellationRequested)
        {
            return;
        }

        // Created before the first frame so a tick that falls while the first frame is drawn is not lost.
        using var timer = new PeriodicTimer(Options.RefreshInterval, _clock);
        await _console.Live(Frame(view))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async context =>
            {
                context.Refresh();
                try
                {
                    while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
                    {
                        context.UpdateTarget(Frame(view));
                        context.Refresh();
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Canceled: the run is over, the last frame stays on screen.
                }
            }).ConfigureAwait(false);
    }

    private IRenderable Frame(Func<TerminalView> view)
    {
        Interlocked.Increment(ref _frames);
        try
        {
            return _dashboard.Render(view());
        }
#pragma warning disable CA1031 // Any failure of the view must be shown, not crash the process the dashboard watches.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failures);
            return TerminalDashboard.Failure(error);
        }
    }
}
