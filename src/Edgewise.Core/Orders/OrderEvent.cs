namespace Edgewise.Core.Orders;

/// <summary>
/// Something that happened to an order, identified by its client order id. Venue events carry the venue's
/// time (<paramref name="TsEvent"/>) and the local receive time (<paramref name="TsRecv"/>), Unix ns.
/// </summary>
public abstract record OrderEvent(string ClientOrderId, long TsEvent, long TsRecv);
