// One side of a SortedOrderBook, for prices with no useful bound (crypto).
// Levels sit in one array of (key, size) pairs in ascending key order with the BEST level LAST. Most
// venue updates touch the top few levels, so they land at the tail: the search looks at the top entries
// first (deep levels fall back to a binary search), and an insert or removal shifts only the entries on
// its shorter side. The live block floats inside the array with free room at both ends, so a snapshot
// that arrives best-first (each level worse than the last, i.e. inserted at the front) also costs O(1)
// per level instead of moving the whole side each time. When the cheap side has no room the block is
// re-centred, or the array doubles if it is more than 80% full; it never shrinks, so a warmed book
// updates without allocating.
// Keys: a bid stores its price, an ask its negated price, so that "higher key = better" on both sides.
// Prices are non-negative (checked by the book), so negation cannot overflow.
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>Sorted storage for one side of a <see cref="SortedOrderBook"/> (best level at the end of the live block).</summary>
internal sealed class SortedLadder
{
    /// <summary>How many top entries are scanned linearly before falling back to binary search.</summary>
    private const int TopScan = 8;

    private readonly long _sign;
    private Entry[] _entries;
    private int _start;
    private int _count;

    public SortedLadder(BookSide side, int initialCapacity)
    {
        _sign = side == BookSide.Bid ? 1 : -1;
        _entries = new Entry[Math.Max(initialCapacity, 2)];
        _start = _entries.Length / 2;
    }

    public int Count => _count;

    public int Capacity => _entries.Length;

    public void Clear()
    {
        _count = 0;
        _start = _entries.Length / 2;
    }

    public void Set(long priceRaw, long sizeRaw)
    {
        var key = priceRaw * _sign;
        var index = Find(key);
        if (index >= 0)
        {
            if (sizeRaw == 0)
            {
                RemoveAt(index);
            }
            else
            {
                _entries[index].Size = sizeRaw;
            }
        }
        else if (sizeRaw != 0)
        {
            InsertAt(~index, key, sizeRaw);
        }
    }

    public void Add(long priceRaw, long deltaRaw)
    {
        var key = priceRaw * _sign;
        var index = Find(key);
        if (index >= 0)
        {
            var result = checked(_entries[index].Size + deltaRaw);
            if (result <= 0)
            {
                RemoveAt(index);
            }
            else
            {
                _entries[index].Size = result;
            }
        }
        else if (deltaRaw > 0)
        {
            InsertAt(~index, key, deltaRaw);
        }
    }

    public long SizeAt(long priceRaw)
    {
        var index = Find(priceRaw * _sign);
        return index >= 0 ? _entries[index].Size : 0;
    }

    public bool TryGetBest(out BookLevel level)
    {
        if (_count == 0)
        {
            level = default;
            return false;
        }

        ref readonly var top = ref _entries[_start + _count - 1];
        level = new BookLevel(new Price(top.Key * _sign), new Quantity(top.Size));
        return true;
    }

    public int CopyTo(Span<BookLevel> destination)
    {
        var n = Math.Min(destination.Length, _count);
        var top = _start + _count - 1;
        for (var rank = 0; rank < n; rank++)
        {
            ref readonly var entry = ref _entries[top - rank];
            destination[rank] = new BookLevel(new Price(entry.Key * _sign), new Quantity(entry.Size));
        }

        return n;
    }

    public void Walk<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, ILevelVisitor
    {
        for (var i = _start + _count - 1; i >= _start; i--)
        {
            ref readonly var entry = ref _entries[i];
            if (!visitor.Visit(entry.Key * _sign, entry.Size))
            {
                return;
            }
        }
    }

    /// <summary>Array index of <paramref name="key"/> when present, else the bitwise complement of the index it would take.</summary>
    private int Find(long key)
    {
        var entries = _entries;
        var i = _start + _count - 1;
        var stop = Math.Max(_start, i + 1 - TopScan);
        for (; i >= stop; i--)
        {
            var k = entries[i].Key;
            if (k == key)
            {
                return i;
            }

            if (k < key)
            {
                return ~(i + 1);
            }
        }

        // Every scanned top entry is better than the key: search the rest, [_start, stop).
        var lo = _start;
        var hi = stop - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            var k = entries[mid].Key;
            if (k == key)
            {
                return mid;
            }

            if (k < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>Inserts so that the new entry precedes the entry now at array index <paramref name="index"/>.</summary>
    private void InsertAt(int index, long key, long size)
    {
        var below = index - _start;
        var above = _count - below;
        var shiftDown = below < above;
        if (shiftDown ? _start == 0 : _start + _count == _entries.Length)
        {
            MakeRoom();
            index = _start + below;
        }

        if (shiftDown)
        {
            _entries.AsSpan(_start, below).CopyTo(_entries.AsSpan(_start - 1));
            _start--;
            index--;
        }
        else if (above > 0)
        {
            _entries.AsSpan(index, above).CopyTo(_entries.AsSpan(index + 1));
        }

        _entries[index] = new Entry(key, size);
        _count++;
    }

    private void RemoveAt(int index)
    {
        var below = index - _start;
        var above = _count - below - 1;
        if (below < above)
        {
            _entries.AsSpan(_start, below).CopyTo(_entries.AsSpan(_start + 1));
            _start++;
        }
        else if (above > 0)
        {
            _entries.AsSpan(index + 1, above).CopyTo(_entries.AsSpan(index));
        }

        _count--;
    }

    /// <summary>Leaves free room at both ends of the live block: re-centres it, or doubles the array when it is over 80% full.</summary>
    private void MakeRoom()
    {
        var free = _entries.Length - _count;
        var target = _entries;
        if (free < 2 || free * 4 < _count)
        {
            target = new Entry[_entries.Length * 2];
            free = target.Length - _count;
        }

        var newStart = free / 2;
        _entries.AsSpan(_start, _count).CopyTo(target.AsSpan(newStart));
        _entries = target;
        _start = newStart;
    }

    private struct Entry(long key, long size)
    {
        public long Key = key;
        public long Size = size;
    }
}
