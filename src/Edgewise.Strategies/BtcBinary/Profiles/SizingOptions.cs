namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>Profile section "sizing": dollars staked per entry, and how they grow with results.</summary>
public sealed record SizingOptions
{
    /// <summary>sizing.base_usd: the stake normally, and after any loss.</summary>
    public decimal BaseStake { get; init; } = 10m;

    /// <summary>sizing.dynamic: false keeps the base stake always.</summary>
    public bool Dynamic { get; init; }

    /// <summary>sizing.win_rate_usd: the stake while the win rate is above win_rate_above over at least win_rate_min_trades trades.</summary>
    public decimal WinRateStake { get; init; } = 15m;

    public decimal WinRateAbove { get; init; } = 0.80m;

    public int WinRateMinTrades { get; init; } = 5;

    /// <summary>sizing.streak_usd: the stake after at least streak_min_wins wins in a row.</summary>
    public decimal StreakStake { get; init; } = 20m;

    public int StreakMinWins { get; init; } = 3;

    /// <summary>sizing.max_contracts: an order never asks for more contracts than this.</summary>
    public decimal MaxContracts { get; init; } = 1000m;
}
