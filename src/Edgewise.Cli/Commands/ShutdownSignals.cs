// The process's answer to SIGINT (Ctrl+C) and SIGTERM, for every command: the first signal cancels the token the
// command runs with, which starts its orderly shutdown (a paper run: kill switch, resting orders canceled, feeds
// stopped, store flushed, results written) and takes as long as that needs; a second signal ends the process at once,
// by the signal's default action (exit 130 / 143, no managed code runs). That is safe for the store: SQLite in WAL
// mode with synchronous=FULL keeps every committed transaction and drops the one in flight, exactly as after kill -9.
// System.CommandLine's own handling is switched off (ProcessTerminationTimeout = null), because it would end the
// invocation two seconds after the first signal, cutting an orderly shutdown short. A signal the process inherited as
// ignored (nohup, a background job without job control) stays ignored.
using System.Runtime.InteropServices;

namespace Edgewise.Cli.Commands;

internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TextWriter _error;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _received;

    /// <summary>Creates the handler without registering it (tests drive <see cref="Handle"/> directly).</summary>
    internal ShutdownSignals(TextWriter error) => _error = error;

    /// <summary>The command's token: canceled by the first signal.</summary>
    public CancellationToken Token => _shutdown.Token;

    public int SignalsReceived => Volatile.Read(ref _received);

    /// <summary>Registers for SIGINT and SIGTERM; messages go to <paramref name="error"/>.</summary>
    public static ShutdownSignals Register(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var signals = new ShutdownSignals(error);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            signals._registrations.Add(PosixSignalRegistration.Create(signal, context => context.Cancel = signals.Handle(context.Signal)));
        }

        return signals;
    }

    /// <summary>Handles one signal; true when the signal's default action (ending the process) must be suppressed.</summary>
    internal bool Handle(PosixSignal signal)
    {
        var name = signal.ToString();
        if (Interlocked.Increment(ref _received) == 1)
        {
            _error.WriteLine($"edgewise: {name}: shutting down in order (send it again to exit at once)");
            _error.Flush();
            _shutdown.Cancel();
            return true;
        }

        _error.WriteLine($"edgewise: second signal ({name}): exiting at once");
        _error.Flush();
        return false;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        _shutdown.Dispose();
    }
}
