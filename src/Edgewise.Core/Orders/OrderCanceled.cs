namespace Edgewise.Core.Orders;

/// <summary>The venue canceled the order's working remainder (on request or on its own).</summary>
public sealed record OrderCanceled(string ClientOrderId, long TsEvent, long TsRecv)
    : OrderEvent(ClientOrderId, TsEvent, TsRecv);
