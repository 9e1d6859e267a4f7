// A deliberately naive IOrderBook for property tests: two SortedDictionary sides and straightforward
// walks. The cash walk's partial level is computed with BigInteger floor division, independently of the
// decimal arithmetic the real books use, so the two must agree on the rounding rule, not share code.
using System.Numerics;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Books;

internal sealed class ReferenceOrderBook(InstrumentId instrument) : IOrderBook
{
    private readonly SortedDictionary<long, long> _bids = [];
    private readonly SortedDictionary<long, long> _asks = [];

    public InstrumentId Instrument { get; } = instrument;

    public BookHealth Health { get; private set; }

    public long? LastUpdateId { get; set; }

    public long TsEvent { get; private set; }

    public long TsRecv { get; private set; }

    public int BidCount => _bids.Count;

    public int AskCount => _asks.Count;

    public bool IsCrossed => TryGetBestBid(out var b) && TryGetBestAsk(out var a) && b.Price >= a.Price;

    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
        Health = BookHealth.AwaitingSnapshot;
        LastUpdateId = null;
    }

    public void Set(BookSide side, Price price, Quantity size)
    {
        var levels = Side(side);
        if (size.Raw == 0)
        {
            levels.Remove(price.Raw);
        }
        else
        {
            levels[price.Raw] = size.Raw;
        }
    }

    public void Add(BookSide side, Price price, Quantity delta)
    {
        var levels = Side(side);
        var result = levels.GetValueOrDefault(price.Raw) + delta.Raw;
        if (result <= 0)
        {
            levels.Remove(price.Raw);
        }
        else
        {
            levels[price.Raw] = result;
        }
    }

    public void Touch(long tsEvent, long tsRecv)
    {
        TsEvent = tsEvent;
        TsRecv = tsRecv;
    }

    public bool TryGetBestBid(out BookLevel level) => TryFirst(BestFirst(BookSide.Bid), out level);

    public bool TryGetBestAsk(out BookLevel level) => TryFirst(BestFirst(BookSide.Ask), out level);

    public Quantity SizeAt(BookSide side, Price price) => new(Side(side).GetValueOrDefault(price.Raw));

    public int CopyLevels(BookSide side, Span<BookLevel> destination)
    {
        var n = 0;
        foreach (var level in BestFirst(side))
        {
            if (n == destination.Length)
            {
                break;
            }

            destination[n++] = level;
        }

        return n;
    }

    public DepthWalk WalkQuantity(BookSide side, Quantity quantity)
    {
        var remaining = quantity.Raw;
        long filled = 0;
        var notional = 0m;
        var worst = default(Price);
        var levels = 0;
        foreach (var level in BestFirst(side))
        {
            if (remaining == 0)
            {
                break;
            }

            var take = Math.Min(level.Size.Raw, remaining);
            filled += take;
            notional += Cost(level.Price.Raw, take);
            worst = level.Price;
            levels++;
            remaining -= take;
        }

        return new DepthWalk(new Quantity(filled), notional, worst, levels, remaining == 0);
    }

    public DepthWalk WalkNotional(BookSide side, decimal cash)
    {
        var remaining = cash;
        long filled = 0;
        var notional = 0m;
        var worst = default(Price);
        var levels = 0;
        if (cash == 0)
        {
            return new DepthWalk(default, 0m, default, 0, true);
        }

        foreach (var level in BestFirst(side))
        {
            var cost = Cost(level.Price.Raw, level.Size.Raw);
            if (cost <= remaining)
            {
                filled += level.Size.Raw;
                notional += cost;
                worst = level.Price;
                levels++;
                remaining -= cost;
                if (remaining == 0)
                {
                    return new DepthWalk(new Quantity(filled), notional, worst, levels, true);
                }

                continue;
            }

            var take = FloorQuantity(remaining, level.Price.Raw);
            if (take > 0)
            {
                filled += take;
                notional += Cost(level.Price.Raw, take);
                worst = level.Price;
                levels++;
            }

            return new DepthWalk(new Quantity(filled), notional, worst, levels, true);
        }

        return new DepthWalk(new Quantity(filled), notional, worst, levels, false);
    }

    public bool IsStale(long nowNs, long maxAgeNs) => nowNs - TsRecv > maxAgeNs;

    public void SetHealth(BookHealth health) => Health = health;

    public List<BookLevel> Levels(BookSide side) => [.. BestFirst(side)];

    /// <summary>price × size, both raw at scale 1e9, as an exact decimal: the integer product shifted 18 places.</summary>
    private static decimal Cost(long priceRaw, long sizeRaw) => (decimal)priceRaw * sizeRaw / 1_000_000_000_000_000_000m;

    /// <summary>floor(cash / price) in raw units: floor(cashNumerator × 10^18 / (10^cashScale × priceRaw)).</summary>
    private static long FloorQuantity(decimal cash, long priceRaw)
    {
        var scale = cash.Scale;
        var numerator = new BigInteger(decimal.Truncate(cash * Pow10(scale)));
        var quotient = numerator * BigInteger.Pow(10, 18) / (BigInteger.Pow(10, scale) * priceRaw);
        return (long)quotient;
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10m;
        }

        return value;
    }

    private static bool TryFirst(IEnumerable<BookLevel> levels, out BookLevel level)
    {
        foreach (var first in levels)
        {
            level = first;
            return true;
        }

        level = default;
        return false;
    }

    private IEnumerable<BookLevel> BestFirst(BookSide side)
    {
        var ordered = side == BookSide.Bid ? _bids.Reverse() : _asks;
        return ordered.Select(kv => new BookLevel(new Price(kv.Key), new Quantity(kv.Value)));
    }

    private SortedDictionary<long, long> Side(BookSide side) => side == BookSide.Bid ? _bids : _asks;
}
