// What every live venue data client with a local book sync shares (RestSnapshotFeedClient: snapshots over REST;
// StreamSnapshotFeedClient: snapshots in the stream): one supervised FeedConnection, frames going parser -> venue book sync
// -> downstream (and to the recorder when given), all under one lock, because the parser and sync are single-threaded while
// the receive loop and the snapshot or renewal loop run beside each other.
//   connect    -> what the previous connection left pending is dropped (ResetPending), then the venue's OnConnectedAsync;
//   disconnect -> ResetPending and the sync's OnReconnect: every book waits for a fresh snapshot.
// Health is the connection's plus the sync's counters (gaps, resyncs, checksum failures).
using Edgewise.Core.Contracts;

namespace Edgewise.Venues.Common;

public abstract class SyncedFeedClient : IFeed, IFeedHandler, IDisposable
{
    private readonly IFrameSink? _recorder;
    private readonly IVenueParser _parser;
    private readonly IMarketDataSink _sync;
    private readonly IBookSyncStats _syncStats;
    private readonly Action<long> _resyncAll;

    /// <param name="parser">The venue's parser.</param>
    /// <param name="sync">The venue's book sync; its downstream is the engine's inbox, called under the lock.</param>
    /// <param name="syncStats">The same sync's counters (gaps, resyncs, checksum failures).</param>
    /// <param name="resyncAll">The sync's OnReconnect: every book back to awaiting a snapshot.</param>
    /// <param name="streamUri">The WebSocket to connect to.</param>
    /// <param name="settings">Connection and backoff settings.</param>
    /// <param name="clock">Every wait and every receive time comes from it.</param>
    /// <param name="recorder">Receives every frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect delays.</param>
    protected SyncedFeedClient(IVenueParser parser, IMarketDataSink sync, IBookSyncStats syncStats, Action<long> resyncAll,
        Uri streamUri, FeedConnectionSettings settings, TimeProvider clock, IFrameSink? recorder, Random random)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(syncStats);
        ArgumentNullException.ThrowIfNull(resyncAll);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        _parser = parser;
        _sync = sync;
        _syncStats = syncStats;
        _resyncAll = resyncAll;
        _recorder = recorder;
        Connection = new FeedConnection(parser.Venue, streamUri, settings, this, clock, random);
    }

    public string Name => _parser.Venue;

    /// <summary>The supervised socket (state, StateChanged, RequestReconnect).</summary>
    public FeedConnection Connection { get; }

    public IBookSyncStats BookStats => _syncStats;

    /// <summary>Taken while a frame is parsed; a venue takes it too when it touches pending work from the connection's thread.</summary>
    protected Lock Gate { get; } = new();

    public abstract Task RunAsync(CancellationToken ct);

    public virtual FeedHealth GetHealth() => Connection.GetHealth() with
    {
        Gaps = _syncStats.Gaps,
        Resyncs = _syncStats.Resyncs,
        ChecksumFailures = _syncStats.ChecksumFailures,
    };

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Connection.Dispose();
        }
    }

    /// <summary>Drops what the connection that ended left pending (snapshot replies, renewals); called under the lock.</summary>
    protected abstract void ResetPending();

    /// <summary>A new connection is up (pending work already reset): subscribe and/or request snapshots.</summary>
    protected abstract ValueTask OnConnectedAsync(FeedConnection connection, CancellationToken ct);

    /// <summary>Records and parses a frame that did not come from the socket (a REST reply); the caller holds <see cref="Gate"/>.</summary>
    protected ParseOutcome RecordAndParse(in RawFrame frame)
    {
        _recorder?.Write(frame);
        return _parser.Parse(frame, _sync);
    }

    ValueTask IFeedHandler.OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        lock (Gate)
        {
            ResetPending();
        }

        return OnConnectedAsync(connection, ct);
    }

    ParseOutcome IFeedHandler.OnFrame(in RawFrame frame)
    {
        lock (Gate)
        {
            return RecordAndParse(frame);
        }
    }

    void IFeedHandler.OnDisconnected(string reason, long tsNs)
    {
        lock (Gate)
        {
            ResetPending();
            _resyncAll(tsNs);
        }
    }
}
