using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Events;

/// <summary>How the sizes in a <see cref="BookUpdate"/> are to be applied.</summary>
public enum BookUpdateKind : byte
{
    /// <summary>The whole book: clear, then set every level.</summary>
    Snapshot = 0,
    /// <summary>Absolute sizes for the listed levels (0 removes).</summary>
    Delta = 1,
    /// <summary>Signed size changes to add to the listed levels (Kalshi).</summary>
    SignedDelta = 2,
}

/// <summary>
/// A snapshot or a batch of level changes for one instrument, with the venue's sequence fields.
/// Parsers fill one reusable instance per connection (no allocation per message once its level array
/// has grown); a consumer that keeps it past the callback must copy it with <see cref="CopyFrom"/>.
/// </summary>
public sealed class BookUpdate
{
    private BookLevelChange[] _levels = new BookLevelChange[64];

    public InstrumentId? Instrument { get; set; }

    public BookUpdateKind Kind { get; set; }

    /// <summary>First venue update id covered (Binance <c>U</c>); equals <see cref="LastUpdateId"/> for venues with one id per message.</summary>
    public long FirstUpdateId { get; set; }

    /// <summary>Last venue update id covered (Binance <c>u</c>, snapshot <c>lastUpdateId</c>, Kalshi <c>seq</c>).</summary>
    public long LastUpdateId { get; set; }

    /// <summary>The id the venue says precedes this message (BloFin <c>prevSeqId</c>); null where the venue has none.</summary>
    public long? PreviousUpdateId { get; set; }

    /// <summary>CRC32 the venue sent with the message (Kraken), to compare after applying.</summary>
    public uint? Checksum { get; set; }

    public long TsEvent { get; set; }

    public long TsRecv { get; set; }

    /// <summary>Most decimals seen in a price of this message, so a book can write prices back as the venue did.</summary>
    public int PriceDecimals { get; set; }

    /// <summary>Most decimals seen in a size of this message.</summary>
    public int SizeDecimals { get; set; }

    public int Count { get; private set; }

    public ReadOnlySpan<BookLevelChange> Levels => _levels.AsSpan(0, Count);

    /// <summary>Empties the batch, keeping its storage.</summary>
    public void Reset(InstrumentId instrument, BookUpdateKind kind, long tsEvent, long tsRecv)
    {
        Instrument = instrument;
        Kind = kind;
        TsEvent = tsEvent;
        TsRecv = tsRecv;
        FirstUpdateId = 0;
        LastUpdateId = 0;
        PreviousUpdateId = null;
        Checksum = null;
        PriceDecimals = 0;
        SizeDecimals = 0;
        Count = 0;
    }

    public void Add(BookSide side, Price price, Quantity size)
    {
        if (Count == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        _levels[Count++] = new BookLevelChange(side, price, size);
    }

    /// <summary>Deep copy, for a consumer that needs the batch after the parser reuses it.</summary>
    public void CopyFrom(BookUpdate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Reset(other.Instrument!, other.Kind, other.TsEvent, other.TsRecv);
        FirstUpdateId = other.FirstUpdateId;
        LastUpdateId = other.LastUpdateId;
        PreviousUpdateId = other.PreviousUpdateId;
        Checksum = other.Checksum;
        PriceDecimals = other.PriceDecimals;
        SizeDecimals = other.SizeDecimals;
        foreach (var level in other.Levels)
        {
            Add(level.Side, level.Price, level.Size);
        }
    }

    /// <summary>
    /// Applies the batch to a book: snapshot clears first; absolute or signed sizes as the kind says. The book then
    /// records <see cref="LastUpdateId"/> as the venue id it is current to.
    /// </summary>
    public void ApplyTo(IOrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (Kind == BookUpdateKind.Snapshot)
        {
            book.Clear();
        }

        foreach (ref readonly var level in Levels)
        {
            if (Kind == BookUpdateKind.SignedDelta)
            {
                book.Add(level.Side, level.Price, level.Size);
            }
            else
            {
                book.Set(level.Side, level.Price, level.Size);
            }
        }

        book.Touch(TsEvent, TsRecv);
        book.LastUpdateId = LastUpdateId;
    }
}
