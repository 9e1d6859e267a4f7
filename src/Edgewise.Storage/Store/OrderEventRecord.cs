using Edgewise.Core.Orders;

namespace Edgewise.Storage.Store;

/// <summary>
/// One applied order event. Its natural key is (client order id, kind, trade id): the order state machine allows
/// each non-fill kind once per order, and fills are told apart by trade id (empty for other kinds).
/// <paramref name="Reason"/> is a rejection's venue text or a denial's "reason: detail".
/// </summary>
public sealed record OrderEventRecord(
    long RunId,
    string ClientOrderId,
    OrderEventKind Kind,
    string TradeId,
    string? VenueOrderId,
    string? Reason,
    long TsEvent,
    long TsRecv) : StoreRecord
{
    internal override int EstimatedBytes =>
        96 + TextBytes(ClientOrderId) + TextBytes(TradeId) + TextBytes(VenueOrderId) + TextBytes(Reason);

    public static OrderEventRecord From(long runId, OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var id = orderEvent.ClientOrderId;
        return orderEvent switch
        {
            OrderAccepted e => new(runId, id, OrderEventKind.Accepted, string.Empty, e.VenueOrderId, null, e.TsEvent, e.TsRecv),
            OrderFilled e => new(runId, id, OrderEventKind.Filled, e.Fill.TradeId, null, null, e.TsEvent, e.TsRecv),
            OrderCanceled e => new(runId, id, OrderEventKind.Canceled, string.Empty, null, null, e.TsEvent, e.TsRecv),
            OrderExpired e => new(runId, id, OrderEventKind.Expired, string.Empty, null, null, e.TsEvent, e.TsRecv),
            OrderRejected e => new(runId, id, OrderEventKind.Rejected, string.Empty, null, e.Reason, e.TsEvent, e.TsRecv),
            OrderDenied e => new(runId, id, OrderEventKind.Denied, string.Empty, null, $"{e.Reason}: {e.Detail}", e.TsEvent, e.TsRecv),
            _ => throw new ArgumentException($"Unknown order event type {orderEvent.GetType().Name}.", nameof(orderEvent)),
        };
    }
}
