using System.Text;

namespace Edgewise.Tests.Cli.Run;

/// <summary>
/// A thread-safe text writer whose complete lines can be awaited: a test moves its manual clock only after the line that
/// announces the state it waits on has been written (no sleeps, no polling).
/// </summary>
internal sealed class AwaitingWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _partial = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

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

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                var line = _partial.ToString().TrimEnd('\r');
                _partial.Clear();
                _lines.Add(line);
                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(line);
                }
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    /// <summary>The first line (already written or still to come) that matches; times out naming <paramref name="what"/>.</summary>
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

        try
        {
            return await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out waiting for: {what}. Output so far:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}", ex);
        }
    }

    /// <summary>Waits for a line containing <paramref name="text"/> (ordinal).</summary>
    public Task<string> WaitForAsync(string text, TimeSpan? timeout = null) =>
        WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), $"a line containing '{text}'", timeout);
}
