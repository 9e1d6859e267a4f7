using Edgewise.Core.Instruments;

namespace Edgewise.Strategies.BtcBinary.Decisions;

/// <summary>One decision of the strategy with what it was based on. Fields that do not apply to the kind are null.</summary>
/// <param name="Sequence">1, 2, 3… in the order recorded.</param>
/// <param name="TsNs">Engine time, Unix ns.</param>
/// <param name="Market">The market ticker.</param>
/// <param name="Kind">What the record is about.</param>
/// <param name="Signal">The entry signal concerned, if any.</param>
/// <param name="Side">The side bought or held, if any.</param>
/// <param name="BlockedBy">The entry filter, exit obstacle or "risk:&lt;reason&gt;" that stopped the decision; null when it went ahead.</param>
/// <param name="Detail">A short explanation with the numbers (for blocks, ended orders, skips).</param>
/// <param name="OrderId">The client order id sent or reported on.</param>
/// <param name="Fill">For Fill: the execution.</param>
/// <param name="ExitReason">For exits, exit fills and closed trades: why.</param>
/// <param name="Pnl">For TradeClosed: the trade's P&amp;L after fees, dollars.</param>
/// <param name="Inputs">The numbers the decision was taken on (entries, exits, skips).</param>
public sealed record DecisionRecord(
    long Sequence,
    long TsNs,
    string Market,
    DecisionKind Kind,
    SignalKind? Signal,
    OutcomeSide? Side,
    string? BlockedBy,
    string? Detail,
    string? OrderId,
    DecisionFill? Fill,
    ExitReason? ExitReason,
    decimal? Pnl,
    DecisionInputs? Inputs);
