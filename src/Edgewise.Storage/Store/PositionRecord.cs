using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Storage.Store;

/// <summary>
/// A position's state in a run, upserted by (run, instrument); flat positions keep their row so the run's realized
/// P&amp;L, fees and funding stay reconcilable against the ledger. <paramref name="OpenedAt"/> is never missing: the
/// time the current holding opened, or for a flat position the most recent one; a position that only ever received
/// funding counts as opened at its first booking. <paramref name="LedgerSeq"/> is the ledger length when the snapshot
/// was taken; the store keeps the snapshot with the highest, so replays never roll a position back.
/// </summary>
public sealed record PositionRecord(
    long RunId,
    InstrumentId Instrument,
    Quantity NetQuantity,
    decimal CostBasis,
    decimal Multiplier,
    decimal RealizedPnl,
    decimal FeesPaid,
    decimal Funding,
    long OpenedAt,
    long LastChangedAt,
    long LedgerSeq) : StoreRecord
{
    public bool IsFlat => NetQuantity.IsZero;

    internal override int EstimatedBytes => 192;
}
