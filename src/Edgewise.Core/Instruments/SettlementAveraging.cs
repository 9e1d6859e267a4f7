namespace Edgewise.Core.Instruments;

/// <summary>How a settlement rule turns the window's per-second index prints into one value.</summary>
public enum SettlementAveraging : byte
{
    /// <summary>Arithmetic mean of every print (Kalshi BTC hourly and 15-minute series).</summary>
    SimpleMean = 1,

    /// <summary>Mean after dropping the highest and lowest fraction of prints (some long-dated Kalshi series: 20% each end).</summary>
    TrimmedMean = 2,
}
