namespace Edgewise.Core.Orders;

/// <summary>The venue refused the order; <paramref name="Reason"/> is the venue's text or code.</summary>
public sealed record OrderRejected(string ClientOrderId, string Reason, long TsEvent, long TsRecv)
    : OrderEvent(ClientOrderId, TsEvent, TsRecv);
