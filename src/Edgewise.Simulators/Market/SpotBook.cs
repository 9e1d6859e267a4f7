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
    private readonly HashSet<(bool IsBid, decimal Price)> _touched = [];
    private readonly List<(bool IsBid, decimal Price)> _order = [];
    private int _spreadTicks;

    public SpotBook(SpotBookShape shape, Random rng)
    {
        _shape = shape;
        _rng = rng;
    }

    /// <summary>Bids, best (highest) first. A sorted list: a few dozen levels, read by position at both ends.</summary>
    public SortedList<decimal, decimal> Bids { get; } = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));

    /// <summary>Asks, best (lowest) first.</summary>
    public SortedList<decimal, decimal> Asks { get; } = [];

    public SpotBookShape Shape => _shape;

    public decimal BestBid => Bids.Count == 0 ? 0m : Bids.Keys[0];

    public decimal BestAsk => Asks.Count == 0 ? 0m : Asks.Keys[0];

    /// <summary>Moves the book to <paramref name="mid"/> and adds the changed levels to <paramref name="changes"/>.</summary>
    public void Update(decimal mid, List<LevelChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var tick = _shape.Tick;
        if (_spreadTicks == 0 || _rng.NextDouble() < 0.05)
        {
            _spreadTicks = _rng.Next(_shape.MinSpreadTicks, _shape.MaxSpreadTicks + 1); // the spread changes now and then, not every update
        }

        var spreadTicks = _spreadTicks;
        // The touch is centred on the mid to within half a tick: bid = round(mid − spread/2) on the grid, ask = bid + spread.
        var bidTop = decimal.Round((mid - (spreadTicks * tick / 2)) / tick, 0, MidpointRounding.ToEven) * tick;
        var askTop = bidTop + (spreadTicks * tick);
        while (Bids.Count > 0 && Bids.Keys[0] > bidTop)
        {
            Set(true, Bids.Keys[0], 0m);
        }

        while (Asks.Count > 0 && Asks.Keys[0] < askTop)
        {
            Set(false, Asks.Keys[0], 0m);
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

        var (price, available) = (side.Keys[0], side.Values[0]);
        var size = Math.Min(available, Round8((decimal)(0.0005 + (0.15 * Math.Pow(_rng.NextDouble(), 3)))));
        Set(!takerBuys, price, available - size);
        Flush(changes);
        return new SpotTrade(takerBuys, price, size);
    }

    /// <summary>Gaps wider than the shape allows are filled among the best levels; then levels are added or trimmed at the far end.</summary>
    private void Fill(bool isBid)
    {
        var side = isBid ? Bids : Asks;
        var direction = isBid ? -1m : 1m;
        var maxGap = _shape.MaxGapTicks * _shape.Tick;
        // Walk from the touch: each inserted level lands between two existing ones, so it takes the index being looked at.
        var previous = side.Keys[0];
        for (var i = 1; i < side.Count && i < _shape.Levels; i++)
        {
            if (Math.Abs(side.Keys[i] - previous) > maxGap)
            {
                previous += direction * _rng.Next(1, _shape.MaxGapTicks + 1) * _shape.Tick;
                Set(isBid, previous, RandomSize());
            }
            else
            {
                previous = side.Keys[i];
            }
        }

        while (side.Count < _shape.Levels)
        {
            var worst = side.Keys[^1];
            Set(isBid, worst + (direction * _rng.Next(1, _shape.MaxGapTicks + 1) * _shape.Tick), RandomSize());
        }

        while (side.Count > _shape.Levels)
        {
            Set(isBid, side.Keys[^1], 0m); // beyond the depth kept
        }
    }

    /// <summary>Up to two levels behind the touch get a new size: the queue churn of a live book.</summary>
    private void Churn()
    {
        for (var n = _rng.Next(3); n > 0; n--)
        {
            var isBid = _rng.Next(2) == 0;
            var side = isBid ? Bids : Asks;
            var price = side.Keys[1 + _rng.Next(side.Count - 1)];
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
        _order.Clear();
        _order.AddRange(_touched);
        _order.Sort(TouchOrder.Instance);
        foreach (var (isBid, price) in _order)
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
