using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Portfolio;

namespace Edgewise.Engine.Messaging;

/// <summary>A contract settled at <paramref name="Price"/>: the position was closed into a payout on the ledger.</summary>
public readonly record struct PositionSettled(InstrumentId Instrument, Price Price, PositionUpdate Position, long TsNs);
