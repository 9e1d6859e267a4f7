namespace Edgewise.Core.Orders;

/// <summary>An execution against the order; its event time is the fill's time.</summary>
public sealed record OrderFilled(string ClientOrderId, Fill Fill, long TsRecv)
    : OrderEvent(ClientOrderId, Fill.TsEvent, TsRecv);
