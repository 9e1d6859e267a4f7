using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Orders;

/// <summary>
/// What a strategy asks for, and what an execution client is told to send: immutable, so a venue client
/// may read it on its own thread. <paramref name="Price"/> is zero for market orders.
/// </summary>
public readonly record struct OrderRequest(
    string ClientOrderId,
    InstrumentId Instrument,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    Price Price,
    Quantity Quantity)
{
    /// <summary>A limit order request.</summary>
    public static OrderRequest Limit(string clientOrderId, InstrumentId instrument, OrderSide side, Price price, Quantity quantity, TimeInForce timeInForce = TimeInForce.Gtc) =>
        new(clientOrderId, instrument, side, OrderType.Limit, timeInForce, price, quantity);

    /// <summary>A market order request (immediate, so IOC).</summary>
    public static OrderRequest Market(string clientOrderId, InstrumentId instrument, OrderSide side, Quantity quantity) =>
        new(clientOrderId, instrument, side, OrderType.Market, TimeInForce.Ioc, Price.Zero, quantity);

    /// <summary>Why the request is malformed regardless of instrument, or null when it is well formed.</summary>
    public string? ShapeError()
    {
        if (string.IsNullOrEmpty(ClientOrderId))
        {
            return "client order id is empty";
        }

        if (Instrument is null)
        {
            return "instrument is missing";
        }

        if (Side is not (OrderSide.Buy or OrderSide.Sell))
        {
            return "side must be Buy or Sell";
        }

        if (Type is not (OrderType.Market or OrderType.Limit))
        {
            return "unknown order type";
        }

        if (TimeInForce is not (TimeInForce.Gtc or TimeInForce.Ioc or TimeInForce.Fok))
        {
            return "unknown time in force";
        }

        if (!Quantity.IsPositive)
        {
            return "quantity must be positive";
        }

        if (Type == OrderType.Limit && !Price.IsPositive)
        {
            return "limit price must be positive";
        }

        if (Type == OrderType.Market && !Price.IsZero)
        {
            return "market order must not carry a price";
        }

        if (Type == OrderType.Market && TimeInForce == TimeInForce.Gtc)
        {
            return "market order cannot rest (use IOC or FOK)";
        }

        return null;
    }
}
