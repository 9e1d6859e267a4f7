// The live source of IndexTick: evaluates the BTC index proxy once a second (BtcIndexProxy.OnSecond records the
// print in the proxy's own history too) and reports the chosen series, or an outage tick when the proxy has no value.
// The last evaluation is kept for displays on other threads (an IndexValue is immutable once built); a display must not
// call the proxy itself, because an evaluation moves its deviation hysteresis and volume windows.
// Live, "now" is the wall clock, which can step back (NTP): the index then reports an outage until the clock is past
// the last second it printed, because prints must not go back in time and book ages measured across the step mean
// nothing. Trading resumes by itself once the clock has caught up.
using Edgewise.Core.Numerics;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Strategies.BtcBinary;

public sealed class ProxyIndexTickSource(BtcIndexProxy proxy, IndexSeries series = IndexSeries.Rti) : IIndexTickSource
{
    private const long NanosPerSecond = 1_000_000_000L;

    private IndexValue? _last;

    /// <summary>The newest evaluation (null before the first); readable from any thread.</summary>
    public IndexValue? Last => Volatile.Read(ref _last);

    /// <summary>Reads taken while the clock was behind the last print (each an outage tick).</summary>
    public long ClockStepsBack { get; private set; }

    public bool TryRead(long nowNs, out IndexTick tick)
    {
        if (proxy.History.LatestSecond is { } latest && IndexHistory.SecondOf(nowNs) < latest)
        {
            ClockStepsBack++;
            tick = IndexTick.Outage(nowNs);
            return true;
        }

        var value = proxy.OnSecond(nowNs);
        Volatile.Write(ref _last, value);
        tick = value.IsUsable && value.ValueOf(series) is { } usd and > 0m
            ? IndexTick.Usable(Price.FromDecimal(usd), nowNs)
            : IndexTick.Outage(nowNs);
        return true;
    }

    /// <summary>The start of the next whole second.</summary>
    public long NextDueNs(long nowNs) => (IndexHistory.SecondOf(nowNs) + 1) * NanosPerSecond;
}
