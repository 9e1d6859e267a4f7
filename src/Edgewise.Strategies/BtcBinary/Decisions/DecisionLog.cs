// The strategy's decisions, in memory and bounded: a ring that keeps the newest Capacity records and counts the ones
// it had to drop, so a long live run cannot grow without limit. The backtest sizes it for the whole run and writes
// it to decisions.jsonl; a dropped count above zero is reported, never hidden.
namespace Edgewise.Strategies.BtcBinary.Decisions;

public sealed class DecisionLog
{
    private readonly DecisionRecord[] _ring;
    private int _start;

    public DecisionLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new DecisionRecord[capacity];
    }

    public int Capacity => _ring.Length;

    /// <summary>Records held now (at most Capacity).</summary>
    public int Count { get; private set; }

    /// <summary>Records ever added (the last sequence number).</summary>
    public long Recorded { get; private set; }

    /// <summary>Oldest records dropped to stay within Capacity.</summary>
    public long Dropped => Recorded - Count;

    /// <summary>The next sequence number.</summary>
    public long NextSequence => Recorded + 1;

    /// <summary>Adds a record; its sequence must be <see cref="NextSequence"/>.</summary>
    public void Add(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Sequence != NextSequence)
        {
            throw new ArgumentException($"Decision sequence {record.Sequence} is not the next one ({NextSequence}).", nameof(record));
        }

        Recorded++;
        if (Count < _ring.Length)
        {
            _ring[(_start + Count) % _ring.Length] = record;
            Count++;
        }
        else
        {
            _ring[_start] = record;
            _start = (_start + 1) % _ring.Length;
        }
    }

    /// <summary>The newest <paramref name="count"/> records held (fewer when fewer are held), oldest first.</summary>
    public IReadOnlyList<DecisionRecord> Newest(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var taken = Math.Min(count, Count);
        var list = new DecisionRecord[taken];
        for (var i = 0; i < taken; i++)
        {
            list[i] = _ring[(_start + Count - taken + i) % _ring.Length];
        }

        return list;
    }

    /// <summary>The records held, oldest first.</summary>
    public IReadOnlyList<DecisionRecord> Snapshot()
    {
        var list = new DecisionRecord[Count];
        for (var i = 0; i < Count; i++)
        {
            list[i] = _ring[(_start + i) % _ring.Length];
        }

        return list;
    }
}
