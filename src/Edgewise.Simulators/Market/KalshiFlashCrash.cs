namespace Edgewise.Simulators.Market;

/// <summary>
/// A liquidity flash crash in one side of a Kalshi book (BTC does not move): the side's price falls by <paramref name="Depth"/>
/// (a fraction, 0.22-0.35) over 4 s, stays down 6 s and recovers linearly over the next 20 s.
/// </summary>
internal sealed record KalshiFlashCrash(long StartNs, bool YesSide, double Depth)
{
    public const long DurationNs = 30 * MarketGenerator.SecondNs;

    public bool IsOverAt(long nowNs) => nowNs - StartNs >= DurationNs;

    /// <summary>The fraction the crashed side's price is down by at <paramref name="nowNs"/>.</summary>
    public double DepthAt(long nowNs)
    {
        var t = (nowNs - StartNs) / (double)MarketGenerator.SecondNs;
        return t < 0 ? 0 : t < 4 ? Depth * t / 4 : t < 10 ? Depth : t < 30 ? Depth * (1 - ((t - 10) / 20)) : 0;
    }
}
