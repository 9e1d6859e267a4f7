using Edgewise.Core.Instruments;

namespace Edgewise.Core.Portfolio;

/// <summary>
/// One cash movement, signed (money in is positive), with the balance after it. <c>Reference</c> is the
/// client order id, trade id or other source of the movement, when there is one.
/// </summary>
public readonly record struct LedgerEntry(
    long Ts,
    LedgerEntryKind Kind,
    InstrumentId? Instrument,
    decimal Amount,
    decimal BalanceAfter,
    string? Reference);
