// Kraken v2 book integrity (FACTS §2.4), as a filter between the parser and the engine. Kraken sends no
// sequence numbers; instead every book message carries a CRC32 of the top 10 levels per side after it is
// applied. To check it this sync keeps its own book per instrument (a Core SortedOrderBook, at most the
// subscribed depth per side): apply the message's levels in order, truncate each side to the subscribed
// depth (Kraken sends no removal for levels that fall out of scope), then compare checksums. A matching message is passed downstream together with explicit
// removals for the truncated levels, so the engine's book never keeps a level Kraken stopped reporting.
// On a mismatch the book is reported ChecksumFailed, a resubscribe (new snapshot) is requested, and its
// updates are dropped until that snapshot verifies. Each instrument must be registered with its price and
// qty precision first (instrument channel price_precision/qty_precision, or REST AssetPairs
// pair_decimals/lot_decimals): the checksum prints numbers at that precision. Health is reported when it
// changes. Trades and quotes pass through.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kraken;

public sealed class KrakenBookSync : IMarketDataSink, IBookSyncStats
{
    private readonly IMarketDataSink _downstream;
    private readonly Dictionary<InstrumentId, BookState> _books = [];
    private readonly List<BookState> _ordered = [];
    private readonly BookUpdate _forward = new();
    private BookLevel[] _scratch = new BookLevel[64];
    private InstrumentId? _lastKey;
    private BookState? _last;

    public KrakenBookSync(IMarketDataSink downstream)
    {
        ArgumentNullException.ThrowIfNull(downstream);
        _downstream = downstream;
    }

    /// <summary>Raised when a book failed its checksum; the live data client unsubscribes and resubscribes book for the symbol.</summary>
    public event Action<InstrumentId>? ResubscribeRequested;

    /// <summary>Messages whose checksum did not match the local book (or could not be computed at the registered precision).</summary>
    public long ChecksumFailures { get; private set; }

    /// <summary>Kraken v2 books carry no sequence numbers: a broken book shows as a checksum failure instead.</summary>
    public long Gaps => 0;

    /// <summary>Snapshots verified after the first one of a book (recoveries).</summary>
    public long Resyncs { get; private set; }

    /// <summary>Updates dropped because their book was waiting for a snapshot.</summary>
    public long DroppedWhileUnhealthy { get; private set; }

    /// <summary>The valid book subscription depths (FACTS §2.2).</summary>
    public static bool IsValidDepth(int depth) => depth is 10 or 25 or 100 or 500 or 1000;

