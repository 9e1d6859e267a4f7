using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

/// <summary>
/// One evaluation of the RTI approximation. <paramref name="Value"/> is null exactly when <paramref name="Outage"/> is not None.
/// </summary>
/// <param name="Value">Index value rounded half-even to 9 decimals.</param>
/// <param name="Outage">Why there is no value; None when there is.</param>
/// <param name="UtilizedDepth">v_T: the largest grid volume whose mid spread is within the parameter.</param>
/// <param name="CurvePoints">Grid points averaged: v = 0, s, …, v_T.</param>
/// <param name="DepthExhausted">v_T stopped because a side of the (copied) consolidated book ran out, not because of the spread.</param>
/// <param name="SizeCap">The dynamic order-size cap applied to every consolidated level.</param>
/// <param name="SizeCapSamples">Level sizes the cap was estimated from.</param>
/// <param name="CappedLevels">Consolidated levels whose size the cap reduced.</param>
/// <param name="ConsolidatedBids">Bid levels in the consolidated book.</param>
/// <param name="ConsolidatedAsks">Ask levels in the consolidated book.</param>
public readonly record struct RtiResult(
    decimal? Value,
    RtiOutage Outage,
    Quantity UtilizedDepth,
    int CurvePoints,
    bool DepthExhausted,
    Quantity SizeCap,
    int SizeCapSamples,
    int CappedLevels,
    int ConsolidatedBids,
    int ConsolidatedAsks)
{
    internal static RtiResult Unavailable(RtiOutage outage, int bids = 0, int asks = 0) =>
        new(null, outage, Quantity.Zero, 0, false, Quantity.Zero, 0, 0, bids, asks);
}
