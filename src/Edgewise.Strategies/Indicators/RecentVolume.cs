// One venue's traded volume over a rolling window of venue event time: trades with TsEvent in (now − window, now].
// Trades are expected in event-time order per venue (an out-of-order trade is kept until the ones before it
// in the queue have expired, so it may count a little longer than the window). The queue's storage grows to
// the busiest window seen and is then reused.
using Edgewise.Core.Events;

namespace Edgewise.Strategies.Indicators;

internal sealed class RecentVolume(long windowNs)
{
    private readonly Queue<(long TsEvent, long SizeRaw)> _trades = new();

    /// <summary>Sum of the sizes in the window, raw fixed-point.</summary>
    public long TotalRaw { get; private set; }

    public void Add(in TradeTick trade)
    {
        if (trade.Size.Raw <= 0)
        {
            return;
        }

        _trades.Enqueue((trade.TsEvent, trade.Size.Raw));
        TotalRaw = checked(TotalRaw + trade.Size.Raw);
        Expire(trade.TsEvent);
    }

    /// <summary>Drops trades at or before <paramref name="nowNs"/> − window.</summary>
    public void Expire(long nowNs)
    {
        var cutoff = nowNs - windowNs;
        while (_trades.TryPeek(out var oldest) && oldest.TsEvent <= cutoff)
        {
            _trades.Dequeue();
            TotalRaw -= oldest.SizeRaw;
        }
    }
}