    /// <summary>Declares a book before its data arrives: its precisions (0..9 decimals) and the depth it was subscribed with.</summary>
    public void Register(InstrumentId instrument, int pricePrecision, int qtyPrecision, int depth = 10)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegative(pricePrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pricePrecision, FixedPoint.Scale);
        ArgumentOutOfRangeException.ThrowIfNegative(qtyPrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qtyPrecision, FixedPoint.Scale);
        if (!IsValidDepth(depth))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "Kraken book depth is one of 10, 25, 100, 500, 1000.");
        }

        var state = new BookState(instrument, pricePrecision, qtyPrecision, depth);
        if (!_books.TryAdd(instrument, state))
        {
            throw new InvalidOperationException($"Kraken book {instrument} is already registered.");
        }

        _ordered.Add(state);
    }

    /// <summary>A new connection: every book waits for the snapshot its new subscription brings.</summary>
    public void OnReconnect(long tsRecv)
    {
        foreach (var book in _ordered)
        {
            if (book.Healthy)
            {
                _downstream.OnBookStatus(new BookStatus(book.Instrument, BookHealth.AwaitingSnapshot, "reconnect", tsRecv));
            }

            book.Healthy = false;
        }
    }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var book = Find(update.Instrument!);
        var snapshot = update.Kind == BookUpdateKind.Snapshot;
        if (!snapshot && !book.Healthy)
        {
            DroppedWhileUnhealthy++;
            return;
        }

        _forward.CopyFrom(update);
        update.ApplyTo(book.Levels); // a snapshot clears the book first
        Truncate(book, BookSide.Bid);
        Truncate(book, BookSide.Ask);
        if (update.Checksum is { } expected)
        {
            Span<BookLevel> asks = stackalloc BookLevel[KrakenBookChecksum.LevelsPerSide];
            Span<BookLevel> bids = stackalloc BookLevel[KrakenBookChecksum.LevelsPerSide];
            asks = asks[..book.Levels.CopyLevels(BookSide.Ask, asks)];
            bids = bids[..book.Levels.CopyLevels(BookSide.Bid, bids)];
            if (!KrakenBookChecksum.TryCompute(asks, bids, book.PricePrecision, book.QtyPrecision, out var actual))
            {
                Fail(book, "level finer than the registered precision", update.TsRecv);
                return;
            }

            if (actual != expected)
            {
                Fail(book, "checksum mismatch", update.TsRecv);
                return;
            }
        }

        if (snapshot && book.SnapshotsApplied++ > 0)
        {
            Resyncs++;
        }

        var wasHealthy = book.Healthy;
        book.Healthy = true;
        _downstream.OnBookUpdate(_forward);
        if (!wasHealthy)
        {
            _downstream.OnBookStatus(new BookStatus(book.Instrument, BookHealth.Healthy, "snapshot", update.TsRecv));
        }
    }

    public void OnTrade(in TradeTick trade) => _downstream.OnTrade(trade);

    public void OnQuote(in QuoteTick quote) => _downstream.OnQuote(quote);

    public void OnBookStatus(in BookStatus status) => _downstream.OnBookStatus(status);

    /// <summary>Removes the levels beyond the subscribed depth from the local book and adds their removal to the forwarded update.</summary>
    private void Truncate(BookState book, BookSide side)
    {
        var count = side == BookSide.Bid ? book.Levels.BidCount : book.Levels.AskCount;
        if (count <= book.Depth)
        {
            return;
        }

        if (_scratch.Length < count)
        {
            _scratch = new BookLevel[Math.Max(count, _scratch.Length * 2)];
        }

        var levels = _scratch.AsSpan(0, book.Levels.CopyLevels(side, _scratch.AsSpan(0, count)));
        for (var i = book.Depth; i < levels.Length; i++)
        {
            book.Levels.Set(side, levels[i].Price, Quantity.Zero);
            _forward.Add(side, levels[i].Price, Quantity.Zero);
        }
    }

    private void Fail(BookState book, string reason, long tsRecv)
    {
        ChecksumFailures++;
        book.Healthy = false;
        _downstream.OnBookStatus(new BookStatus(book.Instrument, BookHealth.ChecksumFailed, reason, tsRecv));
        ResubscribeRequested?.Invoke(book.Instrument);
    }

    private BookState Find(InstrumentId instrument)
    {
        // The parser hands out one InstrumentId instance per symbol, which need not be the registered one.
        if (_last is not null && ReferenceEquals(_lastKey, instrument))
        {
            return _last;
        }

        if (!_books.TryGetValue(instrument, out var book))
        {
            throw new InvalidOperationException(
                $"Kraken book {instrument} is not registered: its price and qty precision are needed to verify checksums.");
        }

        _lastKey = instrument;
        _last = book;
        return book;
    }

    private sealed class BookState(InstrumentId instrument, int pricePrecision, int qtyPrecision, int depth)
    {
        public InstrumentId Instrument { get; } = instrument;

        public int PricePrecision { get; } = pricePrecision;

        public int QtyPrecision { get; } = qtyPrecision;

        public int Depth { get; } = depth;

        /// <summary>The local copy the checksum is computed over; room for the depth plus a message's inserts before truncation.</summary>
        public SortedOrderBook Levels { get; } = new(instrument, depth + 64);

        public bool Healthy { get; set; }

        public int SnapshotsApplied { get; set; }
    }
}
