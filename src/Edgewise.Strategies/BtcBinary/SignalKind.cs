namespace Edgewise.Strategies.BtcBinary;

/// <summary>The entry signals of the BTC binary strategy, in the order they are tried.</summary>
public enum SignalKind : byte
{
    /// <summary>A liquidity-driven crash of one side's price, bought back toward fair value.</summary>
    FlashCrash = 1,

    /// <summary>BTC moved and the contract has not caught up with fair value yet.</summary>
    DelayArbitrage = 2,

    /// <summary>An extreme contract price while BTC is calm, faded toward fair value.</summary>
    MeanReversion = 3,

    /// <summary>
    /// Not a signal of this run: a position the portfolio already held when the market was added (a run resumed after a crash),
    /// taken over so the exits manage it and no entry doubles it. Its original signal is in the earlier run's decisions.
    /// </summary>
    Resumed = 4,
}
