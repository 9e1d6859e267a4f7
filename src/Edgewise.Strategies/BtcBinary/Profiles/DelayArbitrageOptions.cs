namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>Profile section "delay_arbitrage": BTC has moved and the contract lags fair value.</summary>
public sealed record DelayArbitrageOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>delay_arbitrage.momentum_window_s: BTC's move is measured over this window.</summary>
    public TimeSpan MomentumWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>delay_arbitrage.momentum_threshold: |move| must exceed this (0.0015 = 0.15%).</summary>
    public decimal MomentumThreshold { get; init; } = 0.0015m;
}
