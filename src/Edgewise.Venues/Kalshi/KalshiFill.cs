using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// One fill of one of our orders, from the private <c>fill</c> channel (FACTS §5.5), typed for the execution client.
/// <paramref name="Side"/> is the contract side (YES or NO) the order traded, <paramref name="Action"/> whether it bought or
/// sold it; <paramref name="YesPrice"/> is always the YES price, so a NO fill's own price is 1 − YesPrice (<see cref="SidePrice"/>).
/// Optional fields are null when the message does not carry them; <paramref name="FeeCost"/> is Kalshi's own fee figure, to
/// reconcile with the fee model rather than to replace it.
/// </summary>
public sealed record KalshiFill(
    InstrumentId Instrument,
    string TradeId,
    string OrderId,
    OutcomeSide Side,
    OrderSide Action,
    bool IsTaker,
    Price YesPrice,
    Quantity Count,
    Quantity? PostPosition,
    OutcomeSide? PurchasedSide,
    decimal? FeeCost,
    string? ClientOrderId,
    int? Subaccount,
    long Sid,
    long TsEvent,
    long TsRecv)
{
    /// <summary>The price of the side traded: YesPrice for YES, 1 − YesPrice for NO.</summary>
    public Price SidePrice => Side == OutcomeSide.Yes ? YesPrice : BinaryContract.Complement(YesPrice);
}
