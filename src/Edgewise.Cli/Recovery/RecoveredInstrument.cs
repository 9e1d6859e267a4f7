// The stand-in for an instrument while a run's journal is replayed at restart: Portfolio needs only an instrument's
// id and multiplier to book fills, settlements and funding, and the markets of a crashed run may no longer be listed
// (a closed Kalshi market) when the process comes back. Nothing else of it may be used: no grid, no fees.
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Cli.Recovery;

internal sealed class RecoveredInstrument(InstrumentId id, decimal multiplier) : Instrument(id, new UnknownFeeModel(id.ToString()))
{
    public override Price MinTick => throw Unusable();

    public override Quantity SizeIncrement => throw Unusable();

    public override decimal Multiplier { get; } = multiplier;

    public override bool IsOnTick(Price price) => throw Unusable();

    private InvalidOperationException Unusable() =>
        new($"{Id} was restored from the store for bookkeeping only; its trading details are not known.");
}
