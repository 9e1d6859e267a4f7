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
}
