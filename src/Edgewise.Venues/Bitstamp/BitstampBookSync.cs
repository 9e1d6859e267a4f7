// Bitstamp local-book synchronisation (FACTS §3.3), as a filter between the parser and the engine. Bitstamp
// has no sequence numbers, so order comes from microtimestamps (the parser puts them in the update ids):
//   diff_order_book updates are buffered until a snapshot (REST /api/v2/order_book/{pair}, or a WS
//   order_book_{pair} push); the first buffered diff raises SnapshotRequested, so the snapshot is fetched
//   only once the diff stream is known to be running; diffs not newer than the snapshot are dropped and
//   the rest applied, in order; afterwards each diff newer than the snapshot passes through. A snapshot
//   older than what a synced book already shows (a late REST reply) is dropped.
//   A snapshot older than the first diff of the stream it is meant to seed may miss changes made between
//   the two (the subscription may have started after it), and one older than a diff evicted from a full
//   buffer certainly does: either way it is not applied, the book is reported as a gap and another snapshot
//   is requested.
//   Gaps inside the diff stream cannot be seen, so every reconnect is a full resync (OnReconnect).
// Only updates of a synced book reach the downstream sink. Health is reported on changes only, because a
// book fed by order_book_{pair} receives a snapshot with every push. Trades and quotes pass straight through.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Bitstamp;

public sealed class BitstampBookSync : IMarketDataSink, IBookSyncStats
{
    /// <summary>Diffs kept per instrument while waiting for a snapshot (several minutes of a busy pair).</summary>
    public const int DefaultMaxBuffered = 4096;

    private readonly IMarketDataSink _downstream;
    private readonly int _maxBuffered;
    private readonly Dictionary<InstrumentId, BookState> _books = [];
    private readonly List<BookState> _ordered = [];
    private readonly Stack<BookUpdate> _pool = new();
    private BookState? _last;

    public BitstampBookSync(IMarketDataSink downstream, int maxBuffered = DefaultMaxBuffered)
    {
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBuffered, 1);
        _downstream = downstream;
        _maxBuffered = maxBuffered;
    }

    /// <summary>Raised when a book needs a snapshot; the live data client fetches GET /api/v2/order_book/{pair}/.</summary>
    public event Action<InstrumentId>? SnapshotRequested;

    /// <summary>Snapshots refused because diffs between them and the stream may be missing.</summary>
    public long Gaps { get; private set; }

    /// <summary>Bitstamp sends no checksum.</summary>
    public long ChecksumFailures => 0;

    /// <summary>Snapshots applied to a book that had been synced before (recoveries after a reconnect or gap).</summary>
    public long Resyncs { get; private set; }

    /// <summary>Diffs the snapshot already covered (microtimestamp not after the snapshot's), and snapshots older than the synced book.</summary>
    public long StaleDropped { get; private set; }

    /// <summary>Buffered diffs discarded because the buffer was full while waiting for a snapshot.</summary>
    public long BufferOverflows { get; private set; }

    /// <summary>
    /// The connection was re-established (after a drop or bts:request_reconnect): every book waits for a
    /// new snapshot, which its first diff on the new connection will request.
    /// </summary>
    public void OnReconnect(long tsRecv)
    {
        foreach (var book in _ordered)
        {
            if (book.Synced)
            {
                _downstream.OnBookStatus(new BookStatus(book.Instrument, BookHealth.AwaitingSnapshot, "reconnect", tsRecv));
            }

            book.Synced = false;
            ResetWaiting(book);
        }
    }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var book = Find(update.Instrument!);
        if (update.Kind == BookUpdateKind.Snapshot)
        {
            ApplySnapshot(book, update);
        }
        else if (book.Synced)
        {
            Apply(book, update);
        }
        else
        {
            Buffer(book, update);
        }
    }

    public void OnTrade(in TradeTick trade) => _downstream.OnTrade(trade);

    public void OnQuote(in QuoteTick quote) => _downstream.OnQuote(quote);

    public void OnBookStatus(in BookStatus status) => _downstream.OnBookStatus(status);

    private void ApplySnapshot(BookState book, BookUpdate snapshot)
    {
        var micros = snapshot.LastUpdateId;
        if (!book.Synced && ((book.FirstDiffMicros is { } first && micros < first) || micros < book.EvictedMaxMicros))
        {
            Gaps++;
            _downstream.OnBookStatus(new BookStatus(book.Instrument, BookHealth.Gap, "snapshot older than the diff stream", snapshot.TsRecv));
            book.RequestPending = true;
            SnapshotRequested?.Invoke(book.Instrument);
            return;
        }

        if (book.Synced && micros < book.LastMicros)
        {
            StaleDropped++; // a late snapshot older than what the book already shows would take it back in time
            return;
        }

        if (book.EverSynced && !book.Synced)
        {
            Resyncs++;
        }

        var wasSynced = book.Synced;
        book.Synced = true;
        book.EverSynced = true;
        book.SnapshotMicros = micros;
        book.LastMicros = micros;
        _downstream.OnBookUpdate(snapshot);
        if (!wasSynced)
        {
            _downstream.OnBookStatus(new BookStatus(book.Instrument, BookHealth.Healthy, "snapshot", snapshot.TsRecv));
        }

        foreach (var diff in book.Buffered)
        {
            Apply(book, diff);
        }

        ResetWaiting(book); // returns the buffered copies to the pool
    }

    private void Apply(BookState book, BookUpdate diff)
    {
        if (diff.LastUpdateId <= book.SnapshotMicros)
        {
            StaleDropped++;
            return;
        }

        book.LastMicros = Math.Max(book.LastMicros, diff.LastUpdateId);
        _downstream.OnBookUpdate(diff);
    }

    private void Buffer(BookState book, BookUpdate diff)
    {
        book.FirstDiffMicros ??= diff.LastUpdateId;
        var target = book.Buffered;
        if (target.Count == _maxBuffered)
        {
            BufferOverflows++;
            book.EvictedMaxMicros = Math.Max(book.EvictedMaxMicros, target[0].LastUpdateId);
            _pool.Push(target[0]);
            target.RemoveAt(0);
        }

        var copy = _pool.Count > 0 ? _pool.Pop() : new BookUpdate();
        copy.CopyFrom(diff);
        target.Add(copy);
        if (!book.RequestPending)
        {
            book.RequestPending = true;
            SnapshotRequested?.Invoke(book.Instrument);
        }
    }

    private void ResetWaiting(BookState book)
    {
        foreach (var diff in book.Buffered)
        {
            _pool.Push(diff);
        }

        book.Buffered.Clear();
        book.FirstDiffMicros = null;
        book.EvictedMaxMicros = long.MinValue;
        book.RequestPending = false;
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

        public bool Synced { get; set; }

        public bool EverSynced { get; set; }

        public bool RequestPending { get; set; }

        public long SnapshotMicros { get; set; }

        /// <summary>Microtimestamp of the newest snapshot or diff applied.</summary>
        public long LastMicros { get; set; }

        public long? FirstDiffMicros { get; set; }

        public long EvictedMaxMicros { get; set; } = long.MinValue;

        public List<BookUpdate> Buffered { get; } = [];
    }
}
