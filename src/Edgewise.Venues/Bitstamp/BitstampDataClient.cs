// Bitstamp live market data (FACTS §3), on the pattern of BinanceUsDataClient: one supervised connection
// subscribing diff_order_book_{pair} (and live_trades_{pair}), REST order-book snapshots through a
// SnapshotFetcher, frames going parser -> BitstampBookSync -> downstream (and to the recorder when given).
//   connect             -> subscribe messages; the sync buffers the first diffs and asks for the snapshot itself,
//                          so it is fetched only once the diff stream is known to be running.
//   disconnect          -> the sync's OnReconnect: Bitstamp has no sequence numbers, so a lost connection may have
//                          lost diffs and every book resyncs; replies still in flight are discarded.
//   bts:request_reconnect (parser event) -> the connection is closed and reopened at once, without backoff.
// The parser and sync are single-threaded: the receive loop and the snapshot loop take turns under one lock.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Bitstamp;

public sealed class BitstampDataClient : IFeed, IFeedHandler, IDisposable
{
    /// <summary>The reason a venue-requested reconnect shows in the feed's state text.</summary>
    public const string RequestReconnectReason = "bts:request_reconnect";

    private readonly BitstampDataOptions _options;
    private readonly IFrameSink? _recorder;
    private readonly BitstampParser _parser;
    private readonly BitstampBookSync _sync;
    private readonly FeedConnection _connection;
    private readonly SnapshotFetcher _snapshots;
    private readonly HttpClient? _ownedHttp;
    private readonly Lock _gate = new();
    private readonly InstrumentId[] _instruments;
    private readonly string[] _subscribeMessages;
    private long _malformedSnapshots;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait (backoff, staleness, timeouts) and every receive time comes from it.</param>
    /// <param name="http">Used for REST snapshots; one is created (and disposed with the client) when null.</param>
    /// <param name="recorder">Receives every WS and REST frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect and retry delays; <see cref="Random.Shared"/> when null.</param>
    public BitstampDataClient(BitstampDataOptions options, IMarketDataSink downstream, TimeProvider clock,
        HttpClient? http = null, IFrameSink? recorder = null, Random? random = null)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _recorder = recorder;
        _parser = new BitstampParser(maxFrameBytes: Math.Max(options.Connection.MaxMessageBytes, options.Connection.MaxRestBytes));
        _parser.ReconnectRequested += OnReconnectRequested;
        _instruments = [.. options.Pairs.Select(_parser.Symbols.Get)];
        _subscribeMessages = [.. options.Channels().Select(BitstampDataOptions.SubscribeMessage)];
        _sync = new BitstampBookSync(downstream);
        _sync.SnapshotRequested += OnSnapshotRequested;
        random ??= Random.Shared;
        var settings = options.Connection;
        _connection = new FeedConnection(_parser.Venue, options.WebSocketUri, settings, this, clock, random);
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

    /// <summary>The configured pairs' instruments (register these with the engine).</summary>
    public IReadOnlyList<InstrumentId> Instruments => _instruments;

    /// <summary>The supervised socket (state, StateChanged, RequestReconnect).</summary>
    public FeedConnection Connection => _connection;

    public IBookSyncStats BookStats => _sync;

    /// <summary>The REST snapshot loop (counters, RetryScheduled).</summary>
    public SnapshotFetcher Snapshots => _snapshots;

    /// <summary>bts:request_reconnect messages honoured.</summary>
    public long VenueReconnectRequests => _parser.ReconnectRequests;

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

    async ValueTask IFeedHandler.OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        lock (_gate)
        {
            _snapshots.Reset();
        }

        foreach (var message in _subscribeMessages)
        {
            await connection.SendTextAsync(message, ct).ConfigureAwait(false);
        }
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

    /// <summary>Raised by the parser inside a parse: the connection ends after this frame and reopens at once.</summary>
    private void OnReconnectRequested(long tsRecv) => _connection.RequestReconnect(RequestReconnectReason);

    /// <summary>Raised by the sync inside a parse (under the lock): queue a fetch, never wait for it here.</summary>
    private void OnSnapshotRequested(InstrumentId instrument) => _snapshots.Request(BitstampDataOptions.SnapshotEndpoint(instrument.Symbol));

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
                throw new InvalidDataException($"The snapshot from {snapshot.Endpoint} is not a valid order book.");
            }
        }
    }
}
