// Messages per second over a sliding window of whole seconds, kept as one counter per second in a ring.
// Written by the receiving loop and read by health snapshots on other threads, under a lock that is held
// for a few instructions; nothing is allocated after construction.
namespace Edgewise.Venues.Common;

public sealed class MessageRateWindow
{
    public const int DefaultSeconds = 10;

    private readonly Lock _gate = new();
    private readonly long[] _second;
    private readonly long[] _count;

    public MessageRateWindow(int seconds = DefaultSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        _second = new long[seconds];
        _count = new long[seconds];
        Array.Fill(_second, long.MinValue);
    }

    public int Seconds => _second.Length;

    public void Add(long nowNs)
    {
        var second = nowNs / 1_000_000_000;
        var slot = (int)(((second % _second.Length) + _second.Length) % _second.Length);
        lock (_gate)
        {
            if (_second[slot] != second)
            {
                _second[slot] = second;
                _count[slot] = 0;
            }

            _count[slot]++;
        }
    }

    /// <summary>Messages in the seconds (now − window, now], divided by the window length.</summary>
    public double PerSecond(long nowNs)
    {
        var now = nowNs / 1_000_000_000;
        long total = 0;
        lock (_gate)
        {
            for (var i = 0; i < _second.Length; i++)
            {
                if (_second[i] > now - _second.Length && _second[i] <= now)
                {
                    total += _count[i];
                }
            }
        }

        return (double)total / _second.Length;
    }
}
