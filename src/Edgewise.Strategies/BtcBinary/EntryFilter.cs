namespace Edgewise.Strategies.BtcBinary;

/// <summary>The names decisions give for what blocked an entry (in the order the filters run) or skipped a market.</summary>
public static class EntryFilter
{
    public const string BookUnhealthy = "book_unhealthy";
    public const string BookStale = "book_stale";
    public const string IndexUnusable = "index_unusable";
    public const string IndexStale = "index_stale";
    public const string MarketFirstSeconds = "market_first_seconds";
    public const string MarketLastSeconds = "market_last_seconds";
    public const string MinTimeToClose = "min_time_to_close";
    public const string MaxSpread = "max_spread";
    public const string MinDepth = "min_depth";
    public const string Cooldown = "cooldown";
    public const string StakeTooSmall = "stake_too_small";

    /// <summary>A flash crash that was not a liquidity event (only those are traded).</summary>
    public const string FlashCrashNotLiquidity = "flash_crash_not_liquidity";

    /// <summary>Prefix of a denial by the engine's risk checks: "risk:MaxNotionalPerEvent".</summary>
    public const string RiskPrefix = "risk:";

    /// <summary>Skip: no usable index print has been seen yet.</summary>
    public const string NoIndex = "no_index";

    /// <summary>Skip: the market gave no strike and the index did not cover the 60 s before it opened.</summary>
    public const string StrikeUnknown = "strike_unknown";

    /// <summary>Skip: the YES book lacks a bid or an ask.</summary>
    public const string BookOneSided = "book_one_sided";

    /// <summary>What the min-depth filter reports when the data has no sizes.</summary>
    public const string DepthUnknown = "unknown in this data";
}
