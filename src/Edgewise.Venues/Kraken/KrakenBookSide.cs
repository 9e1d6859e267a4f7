// One side of the small local book KrakenBookSync keeps to compute checksums: at most the subscribed depth
// (10..1000) levels in sorted arrays, so a binary search finds a level and an insert shifts at most a
// thousand entries; no allocation once the arrays have grown. Bids are kept under the negated price so
// both sides sort ascending, best first.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Kraken;

internal sealed class KrakenBookSide
{
    private readonly BookSide _side;
    private long[] _keys;
    private BookLevel[] _levels;

    public KrakenBookSide(BookSide side, int capacity)
    {
        _side = side;
        _keys = new long[capacity];
        _levels = new BookLevel[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The levels, best first.</summary>
    public ReadOnlySpan<BookLevel> Levels => _levels.AsSpan(0, Count);

    public void Clear() => Count = 0;

    /// <summary>Sets the absolute size at a price; zero removes the level (an unknown level is a no-op).</summary>
    public void Set(Price price, Quantity size)
    {
        var key = _side == BookSide.Bid ? -price.Raw : price.Raw;
        var index = _keys.AsSpan(0, Count).BinarySearch(key);
        if (index >= 0)
        {
            if (size.Raw == 0)
            {
                RemoveAt(index);
            }
            else
            {
                _levels[index] = new BookLevel(price, size);
            }

            return;
        }

        if (size.Raw == 0)
        {
            return;
        }

        index = ~index;
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        Array.Copy(_keys, index, _keys, index + 1, Count - index);
        Array.Copy(_levels, index, _levels, index + 1, Count - index);
        _keys[index] = key;
        _levels[index] = new BookLevel(price, size);
        Count++;
    }

    /// <summary>Drops the levels beyond <paramref name="depth"/> and records each as a removal in <paramref name="removals"/>.</summary>
    public void TruncateTo(int depth, BookUpdate removals)
    {
        for (var i = depth; i < Count; i++)
        {
            removals.Add(_side, _levels[i].Price, default);
        }

        Count = Math.Min(Count, depth);
    }

    private void RemoveAt(int index)
    {
        Count--;
        Array.Copy(_keys, index + 1, _keys, index, Count - index);
        Array.Copy(_levels, index + 1, _levels, index, Count - index);
    }
}
