using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Portfolio;

/// <summary>
/// What one fill or settlement did to a position. A round trip closes when the position returns to flat
/// or flips; <paramref name="RoundTripPnl"/> is then the realized P&amp;L net of fees since it opened.
/// </summary>
public readonly record struct PositionUpdate(
    InstrumentId Instrument,
    Quantity PreviousQuantity,
    Quantity NewQuantity,
    decimal RealizedDelta,
    decimal Fee,
    bool RoundTripClosed,
    decimal RoundTripPnl);
