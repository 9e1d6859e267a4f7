// A fixed-capacity ring buffer for in-memory histories and log buffers (recent fills, alerts, log lines, latency
// samples): once full, each Add overwrites the oldest item, so memory is capped no matter how long the process runs.
// Add never allocates after construction. Indexing is oldest-first. Evicted counts what fell off the end, so a view
// can say "showing the last N of M". Not thread-safe: one owner writes (typically the engine loop); others read
// copies (ToArray/CopyTo) made by that owner or under its lock.
using System.Collections;

namespace Edgewise.Core.Collections;

public sealed class BoundedHistory<T> : IReadOnlyList<T>
{
    private readonly T[] _items;
    private int _start;
    private int _count;
    private int _version;

    public BoundedHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count => _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>Items added since construction or the last <see cref="Clear"/>.</summary>
    public long TotalAdded { get; private set; }

    /// <summary>Items overwritten because the history was full.</summary>
    public long Evicted => TotalAdded - _count;

    /// <summary>The item <paramref name="index"/> places after the oldest one kept.</summary>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The history holds {_count} items.");
            }

            return _items[(_start + index) % _items.Length];
        }
    }

    /// <summary>Appends <paramref name="item"/>, overwriting the oldest when full.</summary>
    public void Add(T item)
    {
        if (_count < _items.Length)
        {
            _items[(_start + _count) % _items.Length] = item;
            _count++;
        }
        else
        {
            _items[_start] = item;
            _start = (_start + 1) % _items.Length;
        }

        TotalAdded++;
        _version++;
    }

    public bool TryGetNewest(out T item)
    {
        if (_count == 0)
        {
            item = default!;
            return false;
        }

        item = _items[(_start + _count - 1) % _items.Length];
        return true;
    }

    /// <summary>Copies up to destination.Length of the newest items, oldest of them first; returns how many.</summary>
    public int CopyNewest(Span<T> destination)
    {
        var n = Math.Min(destination.Length, _count);
        for (var i = 0; i < n; i++)
        {
            destination[i] = this[_count - n + i];
        }

        return n;
    }

    public T[] ToArray()
    {
        var copy = new T[_count];
        CopyNewest(copy);
        return copy;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _start = 0;
        _count = 0;
        TotalAdded = 0;
        _version++;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Oldest to newest; throws if the history changes while enumerating.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly BoundedHistory<T> _history;
        private readonly int _version;
        private int _index;

        internal Enumerator(BoundedHistory<T> history)
        {
            _history = history;
            _version = history._version;
            _index = -1;
        }

        public readonly T Current => _history[_index];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_version != _history._version)
            {
                throw new InvalidOperationException("The history changed while it was being enumerated.");
            }

            return ++_index < _history._count;
        }

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
