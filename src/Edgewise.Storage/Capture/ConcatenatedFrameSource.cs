using Edgewise.Core.Contracts;

namespace Edgewise.Storage.Capture;

/// <summary>Several capture files read in the given order as one stream (e.g. hourly rotated files of one recording).</summary>
public sealed class ConcatenatedFrameSource : IFrameSource
{
    private readonly IReadOnlyList<string> _paths;
    private readonly string? _defaultVenue;
    private int _next;
    private CaptureReader? _current;
    private long _closedMalformed;
    private long _closedBytes;

    /// <summary>Checks every path up front so a typo fails before any work, naming the missing file.</summary>
    public ConcatenatedFrameSource(IReadOnlyList<string> paths, string? defaultVenue)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            CaptureFile.EnsureExists(path);
        }

        _paths = paths;
        _defaultVenue = defaultVenue;
        TotalBytes = paths.Sum(p => new FileInfo(p).Length);
    }

    /// <summary>Size of all the files together, in bytes as stored.</summary>
    public long TotalBytes { get; }

    /// <summary>Bytes read so far across the files, in bytes as stored; with <see cref="TotalBytes"/> it gives progress.</summary>
    public long BytesRead => _closedBytes + (_current?.BytesRead ?? 0);

    public long MalformedLines => _closedMalformed + (_current?.MalformedLines ?? 0);

    /// <summary>The first malformed line across all files ("file:line: reason"), or null.</summary>
    public string? FirstProblem { get; private set; }

    public bool TryRead(out RawFrame frame)
    {
        while (true)
        {
            if (_current is null)
            {
                if (_next == _paths.Count)
                {
                    frame = default;
                    return false;
                }

                _current = new CaptureReader(_paths[_next++], _defaultVenue);
            }

            if (_current.TryRead(out frame))
            {
                return true;
            }

            FirstProblem ??= _current.FirstProblem;
            _closedMalformed += _current.MalformedLines;
            _closedBytes += new FileInfo(_paths[_next - 1]).Length;
            _current.Dispose();
            _current = null;
        }
    }

    public void Dispose() => _current?.Dispose();
}
