using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>
/// An L2 order book (aggregated size per price). Two implementations share this contract: a dense
/// price-indexed array for bounded grids (binary contracts in [0, 1]) and a sorted form for unbounded
/// crypto prices. The book itself knows nothing about venue sequence numbers; the venue's data client
/// decides when it is healthy and records the last applied update id here.
/// Mutations are allocation-free once the book has grown to its working size.
/// </summary>
public interface IOrderBook
{
    InstrumentId Instrument { get; }

    BookHealth Health { get; }

    /// <summary>The venue's id (sequence, update id) of the last applied change; null before any.</summary>
    long? LastUpdateId { get; set; }

    /// <summary>Venue time of the last applied change, Unix ns.</summary>
    long TsEvent { get; }

    /// <summary>Local receive time of the last applied change, Unix ns.</summary>
    long TsRecv { get; }

    int BidCount { get; }

    int AskCount { get; }

    /// <summary>
    /// Removes every level (before a snapshot). Health becomes <see cref="BookHealth.AwaitingSnapshot"/> and
    /// <see cref="LastUpdateId"/> null; the times of the last change are kept.
    /// </summary>
    void Clear();

    /// <summary>
    /// Sets the absolute size at a price; a zero size removes the level (removing an unknown level is a no-op).
    /// A negative size, or a price the book cannot hold (negative; off a dense book's grid), throws <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    void Set(BookSide side, Price price, Quantity size);

    /// <summary>Adds a signed change to the size at a price (Kalshi deltas); the level is removed when the result is ≤ 0.</summary>
    void Add(BookSide side, Price price, Quantity delta);

    /// <summary>Stamps the times of the change just applied.</summary>
    void Touch(long tsEvent, long tsRecv);

    bool TryGetBestBid(out BookLevel level);

    bool TryGetBestAsk(out BookLevel level);

    /// <summary>Size resting at exactly this price on this side (zero when none).</summary>
    Quantity SizeAt(BookSide side, Price price);

    /// <summary>Copies up to destination.Length levels of one side, best first; returns how many were written.</summary>
    int CopyLevels(BookSide side, Span<BookLevel> destination);

    /// <summary>Walks the given side (Ask for a buy, Bid for a sell) until <paramref name="quantity"/> is filled or the side ends.</summary>
    DepthWalk WalkQuantity(BookSide side, Quantity quantity);

    /// <summary>
    /// Walks the given side until <paramref name="cash"/> (price × size) is spent or the side ends. The last level may be
    /// taken in part: floor(cash left / price) at the fixed-point scale (1e-9), rounded toward zero, so the walk never
    /// spends more than <paramref name="cash"/>; callers round the filled quantity down to their size increment.
    /// </summary>
    DepthWalk WalkNotional(BookSide side, decimal cash);

    /// <summary>
    /// True when both sides are present and best bid ≥ best ask. The book never marks itself crossed: a crossed book
    /// is normal while a snapshot is being built, so the venue client decides when it is a fault and calls <see cref="SetHealth"/>.
    /// </summary>
    bool IsCrossed { get; }

    /// <summary>True when the last change is older than <paramref name="maxAgeNs"/> at local time <paramref name="nowNs"/>.</summary>
    bool IsStale(long nowNs, long maxAgeNs);

    /// <summary>Marks the book healthy (after a snapshot and a valid sequence), or not, for the stated reason.</summary>
    void SetHealth(BookHealth health);
}
