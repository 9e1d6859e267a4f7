// The recorder a data client writes every frame to: a venue's RotatingCaptureWriter behind a guard that turns a
// write failure (disk full, directory gone) into a stop instead of a hole. The client calls Write on its receive
// or snapshot loop under its own lock; an exception thrown there would only end the connection (the client would
// reconnect and carry on recording with frames missing), so the guard catches it, keeps the first error, counts
// every frame it can no longer write, and tells the session, which stops all feeds and reports the error. The
// session is told through a callback that must not block (it completes a task; the stopping happens elsewhere).
using Edgewise.Core.Contracts;
using Edgewise.Storage.Capture;

namespace Edgewise.Cli.Record;

internal sealed class CaptureRecorder : IFrameSink
{
    private readonly RotatingCaptureWriter _writer;
    private readonly Action<CaptureRecorder> _onFailure;
    private readonly Lock _gate = new();
    private bool _closed;
    private string? _error;
    private long _notWritten;

    public CaptureRecorder(RotatingCaptureWriter writer, Action<CaptureRecorder> onFailure)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(onFailure);
        _writer = writer;
        _onFailure = onFailure;
    }

    public string Venue => _writer.Venue;

    /// <summary>The first failure ("writing /data/coinbase-20260101T00.jsonl.gz failed: ..."); null while all is well.</summary>
    public string? Error
    {
        get
        {
            lock (_gate)
            {
                return _error;
            }
        }
    }

    /// <summary>Frames received after the failure (or after Close), which were not written.</summary>
    public long FramesNotWritten
    {
        get
        {
            lock (_gate)
            {
                return _notWritten;
            }
        }
    }

    public long FramesWritten
    {
        get
        {
            lock (_gate)
            {
                return _writer.FramesWritten;
            }
        }
    }

    /// <summary>The files written so far, in order.</summary>
    public IReadOnlyList<string> Files
    {
        get
        {
            lock (_gate)
            {
                return [.. _writer.Paths];
            }
        }
    }

    public void Write(in RawFrame frame)
    {
        lock (_gate)
        {
            if (_error is not null || _closed)
            {
                _notWritten++;
                return;
            }

            try
            {
                _writer.Write(frame);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _notWritten++;
                _error = $"writing {_writer.CurrentPath ?? (_writer.Paths.Count > 0 ? _writer.Paths[^1] : _writer.Venue)} failed: {ex.Message}";
            }
        }

        _onFailure(this);
    }

    /// <summary>Flushes and closes the current file. A failure here is kept as <see cref="Error"/> (the file may be incomplete).</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            var path = _writer.CurrentPath;
            try
            {
                _writer.Dispose();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _error ??= $"closing {path} failed: {ex.Message}";
            }
        }
    }

    public void Dispose() => Close();
}
