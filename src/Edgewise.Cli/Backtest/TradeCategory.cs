namespace Edgewise.Cli.Backtest;

/// <summary>How a trade ended, which decides whether its P&amp;L is verified, inferred or not known.</summary>
internal enum TradeCategory : byte
{
    /// <summary>Closed by a stop, target or timeout: fills at recorded prices, no result needed.</summary>
    ClosedByExit = 1,

    /// <summary>Held to a recorded result.</summary>
    SettledRecorded = 2,

    /// <summary>Held to a result inferred from the last quote (reported apart).</summary>
    SettledInferred = 3,

    /// <summary>Still open at the end: its market has no result here.</summary>
    OpenUnsettled = 4,
}
