// One side of a DenseOrderBook: one size cell per grid price, indexed by slot. Slots are ordered so
// that a HIGHER slot is a BETTER price on both sides (bids: slot = grid index; asks: slot = last grid
// index - grid index), which lets one piece of code track the best level for both.
// The best slot is kept incrementally: raising a level above it moves it up in O(1); only removing the
// best level scans down for the next occupied cell (a vectorized search for a non-zero value).
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>Price-indexed storage for one side of a <see cref="DenseOrderBook"/>.</summary>
internal sealed class DenseLadder
{
    private readonly long[] _sizes;
    private readonly bool _mirrored;
    private readonly long _minRaw;
    private readonly long _tickRaw;
    private int _best = -1;
    private int _count;

    public DenseLadder(BookSide side, int buckets, long minRaw, long tickRaw)
    {
        _sizes = new long[buckets];
        _mirrored = side == BookSide.Ask;
        _minRaw = minRaw;
        _tickRaw = tickRaw;
    }

    public int Count => _count;

    public void Clear()
    {
        // Every occupied slot is at or below the best one.
        Array.Clear(_sizes, 0, _best + 1);
        _best = -1;
        _count = 0;
    }

    public void Set(int gridIndex, long sizeRaw)
    {
        var slot = SlotOf(gridIndex);
        if (sizeRaw == 0)
        {
            Remove(slot);
            return;
        }

        ref var cell = ref _sizes[slot];
        if (cell == 0)
        {
            _count++;
            if (slot > _best)
            {
                _best = slot;
            }
        }

        cell = sizeRaw;
    }

    public void Add(int gridIndex, long deltaRaw)
    {
        var slot = SlotOf(gridIndex);
        var result = checked(_sizes[slot] + deltaRaw);
        if (result <= 0)
        {
            Remove(slot);
            return;
        }

        ref var cell = ref _sizes[slot];
        if (cell == 0)
        {
            _count++;
            if (slot > _best)
            {
                _best = slot;
            }
        }

        cell = result;
    }

    public long SizeAt(int gridIndex) => _sizes[SlotOf(gridIndex)];

    public bool TryGetBest(out BookLevel level)
    {
        if (_best < 0)
        {
            level = default;
            return false;
        }

        level = new BookLevel(new Price(PriceOf(_best)), new Quantity(_sizes[_best]));
        return true;
    }

    public int CopyTo(Span<BookLevel> destination)
    {
        var written = 0;
        var slot = _best;
        while (slot >= 0 && written < destination.Length)
        {
            destination[written++] = new BookLevel(new Price(PriceOf(slot)), new Quantity(_sizes[slot]));
            slot = NextBelow(slot);
        }

        return written;
    }

    public void Walk<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, ILevelVisitor
    {
        var slot = _best;
        while (slot >= 0)
        {
            if (!visitor.Visit(PriceOf(slot), _sizes[slot]))
            {
                return;
            }

            slot = NextBelow(slot);
        }
    }

    private void Remove(int slot)
    {
        ref var cell = ref _sizes[slot];
        if (cell == 0)
        {
            return;
        }

        cell = 0;
        _count--;
        if (slot == _best)
        {
            _best = NextBelow(slot);
        }
    }

    /// <summary>The nearest occupied slot below <paramref name="slot"/>, or -1.</summary>
    private int NextBelow(int slot) => _sizes.AsSpan(0, slot).LastIndexOfAnyExcept(0L);

    private int SlotOf(int gridIndex) => _mirrored ? _sizes.Length - 1 - gridIndex : gridIndex;

    private long PriceOf(int slot) => _minRaw + ((long)SlotOf(slot) * _tickRaw);
}
