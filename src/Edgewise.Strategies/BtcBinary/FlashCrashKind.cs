namespace Edgewise.Strategies.BtcBinary;

/// <summary>What a flash crash in a contract's price is taken to be, judged from BTC's moves around it. Only Liquidity is traded.</summary>
public enum FlashCrashKind : byte
{
    /// <summary>BTC was calm before and during the crash: someone dumped contracts, nothing changed the odds.</summary>
    Liquidity = 1,

    /// <summary>BTC moved the same way during the crash window: the new price is news.</summary>
    Informational = 2,

    /// <summary>BTC had already moved that way before the window: the contract is catching up late.</summary>
    DelayedReaction = 3,

    /// <summary>BTC's moves could not be measured (no index prints far enough back).</summary>
    Unclassified = 4,
}
