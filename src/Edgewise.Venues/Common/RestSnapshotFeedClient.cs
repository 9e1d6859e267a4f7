// A venue data client whose books start from REST snapshots (Binance.US, Bitstamp), on SyncedFeedClient (the connection,
// the lock, parse -> sync -> downstream): a SnapshotFetcher fetches the snapshots, and their responses are handed to the
// parser as FrameSource.Rest frames with their endpoint, exactly as a capture records them, so replay sees what live saw.
//   disconnect -> replies still in flight are discarded and the sync resyncs every book from a fresh snapshot.
// A venue supplies its parser and sync, what to do on connect (subscribe, request snapshots) and the snapshot endpoints.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Common;

public abstract class RestSnapshotFeedClient : SyncedFeedClient
{
    private readonly HttpClient? _ownedHttp;
    private readonly string _venue;
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
        : base(parser, sync, syncStats, resyncAll, streamUri, settings, clock, recorder, random ?? Random.Shared)
    {
        _venue = parser.Venue;
        if (http is null)
        {
            _ownedHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // the fetcher's timeout runs on the feed's clock
            http = _ownedHttp;
        }

        var retryBackoff = new ReconnectBackoff(settings.ReconnectDelayInitial, settings.ReconnectDelayMax, settings.ReconnectJitter,
            new Random((random ?? Random.Shared).Next()));
        Snapshots = new SnapshotFetcher(new RestFetcher(http, clock, settings.RestTimeout, settings.MaxRestBytes), restBaseUri, retryBackoff, clock, Deliver);
    }

    /// <summary>The configured symbols' instruments (register these with the engine).</summary>
    public abstract IReadOnlyList<InstrumentId> Instruments { get; }

    /// <summary>The REST snapshot loop (counters, RetryScheduled).</summary>
    public SnapshotFetcher Snapshots { get; }

    /// <summary>What a snapshot is called in the error for one that does not parse ("depth response", "order book").</summary>
    protected abstract string SnapshotName { get; }

    public override Task RunAsync(CancellationToken ct) => FeedTasks.RunTogetherAsync(Connection.RunAsync, Snapshots.RunAsync, ct);

    public override FeedHealth GetHealth()
    {
        var health = base.GetHealth();
        return health with
        {
            MalformedFrames = health.MalformedFrames + Interlocked.Read(ref _malformedSnapshots),
            SnapshotFetches = Snapshots.Fetches,
            SnapshotFailures = Snapshots.Failures,
            LastSnapshotError = Snapshots.LastError,
        };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttp?.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override void ResetPending() => Snapshots.Reset();

    private void Deliver(FetchedSnapshot snapshot)
    {
        lock (Gate)
        {
            if (!Snapshots.IsCurrent(snapshot.Generation))
            {
                return; // meant for a connection that has ended; the new one fetches its own
            }

            if (RecordAndParse(new RawFrame(snapshot.RecvTsNs, _venue, FrameSource.Rest, snapshot.Endpoint, snapshot.Body)) == ParseOutcome.Malformed)
            {
                Interlocked.Increment(ref _malformedSnapshots);
                throw new InvalidDataException($"The snapshot from {snapshot.Endpoint} is not a valid {SnapshotName}.");
            }
        }
    }
}
