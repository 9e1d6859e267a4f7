// Coinbase Advanced Trade book synchronisation (FACTS §1.3), as a filter between the parser and the engine.
// sequence_num rises by exactly 1 per message on a connection, across all channels, so any other step
// means a message (of whatever channel) was lost or reordered, and any book on the connection may be
// wrong. On such a gap every book is reported unhealthy and a fresh level2 snapshot is requested for each
// (live: the data client resubscribes level2 for the product; Coinbase then sends a new snapshot). Books
// that were already waiting are asked again, because the lost message may have been their snapshot.
// Until a book's next snapshot its updates are dropped, not buffered: Coinbase's snapshot comes in the
// stream itself, so nothing before it is needed. Only updates of healthy books reach the downstream sink.
// Health is reported when it changes. Wire the parser's SequenceObserved event to OnSequence so that
// non-book messages count; each book update's own sequence is checked as well, so a sync fed by book
// updates alone still sees gaps between them. Trades and quotes pass straight through.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Coinbase;

public sealed class CoinbaseBookSync : IMarketDataSink, IBookSyncStats
{
    private readonly IMarketDataSink _downstream;
    private readonly Dictionary<InstrumentId, BookState> _books = [];
    private readonly List<BookState> _ordered = [];
    private BookState? _last;
    private bool _hasSequence;
    private long _lastSequence;

    public CoinbaseBookSync(IMarketDataSink downstream)
    {
        ArgumentNullException.ThrowIfNull(downstream);
        _downstream = downstream;
    }

    /// <summary>Raised when a book needs a new level2 snapshot; the live data client resubscribes level2 for the product.</summary>
    public event Action<InstrumentId>? SnapshotRequested;

    /// <summary>sequence_num breaks seen on the connection (each made every book unhealthy).</summary>
    public long Gaps { get; private set; }

    /// <summary>Coinbase level2 carries no checksum.</summary>
    public long ChecksumFailures => 0;

    /// <summary>Snapshots applied after the first one of a book (recoveries).</summary>
    public long Resyncs { get; private set; }

    /// <summary>Updates dropped because their book was waiting for a snapshot.</summary>
    public long DroppedWhileUnhealthy { get; private set; }

    /// <summary>The last sequence_num accepted on this connection; null before any or after a reconnect.</summary>
    public long? LastSequence => _hasSequence ? _lastSequence : null;

    /// <summary>Checks one message's sequence_num (wire to <see cref="CoinbaseParser.SequenceObserved"/>); the same number twice is one message.</summary>
    public void OnSequence(long sequenceNum, long tsRecv)
    {
        if (!_hasSequence)
        {
            _hasSequence = true;
            _lastSequence = sequenceNum;
            return;
        }

        if (sequenceNum == _lastSequence)
        {
            return;
        }

        var contiguous = sequenceNum == _lastSequence + 1;
        _lastSequence = sequenceNum;
        if (!contiguous)
        {
            Gaps++;
            InvalidateAll(BookHealth.Gap, "sequence gap", tsRecv);
        }
    }

    /// <summary>
    /// A new connection: sequence numbers start again and every book waits for the snapshot that the
    /// new level2 subscription brings (no request is raised: resubscribing is part of reconnecting).
    /// </summary>
    public void OnReconnect(long tsRecv)
    {
        _hasSequence = false;
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
        OnSequence(update.LastUpdateId, update.TsRecv);
        var book = Find(update.Instrument!);
        if (update.Kind == BookUpdateKind.Snapshot)
        {
            if (book.SnapshotsApplied++ > 0)
            {
                Resyncs++;
            }

            var wasHealthy = book.Healthy;
            book.Healthy = true;
            _downstream.OnBookUpdate(update);
            if (!wasHealthy)
            {
                _downstream.OnBookStatus(new BookStatus(book.Instrument, BookHealth.Healthy, "snapshot", update.TsRecv));
            }

            return;
        }

        if (!book.Healthy)
        {
            DroppedWhileUnhealthy++;
            return;
        }

        _downstream.OnBookUpdate(update);
    }

    public void OnTrade(in TradeTick trade) => _downstream.OnTrade(trade);

    public void OnQuote(in QuoteTick quote) => _downstream.OnQuote(quote);

    public void OnBookStatus(in BookStatus status) => _downstream.OnBookStatus(status);

    private void InvalidateAll(BookHealth health, string reason, long tsRecv)
    {
        foreach (var book in _ordered)
        {
            if (book.Healthy)
            {
                book.Healthy = false;
                _downstream.OnBookStatus(new BookStatus(book.Instrument, health, reason, tsRecv));
            }

            SnapshotRequested?.Invoke(book.Instrument);
        }
    }

    private BookState Find(InstrumentId instrument)
    {
        if (_last is not null && ReferenceEquals(_last.Instrument, instrument))
        {
            return _last;
        }

        if (!_books.TryGetValue(instrument, out var book))
        {
            book = new BookState(instrument);
            _books.Add(instrument, book);
            _ordered.Add(book);
        }

        _last = book;
        return book;
    }

    private sealed class BookState(InstrumentId instrument)
    {
        public InstrumentId Instrument { get; } = instrument;

        public bool Healthy { get; set; }

        public int SnapshotsApplied { get; set; }
    }
}
