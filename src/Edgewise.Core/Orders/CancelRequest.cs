using Edgewise.Core.Instruments;

namespace Edgewise.Core.Orders;

/// <summary>What an execution client is told to cancel; <paramref name="VenueOrderId"/> is null before the venue acknowledged the order.</summary>
public readonly record struct CancelRequest(string ClientOrderId, string? VenueOrderId, InstrumentId Instrument);
