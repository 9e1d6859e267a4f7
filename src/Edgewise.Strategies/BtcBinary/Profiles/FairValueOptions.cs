namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>Profile section "fair_value": the volatility estimate and the edge every entry needs.</summary>
public sealed record FairValueOptions
{
    /// <summary>fair_value.vol_half_life_s: half-life of the EWMA of squared index returns.</summary>
    public TimeSpan VolHalfLife { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>fair_value.vol_prior_annual: the volatility the estimate starts from (0.60 = 60% a year).</summary>
    public decimal VolPriorAnnual { get; init; } = 0.60m;

    /// <summary>fair_value.vol_floor_annual: the estimate never goes below this.</summary>
    public decimal VolFloorAnnual { get; init; } = 0.20m;

    /// <summary>fair_value.min_edge: fair value minus the entry price minus the fee per contract must exceed this ($ per contract).</summary>
    public decimal MinEdge { get; init; } = 0.03m;
}
