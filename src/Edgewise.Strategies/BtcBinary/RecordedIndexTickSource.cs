// A recorded index series (the backtest's BRTI proxy column, or a test's constructed path) as an IIndexTickSource:
// at time t it yields the latest sample stamped at or before t, with that sample's own time, and asks to be read
// again at the next sample's time. Samples must be in strictly increasing time order.
namespace Edgewise.Strategies.BtcBinary;

public sealed class RecordedIndexTickSource : IIndexTickSource
{
    private readonly IndexTick[] _ticks;
    private int _next;

    public RecordedIndexTickSource(IEnumerable<IndexTick> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        _ticks = [.. ticks];
        for (var i = 1; i < _ticks.Length; i++)
        {
            if (_ticks[i].TsNs <= _ticks[i - 1].TsNs)
            {
                throw new ArgumentException($"Index samples must be in increasing time order: sample {i} at {_ticks[i].TsNs} is not after {_ticks[i - 1].TsNs}.", nameof(ticks));
            }
        }
    }

    public int Count => _ticks.Length;

    public bool TryRead(long nowNs, out IndexTick tick)
    {
        while (_next < _ticks.Length && _ticks[_next].TsNs <= nowNs)
        {
            _next++;
        }

        if (_next == 0)
        {
            tick = default;
            return false;
        }

        tick = _ticks[_next - 1];
        return true;
    }

    public long NextDueNs(long nowNs)
    {
        var index = _next;
        while (index < _ticks.Length && _ticks[index].TsNs <= nowNs)
        {
            index++;
        }

        return index < _ticks.Length ? _ticks[index].TsNs : long.MaxValue;
    }
}
