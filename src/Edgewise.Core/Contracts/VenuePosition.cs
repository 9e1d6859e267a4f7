using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Contracts;

/// <summary>A venue's net position in one instrument: positive long, negative short.</summary>
public sealed record VenuePosition(InstrumentId Instrument, Quantity NetQuantity);
