// Binance.US local-book synchronisation (FACTS §4.3), as a filter between the parser and the engine:
//   deltas that arrive before the REST snapshot are buffered; after the snapshot, buffered and new deltas with
//   u <= lastUpdateId are dropped; the first applied delta must have U <= lastUpdateId+1 <= u; afterwards each
//   delta's U must equal the previous u + 1. Anything else is a gap: the book is reported unhealthy, deltas are
//   buffered again, and a new snapshot is requested (live: the data client fetches it; replay: the next REST
//   line of the capture). Only validated updates reach the downstream sink, so the engine's book is never
//   built from a broken sequence. Trades and quotes pass straight through.
//   A dropped connection loses updates the ids cannot always reveal (a new stream may start anywhere), so
//   OnReconnect puts every book back to awaiting a snapshot, which the live client fetches on the new connection.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.BinanceUs;

public sealed class BinanceUsBookSync : IMarketDataSink, IBookSyncStats
{
    /// <summary>Deltas kept per instrument while waiting for a snapshot (~100 s of depth@100ms with headroom).</summary>
    public const int DefaultMaxBuffered = 4096;

    private readonly IMarketDataSink _downstream;
    private readonly int _maxBuffered;
    private readonly Dictionary<InstrumentId, InstrumentSync> _books = [];
    private readonly Stack<BookUpdate> _pool = new();
    private InstrumentSync? _last;

    public BinanceUsBookSync(IMarketDataSink downstream, int maxBuffered = DefaultMaxBuffered)
    {
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBuffered, 1);
        _downstream = downstream;
        _maxBuffered = maxBuffered;
    }

    /// <summary>Raised when a book needs a new REST snapshot (after a gap). The live data client fetches one.</summary>
    public event Action<InstrumentId>? SnapshotRequested;

    /// <summary>Sequence breaks seen (each one made a book unhealthy).</summary>
    public long Gaps { get; private set; }

    /// <summary>Snapshots applied after the first one of a book (recoveries).</summary>
    public long Resyncs { get; private set; }

    /// <summary>Binance depth streams carry no checksum.</summary>
    public long ChecksumFailures => 0;

    /// <summary>Deltas dropped because the book already covered them (u ≤ last applied id).</summary>
    public long StaleDropped { get; private set; }

    /// <summary>Buffered deltas discarded because the buffer was full while waiting for a snapshot.</summary>
    public long BufferOverflows { get; private set; }

    /// <summary>
    /// The connection dropped: every book reports AwaitingSnapshot (when it was synced), forgets what it buffered,
    /// and buffers the next connection's deltas until a new snapshot is applied (counted as a resync).
    /// </summary>
    public void OnReconnect(long tsRecv)
    {
        foreach (var sync in _books.Values)
        {
            if (sync.Synced)
            {
                _downstream.OnBookStatus(new BookStatus(sync.Instrument, BookHealth.AwaitingSnapshot, "reconnect", tsRecv));
            }

            sync.Synced = false;
            sync.AwaitingFirstDelta = false;
            foreach (var delta in sync.Buffered)
            {
                _pool.Push(delta);
            }

            sync.Buffered.Clear();
        }
    }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var sync = Find(update.Instrument!);
        if (update.Kind == BookUpdateKind.Snapshot)
        {
            ApplySnapshot(sync, update);
            return;
        }

        if (!sync.Synced)
        {
            Buffer(sync, update);
            return;
        }

        Apply(sync, update);
    }

    private void ApplySnapshot(InstrumentSync sync, BookUpdate snapshot)
    {
        if (sync.SnapshotsApplied > 0)
        {
            Resyncs++;
        }

        sync.SnapshotsApplied++;
        sync.LastId = snapshot.LastUpdateId;
        sync.AwaitingFirstDelta = true;
        sync.Synced = true;
        _downstream.OnBookUpdate(snapshot);
        _downstream.OnBookStatus(new BookStatus(sync.Instrument, BookHealth.Healthy, "snapshot", snapshot.TsRecv));

        // Replay what arrived while waiting, through the same checks as live deltas. A gap among them
        // makes Apply re-buffer the breaking delta into the (now empty) buffer; the rest follow it there.
        var pending = sync.Buffered;
        sync.Buffered = sync.Spare;
        foreach (var delta in pending)
        {
            if (sync.Synced)
            {
                Apply(sync, delta);
            }
            else
            {
                Buffer(sync, delta);
            }

            _pool.Push(delta);
        }

        pending.Clear();
        sync.Spare = pending;
    }

    private void Apply(InstrumentSync sync, BookUpdate delta)
    {
        if (delta.LastUpdateId <= sync.LastId)
        {
            StaleDropped++;
            return;
        }

        var contiguous = sync.AwaitingFirstDelta
            ? delta.FirstUpdateId <= sync.LastId + 1
            : delta.FirstUpdateId == sync.LastId + 1;
        if (!contiguous)
        {
            Gaps++;
            sync.Synced = false;
            _downstream.OnBookStatus(new BookStatus(sync.Instrument, BookHealth.Gap, "sequence gap", delta.TsRecv));
            Buffer(sync, delta);
            SnapshotRequested?.Invoke(sync.Instrument);
            return;
        }

        sync.AwaitingFirstDelta = false;
        sync.LastId = delta.LastUpdateId;
        _downstream.OnBookUpdate(delta);
    }

    private void Buffer(InstrumentSync sync, BookUpdate update)
    {
        var target = sync.Buffered;
        if (target.Count == _maxBuffered)
        {
            BufferOverflows++;
            _pool.Push(target[0]);
            target.RemoveAt(0);
        }

        var copy = _pool.Count > 0 ? _pool.Pop() : new BookUpdate();
        copy.CopyFrom(update);
        target.Add(copy);
    }

    private InstrumentSync Find(InstrumentId instrument)
    {
        if (_last is not null && ReferenceEquals(_last.Instrument, instrument))
        {
            return _last;
        }

        if (!_books.TryGetValue(instrument, out var sync))
        {
            sync = new InstrumentSync(instrument);
            _books.Add(instrument, sync);
        }

        _last = sync;
        return sync;
    }

    public void OnTrade(in TradeTick trade) => _downstream.OnTrade(trade);

    public void OnQuote(in QuoteTick quote) => _downstream.OnQuote(quote);

    public void OnBookStatus(in BookStatus status) => _downstream.OnBookStatus(status);

    private sealed class InstrumentSync(InstrumentId instrument)
    {
        public InstrumentId Instrument { get; } = instrument;

        public bool Synced { get; set; }

        public bool AwaitingFirstDelta { get; set; }

        public long LastId { get; set; }

        public int SnapshotsApplied { get; set; }

        public List<BookUpdate> Buffered { get; set; } = [];

        public List<BookUpdate> Spare { get; set; } = [];
    }
}
