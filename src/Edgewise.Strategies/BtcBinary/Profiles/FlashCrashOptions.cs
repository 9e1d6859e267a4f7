namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>Profile section "flash_crash": a sudden fall of one side's price, traded only when it is a liquidity event.</summary>
public sealed record FlashCrashOptions
{
    public bool Enabled { get; init; }

    /// <summary>flash_crash.drop_fraction: the price must fall by more than this fraction (0.15 = 15%).</summary>
    public decimal DropFraction { get; init; } = 0.15m;

    /// <summary>flash_crash.drop_within_s: ...within this long.</summary>
    public TimeSpan DropWithin { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>flash_crash.window_s: BTC's move during the crash is measured over this window.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>flash_crash.prior_window_s: BTC's move before the crash window, for the delayed-reaction kind.</summary>
    public TimeSpan PriorWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>flash_crash.informational_move: a BTC move at least this large explains a crash.</summary>
    public decimal InformationalMove { get; init; } = 0.0015m;
}
