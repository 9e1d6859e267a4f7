using System.Diagnostics;
using System.Globalization;

namespace Edgewise.Tests.Reliability;

/// <summary>
/// The built `edgewise` CLI (edgewise.dll in the test's output folder, run by the dotnet host that runs the tests) as a
/// child process: its stdout and stderr lines can be awaited as they come (no polling, no sleeps), and it can be sent
/// SIGINT / SIGTERM (through kill(1)) or SIGKILL. Linux only: tests skip elsewhere.
/// </summary>
internal sealed class EdgewiseChild : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EdgewiseChild(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Every line so far, stdout and stderr interleaved as they arrived; stderr lines start with "err: ".</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public static void SkipUnlessLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("child-process signal tests need Linux (kill(1) and /proc for the child's signal dispositions)");
        }
    }

    public static EdgewiseChild Start(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "edgewise.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var child = new EdgewiseChild(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, string.Empty, child._stdoutClosed);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, "err: ", child._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>True when the child inherited SIGINT as ignored (a test host started in the background without job control).</summary>
    public bool IgnoresSigint()
    {
        var status = File.ReadAllLines($"/proc/{Id}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return status is not null && (ulong.Parse(status[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0x2) != 0;
    }

    /// <summary>Sends a signal by name ("INT", "TERM") through kill(1) and waits for kill itself to finish.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>SIGKILL: the process ends at once, wherever it is.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    /// <summary>Waits for the exit and for both streams to be read to their end; returns the exit code (128 + n for signal n).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var within = timeout ?? DefaultWait;
        try
        {
            await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(within);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(within);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"edgewise did not exit within {within}. Output:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}", ex);
        }

        return _process.ExitCode;
    }

    /// <summary>The first line (already seen or still to come) that matches; fails naming <paramref name="what"/> with the output so far.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            _waiters.Add((match, done));
        }

        var exited = _process.WaitForExitAsync(TestContext.Current.CancellationToken).ContinueWith(_ => Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task),
            TaskScheduler.Default).Unwrap();
        var first = await Task.WhenAny(done.Task, exited).WaitAsync(timeout ?? DefaultWait).ConfigureAwait(false);
        if (first == done.Task)
        {
            return await done.Task;
        }

        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } late)
            {
                return late;
            }
        }

        throw new InvalidOperationException(
            $"edgewise exited ({_process.ExitCode}) before {what}. Output:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}");
    }

    public Task<string> WaitForAsync(string text, TimeSpan? timeout = null) =>
        WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), $"a line containing '{text}'", timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line, string prefix, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (_gate)
        {
            var text = prefix + line;
            _lines.Add(text);
            foreach (var waiter in _waiters.Where(w => w.Match(text)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(text);
            }
        }
    }
}
