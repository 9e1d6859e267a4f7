namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>Profile section "exits": how an open position is closed before settlement, if at all.</summary>
public sealed record ExitOptions
{
    /// <summary>exits.hold_to_settlement: never exit early; every other exit key is then ignored.</summary>
    public bool HoldToSettlement { get; init; }

    /// <summary>exits.stop_loss: "none", "fixed" or "adaptive".</summary>
    public StopLossMode StopLoss { get; init; } = StopLossMode.Fixed;

    /// <summary>exits.stop_loss_fraction: the fixed stop, or the adaptive stop at the prior volatility (0.25 = 25% of the entry price).</summary>
    public decimal StopLossFraction { get; init; } = 0.25m;

    /// <summary>exits.stop_loss_min: the adaptive stop's lower bound.</summary>
    public decimal StopLossMin { get; init; } = 0.15m;

    /// <summary>exits.stop_loss_max: the adaptive stop's upper bound.</summary>
    public decimal StopLossMax { get; init; } = 0.40m;

    /// <summary>exits.profit_target: exit when the bid is this fraction above the entry price (0.08 = 8%); null for none.</summary>
    public decimal? ProfitTarget { get; init; } = 0.08m;

    /// <summary>exits.timeout_s: exit after holding this long; null for none.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromMinutes(6);
}
