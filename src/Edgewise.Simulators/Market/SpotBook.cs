// One simulated spot venue's order book: a few dozen levels a side on the venue's tick, kept around a mid the owner moves
// (the generator's price with the venue's own basis). An update re-centres the touch (levels that would cross are removed,
// a best bid and ask a spread apart are put in place), fills gaps near the touch and the depth back to its level count,
// trims the far end, and changes a few sizes at random; a trade takes size from one side's best level. Each call reports the
// levels it changed with their NEW absolute size (0 = removed), once per level, best first: the shape Coinbase, Kraken,
// Bitstamp and Binance all send. Prices and sizes are decimals on the venue's grid; the random draws are seeded by the owner.
namespace Edgewise.Simulators.Market;

internal sealed class SpotBook
{
    private readonly SpotBookShape _shape;
    private readonly Random _rng;
    private readonly SortedSet<(bool IsBid, decimal Price)> _touched = new(TouchOrder.Instance);

    public SpotBook(SpotBookShape shape, Random rng)
    {
        _shape = shape;
        _rng = rng;
    }

    /// <summary>Bids, best (highest) first.</summary>
    public SortedDictionary<decimal, decimal> Bids { get; } = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));

    /// <summary>Asks, best (lowest) first.</summary>
    public SortedDictionary<decimal, decimal> Asks { get; } = [];

    public SpotBookShape Shape => _shape;

    public decimal BestBid => Bids.Count == 0 ? 0m : Bids.First().Key;

    public decimal BestAsk => Asks.Count == 0 ? 0m : Asks.First().Key;

    /// <summary>Moves the book to <paramref name="mid"/> and adds the changed levels to <paramref name="changes"/>.</summary>
    public void Update(decimal mid, List<LevelChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var tick = _shape.Tick;
        var spreadTicks = _rng.Next(_shape.MinSpreadTicks, _shape.MaxSpreadTicks + 1);
        var bidTop = decimal.Floor((mid - (spreadTicks * tick / 2)) / tick) * tick;
        var askTop = bidTop + (spreadTicks * tick);
        foreach (var price in Bids.Keys.Where(p => p > bidTop).ToList())
        {
            Set(true, price, 0m);
        }

        foreach (var price in Asks.Keys.Where(p => p < askTop).ToList())
        {
            Set(false, price, 0m);
        }

        if (!Bids.ContainsKey(bidTop))
        {
            Set(true, bidTop, RandomSize());
        }

        if (!Asks.ContainsKey(askTop))
        {
            Set(false, askTop, RandomSize());
        }

        Fill(true);
        Fill(false);
        Churn();
        Flush(changes);
    }

    /// <summary>A taker trade at one side's best level: its size is taken from the level (removed when used up).</summary>
    public SpotTrade? Trade(bool takerBuys, List<LevelChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var side = takerBuys ? Asks : Bids;
        if (side.Count == 0)
        {
            return null;
        }

        var (price, available) = side.First();
        var size = Math.Min(available, Round8((decimal)(0.0005 + (0.15 * Math.Pow(_rng.NextDouble(), 3)))));
        Set(!takerBuys, price, available - size);
        Flush(changes);
        return new SpotTrade(takerBuys, price, size);
    }

    /// <summary>Gaps wider than the shape allows are filled near the touch; then levels are added or trimmed at the far end.</summary>
    private void Fill(bool isBid)
    {
        var side = isBid ? Bids : Asks;
        var direction = isBid ? -1m : 1m;
        var maxGap = _shape.MaxGapTicks * _shape.Tick;
        var previous = side.First().Key;
        foreach (var price in side.Keys.Skip(1).ToList())
        {
            while (Math.Abs(price - previous) > maxGap && side.Count < _shape.Levels)
            {
                previous += direction * _rng.Next(1, _shape.MaxGapTicks + 1) * _shape.Tick;
                if ((isBid && previous <= price) || (!isBid && previous >= price))
                {
                    break;
                }

                Set(isBid, previous, RandomSize());
            }

            previous = price;
        }

        while (side.Count < _shape.Levels)
        {
            var worst = side.Last().Key;
            Set(isBid, worst + (direction * _rng.Next(1, _shape.MaxGapTicks + 1) * _shape.Tick), RandomSize());
        }

        while (side.Count > _shape.Levels)
        {
            Set(isBid, side.Last().Key, 0m);
        }
    }

    /// <summary>Up to two levels behind the touch get a new size: the queue churn of a live book.</summary>
    private void Churn()
    {
        for (var n = _rng.Next(3); n > 0; n--)
        {
            var isBid = _rng.Next(2) == 0;
            var side = isBid ? Bids : Asks;
            var price = side.Keys.ElementAt(1 + _rng.Next(side.Count - 1));
            Set(isBid, price, RandomSize());
        }
    }

    private void Set(bool isBid, decimal price, decimal size)
    {
        var side = isBid ? Bids : Asks;
        if (size <= 0m)
        {
            side.Remove(price);
        }
        else
        {
            side[price] = size;
        }

        _touched.Add((isBid, price));
    }

    private void Flush(List<LevelChange> changes)
    {
        foreach (var (isBid, price) in _touched)
        {
            changes.Add(new LevelChange(isBid, price, (isBid ? Bids : Asks).GetValueOrDefault(price)));
        }

        _touched.Clear();
    }

    private decimal RandomSize()
    {
        var u = _rng.NextDouble();
        return Round8((decimal)(_shape.SizeScale * (0.01 + (2.5 * u * u * u))));
    }

    private static decimal Round8(decimal value) => decimal.Round(value, 8, MidpointRounding.ToEven);

    /// <summary>Bids best first, then asks best first: the order changes are reported in.</summary>
    private sealed class TouchOrder : IComparer<(bool IsBid, decimal Price)>
    {
        public static readonly TouchOrder Instance = new();

        public int Compare((bool IsBid, decimal Price) x, (bool IsBid, decimal Price) y) =>
            x.IsBid != y.IsBid ? (x.IsBid ? -1 : 1) : x.IsBid ? y.Price.CompareTo(x.Price) : x.Price.CompareTo(y.Price);
    }
}
