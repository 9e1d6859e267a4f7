// The terminal dashboard beside a running command (`run`, `demo`). Without a terminal to draw on it does nothing and
// Output is the console. With one, Start diverts Output (which the command gives its session) to a log file, so no line
// tears the frame, and draws the dashboard on a pool thread until StopAsync, which puts the console back. The drawing
// task is owned here: StopAsync (or DisposeAsync) always awaits it, and a failure of the display is reported on the
// console instead of thrown, because the run it watched must still finish and write its results.
using Spectre.Console;

namespace Edgewise.Cli.Terminal;

internal sealed class TerminalDashboardRun : IAsyncDisposable
{
    /// <summary>Where a session's lines go while the dashboard is shown, in the run's output folder.</summary>
    public const string LogFile = "session.log";

    private readonly TextWriter _console;
    private readonly SwitchableWriter _output;
    private readonly TerminalDashboardHost? _host;
    private CancellationTokenSource? _stop;
    private Task? _drawing;
    private StreamWriter? _log;

    /// <param name="console">The command's output.</param>
    /// <param name="terminal">Where to draw the dashboard; null to show none.</param>
    /// <param name="refreshClock">The clock the redraws follow (wall time, also when the run's clock is accelerated).</param>
    public TerminalDashboardRun(TextWriter console, IAnsiConsole? terminal, TimeProvider refreshClock)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        _output = new SwitchableWriter(console);
        _host = terminal is null ? null : new TerminalDashboardHost(terminal, refreshClock);
    }

    /// <summary>What the session should write to: the console, or the log file while the dashboard is shown.</summary>
    public TextWriter Output => _output;

    /// <summary>The log file, once the dashboard has been shown.</summary>
    public string? LogPath { get; private set; }

    /// <summary>The host drawing the dashboard, or null when none is shown.</summary>
    public TerminalDashboardHost? Host => _host;

    /// <summary>Diverts <see cref="Output"/> to <paramref name="outDirectory"/>/session.log and starts drawing (once; nothing without a terminal).</summary>
    public void Start(string outDirectory, Func<TerminalView> view)
    {
        ArgumentNullException.ThrowIfNull(outDirectory);
        ArgumentNullException.ThrowIfNull(view);
        if (_host is not { } host || _drawing is not null)
        {
            return;
        }

        var logPath = Path.Combine(outDirectory, LogFile);
        try
        {
            _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Drawing over lines that cannot go elsewhere would tear the frame: keep the lines, not the dashboard.
            _output.WriteLine($"terminal dashboard off: cannot write {logPath}: {e.Message}");
            return;
        }

        LogPath = logPath;
        _output.SwitchTo(_log);
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _drawing = Task.Run(() => host.RunAsync(view, token), CancellationToken.None);
    }

    /// <summary>Stops drawing (the last frame stays on screen) and gives the console back to <see cref="Output"/>.</summary>
    public async Task StopAsync()
    {
        if (_drawing is not { } drawing)
        {
            return;
        }

        _drawing = null;
        await _stop!.CancelAsync().ConfigureAwait(false);
        try
        {
            await drawing.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The display failing must not lose the run's results: say so and go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await _console.WriteLineAsync($"terminal dashboard failed: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
        }
        finally
        {
            _output.SwitchTo(_console);
            await _log!.DisposeAsync().ConfigureAwait(false);
            _stop.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
