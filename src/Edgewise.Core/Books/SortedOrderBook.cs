// The order book for instruments whose prices have no useful bound (crypto spot and perpetuals: BTC
// near 60,000 with 0.01 ticks, Binance snapshots of 1000 levels a side). Each side is a SortedLadder:
// a sorted array with the best level last, so updates at the top of the book are a short scan and a
// short shift, and deep levels a binary search. Capacity doubles when a side fills and never shrinks;
// once a book has grown to its working depth, updates and queries allocate nothing.
// Prices are not checked against a tick grid (the instrument does that when it matters); they must be
// zero or more. Sizes are raw fixed-point and never negative.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>An <see cref="IOrderBook"/> over sorted arrays, for unbounded prices.</summary>
public sealed class SortedOrderBook : OrderBookBase
{
    /// <summary>Levels per side allocated up front: a Binance depth snapshot (1000 levels) fits without growing.</summary>
    public const int DefaultCapacity = 1024;

    private readonly SortedLadder _bids;
    private readonly SortedLadder _asks;

    public SortedOrderBook(InstrumentId instrument, int initialCapacity = DefaultCapacity)
        : base(instrument)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _bids = new SortedLadder(BookSide.Bid, initialCapacity);
        _asks = new SortedLadder(BookSide.Ask, initialCapacity);
    }

    public override int BidCount => _bids.Count;

    public override int AskCount => _asks.Count;

    /// <summary>Levels one side can hold before it next doubles its storage.</summary>
    public int CapacityOf(BookSide side) => LadderFor(side).Capacity;

    public override void Set(BookSide side, Price price, Quantity size)
    {
        var ladder = LadderFor(side);
        ThrowIfNegativePrice(price);
        ThrowIfNegativeSize(size);
        ladder.Set(price.Raw, size.Raw);
    }

    public override void Add(BookSide side, Price price, Quantity delta)
    {
        var ladder = LadderFor(side);
        ThrowIfNegativePrice(price);
        ladder.Add(price.Raw, delta.Raw);
    }

    public override bool TryGetBestBid(out BookLevel level) => _bids.TryGetBest(out level);

    public override bool TryGetBestAsk(out BookLevel level) => _asks.TryGetBest(out level);

    public override Quantity SizeAt(BookSide side, Price price)
    {
        var ladder = LadderFor(side);
        return price.Raw < 0 ? Quantity.Zero : new Quantity(ladder.SizeAt(price.Raw));
    }

    public override int CopyLevels(BookSide side, Span<BookLevel> destination) => LadderFor(side).CopyTo(destination);

    public override DepthWalk WalkQuantity(BookSide side, Quantity quantity)
    {
        var ladder = LadderFor(side);
        var walker = new QuantityWalker(quantity);
        ladder.Walk(ref walker);
        return walker.Result();
    }

    public override DepthWalk WalkNotional(BookSide side, decimal cash)
    {
        var ladder = LadderFor(side);
        var walker = new NotionalWalker(cash);
        ladder.Walk(ref walker);
        return walker.Result();
    }

    protected override void ClearLevels()
    {
        _bids.Clear();
        _asks.Clear();
    }

    private SortedLadder LadderFor(BookSide side) => side switch
    {
        BookSide.Bid => _bids,
        BookSide.Ask => _asks,
        _ => throw InvalidSide(side),
    };

    private static void ThrowIfNegativePrice(Price price)
    {
        if (price.Raw < 0)
        {
            ThrowNegativePrice(price);
        }
    }

    private static void ThrowNegativePrice(Price price) =>
        throw new ArgumentOutOfRangeException(nameof(price), price, $"Book price {price} is negative.");
}
