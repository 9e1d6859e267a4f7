using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Engine.Loop;

/// <summary>A settlement (price) or funding payment (amount) on its way to the loop.</summary>
internal sealed record PortfolioEvent(InstrumentId Instrument, Price Price, decimal Amount, long TsNs);
