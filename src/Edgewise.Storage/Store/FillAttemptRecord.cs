using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Storage.Store;

/// <summary>
/// One order that reached a venue, described for a fill-probability model: what was asked (side, type, price, size),
/// the book around it at submit (best bid and ask, null when a side was empty), how long the venue took to
/// acknowledge and to fill (local clock: submit time to receive time, ns), and how it ended. Written once, when the
/// order ends; keyed by client order id.
/// </summary>
public sealed record FillAttemptRecord(
    long RunId,
    string ClientOrderId,
    string StrategyId,
    InstrumentId Instrument,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    Price Price,
    Quantity Size,
    Price? BestBid,
    Price? BestAsk,
    long SubmittedAt,
    long? AckedAt,
    long? FirstFillAt,
    long FinishedAt,
    FillAttemptOutcome Outcome,
    OrderStatus FinalStatus,
    Quantity FilledSize,
    Quantity MakerSize) : StoreRecord
{
    /// <summary>Submit to acknowledgement, ns; null when the venue answered without a separate acknowledgement.</summary>
    public long? AckLatencyNs => AckedAt - SubmittedAt;

    /// <summary>Submit to the first fill, ns; null when nothing filled.</summary>
    public long? FirstFillLatencyNs => FirstFillAt - SubmittedAt;

    internal override int EstimatedBytes => 224 + TextBytes(ClientOrderId) + TextBytes(StrategyId);

    public static FillAttemptOutcome OutcomeOf(Quantity filled, Quantity size) =>
        filled.IsZero ? FillAttemptOutcome.Unfilled : filled == size ? FillAttemptOutcome.Filled : FillAttemptOutcome.PartiallyFilled;
}
