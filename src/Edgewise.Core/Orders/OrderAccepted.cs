namespace Edgewise.Core.Orders;

/// <summary>The venue acknowledged the order and gave it <paramref name="VenueOrderId"/>.</summary>
public sealed record OrderAccepted(string ClientOrderId, string VenueOrderId, long TsEvent, long TsRecv)
    : OrderEvent(ClientOrderId, TsEvent, TsRecv);
