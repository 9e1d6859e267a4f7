using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Contracts;

/// <summary>
/// An order resting at the venue: our client order id (null when the venue does not echo it, e.g. an order placed
/// elsewhere), the venue's id, and how much of it has filled.
/// </summary>
public sealed record VenueOpenOrder(
    string? ClientOrderId,
    string VenueOrderId,
    InstrumentId Instrument,
    OrderSide Side,
    Price Price,
    Quantity Quantity,
    Quantity FilledQuantity);
