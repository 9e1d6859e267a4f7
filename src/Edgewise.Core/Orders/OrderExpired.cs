namespace Edgewise.Core.Orders;

/// <summary>The order's time in force ran out (IOC/FOK remainder, venue expiry).</summary>
public sealed record OrderExpired(string ClientOrderId, long TsEvent, long TsRecv)
    : OrderEvent(ClientOrderId, TsEvent, TsRecv);
