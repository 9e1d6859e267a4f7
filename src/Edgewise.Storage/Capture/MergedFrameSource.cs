// Several frame streams (one per venue, each possibly several files read in order) merged into one by receive time:
// a k-way merge that always returns the stream head with the smallest recv_ts_ns, ties going to the stream given
// first, so the result is the same on every run. Each stream keeps its own order: a stream whose receive times step
// back a little (a REST reply written just after a WS frame it preceded) is not reordered, which is what its venue's
// book sync saw live. A frame's bytes belong to its stream's reader and stay valid until the next TryRead here,
// because only the stream that supplied the last frame is advanced then.
using Edgewise.Core.Contracts;

namespace Edgewise.Storage.Capture;

public sealed class MergedFrameSource : IFrameSource
{
    private readonly IReadOnlyList<ConcatenatedFrameSource> _streams;
    private readonly RawFrame[] _heads;
    private readonly bool[] _hasHead;
    private int _advance = -1;
    private bool _started;

    public MergedFrameSource(IReadOnlyList<ConcatenatedFrameSource> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count == 0 || streams.Any(s => s is null))
        {
            throw new ArgumentException("At least one stream, and no null streams, are needed.", nameof(streams));
        }

        _streams = streams;
        _heads = new RawFrame[streams.Count];
        _hasHead = new bool[streams.Count];
    }

    public long TotalBytes => _streams.Sum(s => s.TotalBytes);

    public long BytesRead => _streams.Sum(s => s.BytesRead);

    public long MalformedLines => _streams.Sum(s => s.MalformedLines);

    /// <summary>The first malformed line of the first stream that has one, or null.</summary>
    public string? FirstProblem => _streams.Select(s => s.FirstProblem).FirstOrDefault(p => p is not null);

    public bool TryRead(out RawFrame frame)
    {
        if (!_started)
        {
            _started = true;
            for (var i = 0; i < _streams.Count; i++)
            {
                _hasHead[i] = _streams[i].TryRead(out _heads[i]);
            }
        }
        else if (_advance >= 0)
        {
            _hasHead[_advance] = _streams[_advance].TryRead(out _heads[_advance]);
        }

        var best = -1;
        for (var i = 0; i < _heads.Length; i++)
        {
            if (_hasHead[i] && (best < 0 || _heads[i].RecvTsNs < _heads[best].RecvTsNs))
            {
                best = i; // strictly smaller: a tie keeps the earlier stream
            }
        }

        _advance = best;
        frame = best >= 0 ? _heads[best] : default;
        return best >= 0;
    }

    public void Dispose()
    {
        foreach (var stream in _streams)
        {
            stream.Dispose();
        }
    }
}
