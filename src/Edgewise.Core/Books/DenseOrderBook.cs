// The order book for bounded price grids: binary contracts priced in [0, 1] (Kalshi's tapered grid has
// a finest step of 0.001; 0.0001 is possible). Each side is an array with one cell per grid price,
// index = (price - min) / tick, so an update is an index computation and a store, and the best level
// is tracked incrementally (see DenseLadder). A grid of 0.0001 over [0, 1] is 10,001 cells, 80 KB a side.
// A price that is not on the grid (outside [min, max] or not min + k × tick) is a venue or parser bug
// and is refused with an exception naming it, rather than rounded into a neighbouring level.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>An <see cref="IOrderBook"/> over price-indexed arrays, for a bounded grid of prices.</summary>
public sealed class DenseOrderBook : OrderBookBase
{
    /// <summary>Most grid prices a book may span (8 MB a side), so a wrong tick fails fast instead of exhausting memory.</summary>
    public const int MaxBuckets = 1 << 20;

    private readonly long _minRaw;
    private readonly long _maxRaw;
    private readonly long _tickRaw;
    private readonly DenseLadder _bids;
    private readonly DenseLadder _asks;

    /// <param name="instrument">The instrument the book is for.</param>
    /// <param name="minPrice">Lowest price on the grid (zero or more).</param>
    /// <param name="maxPrice">Highest price on the grid; <c>maxPrice - minPrice</c> must be a multiple of <paramref name="tick"/>.</param>
    /// <param name="tick">Bucket width: the instrument's smallest price step anywhere on its grid.</param>
    public DenseOrderBook(InstrumentId instrument, Price minPrice, Price maxPrice, Price tick)
        : base(instrument)
    {
        if (tick.Raw <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tick), tick, "The tick must be positive.");
        }

        if (minPrice.Raw < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minPrice), minPrice, "The lowest grid price must be zero or more.");
        }

        if (maxPrice < minPrice || (maxPrice.Raw - minPrice.Raw) % tick.Raw != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxPrice), maxPrice, $"The highest grid price must be at least {minPrice} and a whole number of {tick} ticks above it.");
        }

        var buckets = ((maxPrice.Raw - minPrice.Raw) / tick.Raw) + 1;
        if (buckets > MaxBuckets)
        {
            throw new ArgumentOutOfRangeException(
                nameof(tick), tick, $"A grid from {minPrice} to {maxPrice} in steps of {tick} has {buckets} prices; at most {MaxBuckets} are allowed.");
        }

        _minRaw = minPrice.Raw;
        _maxRaw = maxPrice.Raw;
        _tickRaw = tick.Raw;
        _bids = new DenseLadder(BookSide.Bid, (int)buckets, _minRaw, _tickRaw);
        _asks = new DenseLadder(BookSide.Ask, (int)buckets, _minRaw, _tickRaw);
    }

    public Price MinPrice => new(_minRaw);

    public Price MaxPrice => new(_maxRaw);

    public Price Tick => new(_tickRaw);

    public override int BidCount => _bids.Count;

    public override int AskCount => _asks.Count;

    /// <summary>True when <paramref name="price"/> is min + k × tick within [min, max].</summary>
    public bool IsOnGrid(Price price) => TryGetGridIndex(price, out _);

    public override void Set(BookSide side, Price price, Quantity size)
    {
        var ladder = LadderFor(side);
        var index = GridIndexOf(price);
        ThrowIfNegativeSize(size);
        ladder.Set(index, size.Raw);
    }

    public override void Add(BookSide side, Price price, Quantity delta)
    {
        var ladder = LadderFor(side);
        ladder.Add(GridIndexOf(price), delta.Raw);
    }

    public override bool TryGetBestBid(out BookLevel level) => _bids.TryGetBest(out level);

    public override bool TryGetBestAsk(out BookLevel level) => _asks.TryGetBest(out level);

    /// <summary>Size at the price; zero for a price off the grid (nothing can rest there), which is a question, not a venue error.</summary>
    public override Quantity SizeAt(BookSide side, Price price)
    {
        var ladder = LadderFor(side);
        return TryGetGridIndex(price, out var index) ? new Quantity(ladder.SizeAt(index)) : Quantity.Zero;
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

    private DenseLadder LadderFor(BookSide side) => side switch
    {
        BookSide.Bid => _bids,
        BookSide.Ask => _asks,
        _ => throw InvalidSide(side),
    };

    private int GridIndexOf(Price price)
    {
        if (!TryGetGridIndex(price, out var index))
        {
            ThrowOffGrid(price);
        }

        return index;
    }

    private bool TryGetGridIndex(Price price, out int index)
    {
        // Unsigned compare folds "below min" (a negative offset, or a wrapped one) into "above max".
        var offset = unchecked(price.Raw - _minRaw);
        if ((ulong)offset > (ulong)(_maxRaw - _minRaw))
        {
            index = 0;
            return false;
        }

        var quotient = Math.DivRem(offset, _tickRaw, out var remainder);
        index = (int)quotient;
        return remainder == 0;
    }

    private void ThrowOffGrid(Price price) =>
        throw new ArgumentOutOfRangeException(
            nameof(price), price, $"Price {price} is not on the book's grid: {MinPrice} to {MaxPrice} in steps of {Tick}.");
}
