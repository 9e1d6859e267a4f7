// Watches one market's YES mid and reports a flash crash: the latest price more than DropFraction below the highest
// price seen within DropWithin before it, on either side (the NO price is 1 − YES mid, so a YES spike is a NO crash).
// Only samples DropWithin apart or closer are compared: a data feed sampled every 30 s therefore cannot show a
// 10-second crash, and this detector will not invent one from two samples 30 s apart.
using Edgewise.Core.Instruments;

namespace Edgewise.Strategies.BtcBinary.Signals;

public sealed class FlashCrashDetector
{
    private readonly decimal _dropFraction;
    private readonly long _withinNs;
    private readonly List<(long TsNs, decimal YesMid)> _samples = [];

    public FlashCrashDetector(decimal dropFraction, TimeSpan dropWithin)
    {
        if (dropFraction is <= 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(dropFraction), dropFraction, "The drop fraction must be in (0, 1).");
        }

        if (dropWithin <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dropWithin), dropWithin, "The crash duration must be positive.");
        }

        _dropFraction = dropFraction;
        _withinNs = dropWithin.Ticks * 100;
    }

    public int SampleCount => _samples.Count;

    /// <summary>Adds the YES mid at <paramref name="tsNs"/>; a sample at the latest time replaces it, an older one is ignored.</summary>
    public void Add(long tsNs, decimal yesMid)
    {
        if (yesMid is <= 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(yesMid), yesMid, "A YES mid is strictly between 0 and 1.");
        }

        if (_samples.Count > 0)
        {
            var last = _samples[^1].TsNs;
            if (tsNs < last)
            {
                return;
            }

            if (tsNs == last)
            {
                _samples[^1] = (tsNs, yesMid);
                return;
            }
        }

        _samples.Add((tsNs, yesMid));
        var oldest = tsNs - _withinNs;
        var stale = 0;
        while (stale < _samples.Count && _samples[stale].TsNs < oldest)
        {
            stale++;
        }

        if (stale > 0)
        {
            _samples.RemoveRange(0, stale);
        }
    }

    /// <summary>True when the latest sample is a crash of one side against the samples within the crash duration before it.</summary>
    public bool TryDetect(out FlashCrash crash)
    {
        crash = default;
        if (_samples.Count < 2)
        {
            return false;
        }

        var (nowTs, now) = _samples[^1];
        (long Ts, decimal Mid) high = (0, decimal.MinValue), low = (0, decimal.MaxValue);
        for (var i = 0; i < _samples.Count - 1; i++)
        {
            var (ts, mid) = _samples[i];
            if (mid > high.Mid)
            {
                high = (ts, mid);
            }

            if (mid < low.Mid)
            {
                low = (ts, mid);
            }
        }

        var yesDrop = (high.Mid - now) / high.Mid;
        if (yesDrop > _dropFraction)
        {
            crash = new FlashCrash(OutcomeSide.Yes, high.Mid, now, yesDrop, high.Ts, nowTs);
            return true;
        }

        var noHigh = 1m - low.Mid;
        var noNow = 1m - now;
        var noDrop = (noHigh - noNow) / noHigh;
        if (noDrop > _dropFraction)
        {
            crash = new FlashCrash(OutcomeSide.No, noHigh, noNow, noDrop, low.Ts, nowTs);
            return true;
        }

        return false;
    }
}
