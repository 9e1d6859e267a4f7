namespace Edgewise.Cli.Backtest;

/// <summary>Where a market's result comes from. Recorded and inferred results are always reported apart.</summary>
internal enum SettlementSource : byte
{
    /// <summary>Neither recorded nor pinned by the last quote: the market stays unsettled.</summary>
    None = 0,

    /// <summary>From the settlements file: authoritative.</summary>
    Recorded = 1,

    /// <summary>From the last quote before close, which pinned the result (bid ≥ 0.99 or ask ≤ 0.01 within 60 s of close).</summary>
    Inferred = 2,
}
