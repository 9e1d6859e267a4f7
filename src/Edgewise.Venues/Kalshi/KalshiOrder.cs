using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// One of our orders as Kalshi reports it (the order object of create, cancel, get order and the orders list): its ids, what it
/// trades and how far it got. <paramref name="FillCount"/> is what has filled so far; once <see cref="IsDone"/> it is final, so
/// fills adding up to it are all the order will ever have. <paramref name="StatusText"/> keeps Kalshi's word for the status.
/// </summary>
public sealed record KalshiOrder(
    string OrderId,
    string? ClientOrderId,
    string Ticker,
    OutcomeSide Side,
    OrderSide Action,
    KalshiOrderStatus Status,
    string StatusText,
    Quantity FillCount,
    Quantity? RemainingCount)
{
    /// <summary>True once the order can take no more fills (executed or canceled).</summary>
    public bool IsDone => Status is KalshiOrderStatus.Executed or KalshiOrderStatus.Canceled;
}
