using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Storage.Store;

/// <summary>
/// An order's state at one moment, upserted by client order id. <paramref name="Revision"/> only grows as events
/// apply (see <see cref="RevisionOf"/>), and the store keeps the row with the highest revision, so a replayed or
/// late snapshot never rolls an order back.
/// </summary>
public sealed record OrderRecord(
    long RunId,
    string ClientOrderId,
    string StrategyId,
    InstrumentId Instrument,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    Price Price,
    Quantity Quantity,
    OrderStatus Status,
    Quantity FilledQuantity,
    decimal AverageFillPrice,
    decimal FeesPaid,
    string? VenueOrderId,
    string? StatusReason,
    long CreatedAt,
    long LastEventAt,
    int Revision) : StoreRecord
{
    public bool IsOpen => !OrderStateMachine.IsTerminal(Status);

    internal override int EstimatedBytes =>
        160 + TextBytes(ClientOrderId) + TextBytes(StrategyId) + TextBytes(VenueOrderId) + TextBytes(StatusReason);

    public static OrderRecord From(long runId, Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderRecord(
            runId, order.ClientOrderId, order.StrategyId, order.Instrument, order.Side, order.Type, order.TimeInForce,
            order.Price, order.Quantity, order.Status, order.FilledQuantity, order.AverageFillPrice, order.FeesPaid,
            order.VenueOrderId, order.StatusReason, order.TsCreated, order.TsLastEvent, RevisionOf(order));
    }

    /// <summary>
    /// Each event the state machine applies raises this by at least one: an acceptance sets the venue id, a fill adds
    /// to the fill list, a terminal event ends the order (a completing fill counts twice).
    /// </summary>
    public static int RevisionOf(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Fills.Count + (order.VenueOrderId is null ? 0 : 1) + (order.IsTerminal ? 1 : 0);
    }
}
