// The shared body of a venue data client whose books start from REST snapshots (Binance.US, Bitstamp): one supervised
// FeedConnection for the stream, a SnapshotFetcher for the REST snapshots, frames going parser -> venue book sync ->
// downstream (and to the recorder when given). REST responses are handed to the parser as FrameSource.Rest frames with
// their endpoint, exactly as a capture records them, so replay sees what live saw. The parser and sync are
// single-threaded: the receive loop and the snapshot loop take turns under one lock (held only while a frame is parsed).
//   disconnect -> replies still in flight are discarded and the sync resyncs every book from a fresh snapshot.
// A venue supplies its parser and sync, what to do on connect (subscribe, request snapshots) and the snapshot endpoints.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Common;

public abstract class RestSnapshotFeedClient : IFeed, IFeedHandler, IDisposable
{
    private readonly IFrameSink? _recorder;
    private readonly IVenueParser _parser;
    private readonly IMarketDataSink _sync;
    private readonly IBookSyncStats _syncStats;
    private readonly Action<long> _resyncAll;
    private readonly HttpClient? _ownedHttp;
    private long _malformedSnapshots;

    /// <param name="parser">The venue's parser.</param>
    /// <param name="sync">The venue's book sync; its downstream is the engine's inbox, called under the lock.</param>
    /// <param name="syncStats">The same sync's counters (gaps, resyncs, checksum failures).</param>
    /// <param name="resyncAll">The sync's OnReconnect: every book back to awaiting a snapshot.</param>
    /// <param name="streamUri">The WebSocket to connect to.</param>
    /// <param name="restBaseUri">Where snapshot endpoints are fetched from.</param>
    /// <param name="settings">Connection, backoff and REST limits.</param>
    /// <param name="clock">Every wait and every receive time comes from it.</param>
    /// <param name="http">Used for REST snapshots; one is created (and disposed with the client) when null.</param>
    /// <param name="recorder">Receives every WS and REST frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect and retry delays; <see cref="Random.Shared"/> when null.</param>
    protected RestSnapshotFeedClient(IVenueParser parser, IMarketDataSink sync, IBookSyncStats syncStats, Action<long> resyncAll,
        Uri streamUri, Uri restBaseUri, FeedConnectionSettings settings, TimeProvider clock, HttpClient? http, IFrameSink? recorder, Random? random)
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
        random ??= Random.Shared;
        Connection = new FeedConnection(parser.Venue, streamUri, settings, this, clock, random);
        if (http is null)
        {
            _ownedHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // the fetcher's timeout runs on the feed's clock
            http = _ownedHttp;
        }

        var retryBackoff = new ReconnectBackoff(settings.ReconnectDelayInitial, settings.ReconnectDelayMax, settings.ReconnectJitter, new Random(random.Next()));
        Snapshots = new SnapshotFetcher(new RestFetcher(http, clock, settings.RestTimeout, settings.MaxRestBytes), restBaseUri, retryBackoff, clock, Deliver);
    }

    public string Name => _parser.Venue;

    /// <summary>The configured symbols' instruments (register these with the engine).</summary>
    public abstract IReadOnlyList<InstrumentId> Instruments { get; }

    /// <summary>The supervised socket (state, StateChanged, RequestReconnect).</summary>
    public FeedConnection Connection { get; }

    public IBookSyncStats BookStats => _syncStats;

    /// <summary>The REST snapshot loop (counters, RetryScheduled).</summary>
    public SnapshotFetcher Snapshots { get; }

    /// <summary>Taken while a frame is parsed; a venue takes it too when it touches the fetcher from the connection's thread.</summary>
    protected Lock Gate { get; } = new();

    /// <summary>What a snapshot is called in the error for one that does not parse ("depth response", "order book").</summary>
    protected abstract string SnapshotName { get; }

    public Task RunAsync(CancellationToken ct) => FeedTasks.RunTogetherAsync(Connection.RunAsync, Snapshots.RunAsync, ct);

    public FeedHealth GetHealth()
    {
        var health = Connection.GetHealth();
        return health with
        {
            MalformedFrames = health.MalformedFrames + Interlocked.Read(ref _malformedSnapshots),
            Gaps = _syncStats.Gaps,
            Resyncs = _syncStats.Resyncs,
            ChecksumFailures = _syncStats.ChecksumFailures,
            SnapshotFetches = Snapshots.Fetches,
            SnapshotFailures = Snapshots.Failures,
            LastSnapshotError = Snapshots.LastError,
        };
    }

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
            _ownedHttp?.Dispose();
        }
    }

    /// <summary>A new connection is up: subscribe and/or request snapshots (the fetcher's previous generation is already reset).</summary>
    protected abstract ValueTask OnConnectedAsync(FeedConnection connection, CancellationToken ct);

    ValueTask IFeedHandler.OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        lock (Gate)
        {
            Snapshots.Reset();
        }

        return OnConnectedAsync(connection, ct);
    }

    ParseOutcome IFeedHandler.OnFrame(in RawFrame frame)
    {
        lock (Gate)
        {
            _recorder?.Write(frame);
            return _parser.Parse(frame, _sync);
        }
    }

    void IFeedHandler.OnDisconnected(string reason, long tsNs)
    {
        lock (Gate)
        {
            Snapshots.Reset();
            _resyncAll(tsNs);
        }
    }

    private void Deliver(FetchedSnapshot snapshot)
    {
        lock (Gate)
        {
            if (!Snapshots.IsCurrent(snapshot.Generation))
            {
                return; // meant for a connection that has ended; the new one fetches its own
            }

            var frame = new RawFrame(snapshot.RecvTsNs, _parser.Venue, FrameSource.Rest, snapshot.Endpoint, snapshot.Body);
            _recorder?.Write(frame);
            if (_parser.Parse(frame, _sync) == ParseOutcome.Malformed)
            {
                Interlocked.Increment(ref _malformedSnapshots);
                throw new InvalidDataException($"The snapshot from {snapshot.Endpoint} is not a valid {SnapshotName}.");
            }
        }
    }
}
