// Liquidity this simulated venue has already taken from one instrument's book, so two taker orders (or a taker
// order and a resting order crossed by the book) never fill against the same size twice.
// Model: the real market never sees our simulated fills, so the feed keeps showing a level we emptied. We record
// per level the size the book showed when we took from it and how much we took; while the book still shows that
// size, only the difference is available. As soon as the feed reports a different size at that level, the record
// is dropped and the new size is taken as fresh liquidity (we assume the feed's new report is what the market
// really holds there now; our trade leaves no lasting impact). Few levels are ever recorded, so lists and linear
// scans are cheaper than any map, and nothing allocates once the list has grown.
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;

namespace Edgewise.Engine.Simulation;

internal sealed class ConsumedLiquidity
{
    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    /// <summary>What is left to take at a level that the book shows with <paramref name="bookSize"/>.</summary>
    public Quantity Available(BookSide side, Price price, Quantity bookSize)
    {
        var index = IndexOf(side, price);
        if (index < 0 || _entries[index].SizeSeen != bookSize)
        {
            return bookSize;
        }

        return Quantity.Max(Quantity.Zero, bookSize - _entries[index].Taken);
    }

    /// <summary>Records <paramref name="quantity"/> taken from a level the book shows with <paramref name="bookSize"/>.</summary>
    public void Take(BookSide side, Price price, Quantity bookSize, Quantity quantity)
    {
        var index = IndexOf(side, price);
        if (index < 0)
        {
            _entries.Add(new Entry(side, price, bookSize, quantity));
        }
        else if (_entries[index].SizeSeen != bookSize)
        {
            _entries[index] = new Entry(side, price, bookSize, quantity);
        }
        else
        {
            _entries[index] = _entries[index] with { Taken = _entries[index].Taken + quantity };
        }
    }

    /// <summary>Forgets every level whose size in <paramref name="book"/> is no longer the size we took from.</summary>
    public void Refresh(IOrderBook book)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            var entry = _entries[i];
            if (book.SizeAt(entry.Side, entry.Price) != entry.SizeSeen)
            {
                _entries.RemoveAt(i);
            }
        }
    }

    private int IndexOf(BookSide side, Price price)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Side == side && _entries[i].Price == price)
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct Entry(BookSide Side, Price Price, Quantity SizeSeen, Quantity Taken);
}
