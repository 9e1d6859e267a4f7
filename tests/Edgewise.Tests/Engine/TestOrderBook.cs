using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Engine;

/// <summary>
/// A test-only L2 book: two sorted arrays (bids descending, asks ascending) with binary search, so it
/// allocates nothing once sized. The engine is coded against IOrderBook; the production books live elsewhere.
/// </summary>
internal sealed class TestOrderBook(InstrumentId instrument, int capacity = 256) : IOrderBook
{
    private readonly BookLevel[] _bids = new BookLevel[capacity];
    private readonly BookLevel[] _asks = new BookLevel[capacity];

    public InstrumentId Instrument { get; } = instrument;

    public BookHealth Health { get; private set; }

    public long? LastUpdateId { get; set; }

    public long TsEvent { get; private set; }

    public long TsRecv { get; private set; }

    public int BidCount { get; private set; }

    public int AskCount { get; private set; }

    public bool IsCrossed =>
        TryGetBestBid(out var bid) && TryGetBestAsk(out var ask) && bid.Price >= ask.Price;

    public void Clear()
    {
        BidCount = 0;
        AskCount = 0;
        Health = BookHealth.AwaitingSnapshot;
    }

    public void Set(BookSide side, Price price, Quantity size)
    {
        var levels = side == BookSide.Bid ? _bids : _asks;
        var count = side == BookSide.Bid ? BidCount : AskCount;
        var index = Find(side, levels, count, price, out var found);
        if (size.Raw <= 0)
        {
            if (found)
            {
                Array.Copy(levels, index + 1, levels, index, count - index - 1);
                count--;
            }
        }
        else if (found)
        {
            levels[index] = new BookLevel(price, size);
        }
        else
        {
            Array.Copy(levels, index, levels, index + 1, count - index);
            levels[index] = new BookLevel(price, size);
            count++;
        }

        if (side == BookSide.Bid)
        {
            BidCount = count;
        }
        else
        {
            AskCount = count;
        }
    }

    public void Add(BookSide side, Price price, Quantity delta) => Set(side, price, SizeAt(side, price) + delta);

    public void Touch(long tsEvent, long tsRecv)
    {
        TsEvent = tsEvent;
        TsRecv = tsRecv;
    }

    public bool TryGetBestBid(out BookLevel level)
    {
        level = BidCount > 0 ? _bids[0] : default;
        return BidCount > 0;
    }

    public bool TryGetBestAsk(out BookLevel level)
    {
        level = AskCount > 0 ? _asks[0] : default;
        return AskCount > 0;
    }

    public Quantity SizeAt(BookSide side, Price price)
    {
        var levels = side == BookSide.Bid ? _bids : _asks;
        var index = Find(side, levels, side == BookSide.Bid ? BidCount : AskCount, price, out var found);
        return found ? levels[index].Size : Quantity.Zero;
    }

    public int CopyLevels(BookSide side, Span<BookLevel> destination)
    {
        var source = side == BookSide.Bid ? _bids.AsSpan(0, BidCount) : _asks.AsSpan(0, AskCount);
        var n = Math.Min(source.Length, destination.Length);
        source[..n].CopyTo(destination);
        return n;
    }

    public DepthWalk WalkQuantity(BookSide side, Quantity quantity)
    {
        var source = side == BookSide.Bid ? _bids.AsSpan(0, BidCount) : _asks.AsSpan(0, AskCount);
        var left = quantity;
        var notional = 0m;
        var worst = Price.Zero;
        var touched = 0;
        foreach (var level in source)
        {
            if (!left.IsPositive)
            {
                break;
            }

            var take = Quantity.Min(left, level.Size);
            notional += FixedPoint.Multiply(level.Price.Raw, take.Raw);
            left -= take;
            worst = level.Price;
            touched++;
        }

        return new DepthWalk(quantity - left, notional, worst, touched, !left.IsPositive);
    }

    public DepthWalk WalkNotional(BookSide side, decimal cash)
    {
        var source = side == BookSide.Bid ? _bids.AsSpan(0, BidCount) : _asks.AsSpan(0, AskCount);
        var left = cash;
        var filled = Quantity.Zero;
        var worst = Price.Zero;
        var touched = 0;
        foreach (var level in source)
        {
            if (left <= 0m)
            {
                break;
            }

            var levelCash = FixedPoint.Multiply(level.Price.Raw, level.Size.Raw);
            var take = levelCash <= left ? level.Size : Quantity.FromDecimal(decimal.Round(left / level.Price.ToDecimal(), FixedPoint.Scale, MidpointRounding.ToZero));
            left -= FixedPoint.Multiply(level.Price.Raw, take.Raw);
            filled += take;
            worst = level.Price;
            touched++;
        }

        return new DepthWalk(filled, cash - left, worst, touched, left <= 0m);
    }

    public bool IsStale(long nowNs, long maxAgeNs) => nowNs - TsRecv > maxAgeNs;

    public void SetHealth(BookHealth health) => Health = health;

    /// <summary>Index of the price, or where it would be inserted to keep the side's order (bids high to low, asks low to high).</summary>
    private static int Find(BookSide side, BookLevel[] levels, int count, Price price, out bool found)
    {
        int lo = 0, hi = count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = levels[mid].Price.Raw.CompareTo(price.Raw);
            if (side == BookSide.Bid)
            {
                cmp = -cmp;
            }

            if (cmp == 0)
            {
                found = true;
                return mid;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        found = false;
        return lo;
    }
}
