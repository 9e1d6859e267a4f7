// What every IOrderBook implementation shares that is not about storing levels: identity, health,
// the venue's last update id, the times of the last change, staleness and crossed-book detection.
// Health changes only when a caller says so (SetHealth) or on Clear; the book never marks itself
// crossed or stale, because only the venue client knows whether a crossed book is a transient state of
// a snapshot being built or a real fault, and which clock and age limit apply.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>Base of the order book implementations: the non-level state of <see cref="IOrderBook"/>.</summary>
public abstract class OrderBookBase : IOrderBook
{
    private bool _touched;

    protected OrderBookBase(InstrumentId instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Instrument = instrument;
    }

    public InstrumentId Instrument { get; }

    public BookHealth Health { get; private set; } = BookHealth.AwaitingSnapshot;

    public long? LastUpdateId { get; set; }

    public long TsEvent { get; private set; }

    public long TsRecv { get; private set; }

    public abstract int BidCount { get; }

    public abstract int AskCount { get; }

    /// <summary>True when both sides are present and best bid ≥ best ask. Reported, never acted on here.</summary>
    public bool IsCrossed =>
        TryGetBestBid(out var bid) && TryGetBestAsk(out var ask) && bid.Price >= ask.Price;

    /// <summary>
    /// Removes every level; health becomes <see cref="BookHealth.AwaitingSnapshot"/> and <see cref="LastUpdateId"/>
    /// null (the venue client sets it again once the snapshot is applied). Times are kept: clearing is not a
    /// message from the venue, and the <see cref="Touch"/> that follows a snapshot restamps them.
    /// </summary>
    public void Clear()
    {
        ClearLevels();
        Health = BookHealth.AwaitingSnapshot;
        LastUpdateId = null;
    }

    public abstract void Set(BookSide side, Price price, Quantity size);

    public abstract void Add(BookSide side, Price price, Quantity delta);

    public void Touch(long tsEvent, long tsRecv)
    {
        TsEvent = tsEvent;
        TsRecv = tsRecv;
        _touched = true;
    }

    public abstract bool TryGetBestBid(out BookLevel level);

    public abstract bool TryGetBestAsk(out BookLevel level);

    public abstract Quantity SizeAt(BookSide side, Price price);

    public abstract int CopyLevels(BookSide side, Span<BookLevel> destination);

    public abstract DepthWalk WalkQuantity(BookSide side, Quantity quantity);

    public abstract DepthWalk WalkNotional(BookSide side, decimal cash);

    /// <summary>
    /// True when no change was ever stamped, or when <c>nowNs - TsRecv &gt; maxAgeNs</c>: a change exactly
    /// <paramref name="maxAgeNs"/> old is still fresh.
    /// </summary>
    public bool IsStale(long nowNs, long maxAgeNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAgeNs);
        return !_touched || nowNs - TsRecv > maxAgeNs;
    }

    public void SetHealth(BookHealth health)
    {
        if (!Enum.IsDefined(health))
        {
            throw new ArgumentOutOfRangeException(nameof(health), health, "Unknown book health.");
        }

        Health = health;
    }

    public override string ToString() => $"{GetType().Name} {Instrument} {Health} bids={BidCount} asks={AskCount}";

    /// <summary>Empties both sides; called by <see cref="Clear"/>.</summary>
    protected abstract void ClearLevels();

    /// <summary>A negative absolute size is a parser or venue bug: refuse it loudly.</summary>
    protected static void ThrowIfNegativeSize(Quantity size)
    {
        if (size.Raw < 0)
        {
            ThrowNegativeSize(size);
        }
    }

    /// <summary>The exception for a <see cref="BookSide"/> value that is neither bid nor ask.</summary>
    protected static ArgumentOutOfRangeException InvalidSide(BookSide side) =>
        new(nameof(side), side, "Unknown book side.");

    private static void ThrowNegativeSize(Quantity size) =>
        throw new ArgumentOutOfRangeException(nameof(size), size, $"Book size {size} is negative; an absolute size must be zero or more.");
}
