// Binance.US live market data (FACTS §4.1-4.3): one combined-stream connection (depth, trades, bookTicker for
// every symbol) through a supervised FeedConnection, and REST depth snapshots through a SnapshotFetcher.
// Frames go parser -> BinanceUsBookSync -> downstream (the engine inbox), and to the recorder when given.
//   connect      -> a new snapshot generation; a snapshot is requested per symbol (deltas buffer in the sync
//                   meanwhile, and those the snapshot covers are dropped when it lands).
//   gap          -> the sync reports the book unhealthy and raises SnapshotRequested -> refetch.
//   disconnect   -> the sync's books go back to AwaitingSnapshot and replies still in flight are discarded, so
//                   every reconnect resyncs from a fresh snapshot.
// REST responses are handed to the parser as FrameSource.Rest frames with their endpoint, exactly as a capture
// records them, so replay sees what live saw. The parser and sync are single-threaded: the receive loop and
// the snapshot loop take turns under one lock (held only while a frame is parsed).
// This file is the pattern for the other venues: options record, parser + sync, FeedConnection for the socket,
// SnapshotFetcher when the venue needs REST snapshots, IFeedHandler implemented explicitly.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.BinanceUs;

public sealed class BinanceUsDataClient : IFeed, IFeedHandler, IDisposable
{
    private readonly BinanceUsDataOptions _options;
    private readonly IFrameSink? _recorder;
    private readonly BinanceUsParser _parser;
    private readonly BinanceUsBookSync _sync;
    private readonly FeedConnection _connection;
    private readonly SnapshotFetcher _snapshots;
    private readonly HttpClient? _ownedHttp;
    private readonly Lock _gate = new();
    private readonly InstrumentId[] _instruments;
    private long _malformedSnapshots;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait (backoff, staleness, timeouts) and every receive time comes from it.</param>
    /// <param name="http">Used for REST snapshots; one is created (and disposed with the client) when null.</param>
    /// <param name="recorder">Receives every WS and REST frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect and retry delays; <see cref="Random.Shared"/> when null.</param>
    public BinanceUsDataClient(BinanceUsDataOptions options, IMarketDataSink downstream, TimeProvider clock,
        HttpClient? http = null, IFrameSink? recorder = null, Random? random = null)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _recorder = recorder;
        _parser = new BinanceUsParser();
        _instruments = [.. options.Symbols.Select(_parser.Symbols.Get)];
        _sync = new BinanceUsBookSync(downstream);
        _sync.SnapshotRequested += OnSnapshotRequested;
        random ??= Random.Shared;
        var settings = options.Connection;
        _connection = new FeedConnection(_parser.Venue, options.StreamUri(), settings, this, clock, random);
        if (http is null)
        {
            _ownedHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // the fetcher's timeout runs on the feed's clock
            http = _ownedHttp;
        }

        var retryBackoff = new ReconnectBackoff(settings.ReconnectDelayInitial, settings.ReconnectDelayMax, settings.ReconnectJitter, new Random(random.Next()));
        _snapshots = new SnapshotFetcher(new RestFetcher(http, clock, settings.RestTimeout, settings.MaxRestBytes),
            options.RestBaseUri, retryBackoff, clock, Deliver);
    }

    public string Name => _parser.Venue;

    /// <summary>The configured symbols' instruments (register these with the engine).</summary>
    public IReadOnlyList<InstrumentId> Instruments => _instruments;

    /// <summary>The supervised socket (state, StateChanged, RequestReconnect).</summary>
    public FeedConnection Connection => _connection;

    public IBookSyncStats BookStats => _sync;

    /// <summary>The REST snapshot loop (counters, RetryScheduled).</summary>
    public SnapshotFetcher Snapshots => _snapshots;

    public Task RunAsync(CancellationToken ct) => FeedTasks.RunTogetherAsync(_connection.RunAsync, _snapshots.RunAsync, ct);

    public FeedHealth GetHealth()
    {
        var health = _connection.GetHealth();
        return health with
        {
            MalformedFrames = health.MalformedFrames + Interlocked.Read(ref _malformedSnapshots),
            Gaps = _sync.Gaps,
            Resyncs = _sync.Resyncs,
            ChecksumFailures = _sync.ChecksumFailures,
            SnapshotFetches = _snapshots.Fetches,
            SnapshotFailures = _snapshots.Failures,
            LastSnapshotError = _snapshots.LastError,
        };
    }

    public void Dispose()
    {
        _connection.Dispose();
        _ownedHttp?.Dispose();
    }

    ValueTask IFeedHandler.OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        // The combined-stream URL is the subscription; the snapshots are fetched now that deltas are being buffered.
        lock (_gate)
        {
            _snapshots.Reset();
            foreach (var symbol in _options.Symbols)
            {
                _snapshots.Request(_options.SnapshotEndpoint(symbol));
            }
        }

        return ValueTask.CompletedTask;
    }

    ParseOutcome IFeedHandler.OnFrame(in RawFrame frame)
    {
        lock (_gate)
        {
            _recorder?.Write(frame);
            return _parser.Parse(frame, _sync);
        }
    }

    void IFeedHandler.OnDisconnected(string reason, long tsNs)
    {
        lock (_gate)
        {
            _snapshots.Reset();
            _sync.OnReconnect(tsNs);
        }
    }

    /// <summary>Raised by the sync inside a parse (under the lock): queue a fetch, never wait for it here.</summary>
    private void OnSnapshotRequested(InstrumentId instrument) => _snapshots.Request(_options.SnapshotEndpoint(instrument.Symbol));

    private void Deliver(FetchedSnapshot snapshot)
    {
        lock (_gate)
        {
            if (!_snapshots.IsCurrent(snapshot.Generation))
            {
                return; // meant for a connection that has ended; the new one fetches its own
            }

            var frame = new RawFrame(snapshot.RecvTsNs, _parser.Venue, FrameSource.Rest, snapshot.Endpoint, snapshot.Body);
            _recorder?.Write(frame);
            if (_parser.Parse(frame, _sync) == ParseOutcome.Malformed)
            {
                Interlocked.Increment(ref _malformedSnapshots);
                throw new InvalidDataException($"The snapshot from {snapshot.Endpoint} is not a valid depth response.");
            }
        }
    }
}
