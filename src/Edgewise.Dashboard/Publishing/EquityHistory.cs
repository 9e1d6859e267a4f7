// The equity curve: one point per engine-clock bucket (the last value seen in the bucket wins), bounded, as an
// immutable list so every snapshot can share it without copying and HTTP threads can read it while the engine adds.
using System.Collections.Immutable;
using Edgewise.Dashboard.Snapshots;

namespace Edgewise.Dashboard.Publishing;

internal sealed class EquityHistory(int capacity, int bucketSeconds)
{
    private const long NsPerSecond = 1_000_000_000L;

    private ImmutableList<EquityPoint> _points = [];

    public ImmutableList<EquityPoint> Points => _points;

    /// <summary>Records equity at engine time <paramref name="nowNs"/>; returns the curve including it.</summary>
    public ImmutableList<EquityPoint> Record(long nowNs, decimal equity, decimal netPnl)
    {
        var seconds = FloorDiv(nowNs, NsPerSecond);
        var time = FloorDiv(seconds, bucketSeconds) * bucketSeconds;
        var point = new EquityPoint(time, equity, netPnl);
        var count = _points.Count;
        if (count > 0 && _points[count - 1].Time >= time)
        {
            // Same bucket (or a clock that did not move): the newest value replaces the bucket's point.
            _points = _points.SetItem(count - 1, point with { Time = _points[count - 1].Time });
            return _points;
        }

        _points = _points.Add(point);
        if (_points.Count > capacity)
        {
            _points = _points.RemoveAt(0);
        }

        return _points;
    }

    private static long FloorDiv(long value, long divisor) =>
        value >= 0 ? value / divisor : ((value + 1) / divisor) - 1;
}
