// The per-second prints of the index, one slot per whole Unix second, kept for a fixed number of seconds in a
// ring (second mod capacity), so a lookup is O(1) and recording allocates nothing. A second with no print (the
// timer did not fire, or the index was in outage) stays missing: nothing here fills gaps.
// Seconds must not go backwards: replay and live both drive it from a monotonic clock, so a step back is a bug.
using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

public sealed class IndexHistory
{
    private const long NanosPerSecond = 1_000_000_000L;

    private readonly IndexPrint[] _slots;
    private readonly bool[] _used;

    public IndexHistory(int capacitySeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacitySeconds);
        _slots = new IndexPrint[capacitySeconds];
        _used = new bool[capacitySeconds];
    }

    public int CapacitySeconds => _slots.Length;

    /// <summary>The last second recorded; null before the first print.</summary>
    public long? LatestSecond { get; private set; }

    /// <summary>The whole Unix second a local time falls in.</summary>
    public static long SecondOf(long tsNs)
    {
        var second = tsNs / NanosPerSecond;
        return tsNs % NanosPerSecond < 0 ? second - 1 : second;
    }

    /// <summary>Records the print for the second <paramref name="tsNs"/> falls in, replacing an earlier print of the same second.</summary>
    /// <exception cref="InvalidOperationException">The second is before the latest one recorded.</exception>
    public IndexPrint Record(long tsNs, Price? rti, Price? weightedMid)
    {
        var second = SecondOf(tsNs);
        if (second < LatestSecond)
        {
            throw new InvalidOperationException($"Index print for second {second} after second {LatestSecond}: the clock went backwards.");
        }

        var print = new IndexPrint(second, rti, weightedMid);
        var slot = Slot(second);
        _slots[slot] = print;
        _used[slot] = true;
        LatestSecond = second;
        return print;
    }

    /// <summary>The print of a second, if it was recorded and is still held.</summary>
    public bool TryGet(long second, out IndexPrint print)
    {
        var slot = Slot(second);
        if (_used[slot] && _slots[slot].Second == second)
        {
            print = _slots[slot];
            return true;
        }

        print = default;
        return false;
    }

    private int Slot(long second) => (int)(((second % _slots.Length) + _slots.Length) % _slots.Length);
}
