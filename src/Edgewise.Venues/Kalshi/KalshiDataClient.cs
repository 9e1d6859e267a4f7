// Kalshi live market data (FACTS §5.1, §5.2, §5.5): one signed WebSocket through a supervised FeedConnection, with every active
// market subscribed to orderbook_delta, ticker and trade (one subscribe per market and channel, so a sequence gap or a terminal
// error touches one market only, and a closed market is unsubscribed by its own sids), and cfbenchmarks_value for the configured
// indices. Frames go KalshiParser -> KalshiBookSync -> downstream (the engine inbox), and to the recorder when given.
//   connect            -> a fresh KALSHI-ACCESS-* signature on the upgrade (its timestamp must be current on every reconnect),
//                         then the subscriptions; Kalshi sends each market's snapshot in its sequenced stream.
//   seq gap            -> the sync marks the sid's books Gap and asks for get_snapshot on that sid (no resubscribe).
//   error 10 / 25      -> the subscription is gone: the same market and channel are subscribed anew.
//   disconnect         -> the sync forgets every subscription (sids restart per connection) and its books await a snapshot.
//   upgrade refused    -> HTTP 401/403, or N connects without an answer: REST polling (KalshiDataClient.Polling.cs) until a
//                         WebSocket retry succeeds.
// The parser and sync are single-threaded; the receive loop, the polling loop and the market calls take one lock for them. Commands
// decided inside a parse (get_snapshot, resubscribe) or by AddMarket/RemoveMarket go through an outbox to a send loop, tagged
// with their connection, so nothing waits on the network under the lock and a command never reaches a later connection.
using System.Threading.Channels;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiDataClient : IFeed, IFeedHandler, IKalshiMarketFeed, IDisposable
{
    private const int OutboxCapacity = 1024;

    private readonly KalshiDataOptions _options;
    private readonly IMarketDataSink _downstream;
    private readonly TimeProvider _clock;
    private readonly IFrameSink? _recorder;
    private readonly KalshiParser _parser;
    private readonly KalshiBookSync _sync;
    private readonly FeedConnection _connection;
    private readonly KalshiRestClient _rest;
    private readonly KalshiInstrumentProvider _captureInstruments;
    private readonly ReconnectBackoff _pollBackoff;
    private readonly HttpClient? _ownedHttp;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BinaryContract> _markets = new(StringComparer.Ordinal);
    private readonly string[] _marketChannels;
    private readonly Channel<Outgoing> _outbox =
        Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private long _malformedSnapshots;
    private long _commandsDropped;
    private volatile string? _lastCommandError;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait, signature timestamp and receive time comes from it.</param>
    /// <param name="auth">Signs the WebSocket handshake and REST requests; without it Kalshi refuses the WebSocket and the client polls REST.</param>
    /// <param name="http">Used for REST; one is created (and disposed with the client) when null.</param>
    /// <param name="recorder">Receives every WS and REST frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect and retry delays; <see cref="Random.Shared"/> when null.</param>
    public KalshiDataClient(KalshiDataOptions options, IMarketDataSink downstream, TimeProvider clock, KalshiAuth? auth,
        HttpClient? http = null, IFrameSink? recorder = null, Random? random = null)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _downstream = downstream;
        _clock = clock;
        _recorder = recorder;
        _parser = new KalshiParser(options.Pricing);
        _captureInstruments = new KalshiInstrumentProvider(_parser.Venue);
        _sync = new KalshiBookSync(downstream, _parser, BookTick);
        _sync.SnapshotRequested += OnSnapshotRequested;
        _sync.ResubscribeRequested += OnResubscribeRequested;
        _parser.ControlReceived += OnControl;
        _parser.IndexTickReceived += tick => IndexTickReceived?.Invoke(tick);
        _marketChannels = MarketChannels(options);
        random ??= Random.Shared;
        var settings = options.Connection;
        _connection = new FeedConnection(_parser.Venue, options.WebSocketUri, settings, this, clock, random)
        {
            HandshakeHeaders = auth is null ? null : () => auth.SignWebSocketHandshake().ToHeaders(),
        };
        _connection.ConnectFailed += OnConnectFailed;
        if (http is null)
        {
            _ownedHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // request timeouts run on the feed's clock
            http = _ownedHttp;
        }

        _rest = new KalshiRestClient(http, options.RestBaseUri, clock, auth, settings.RestTimeout, settings.MaxRestBytes);
        _pollBackoff = new ReconnectBackoff(settings.ReconnectDelayInitial, settings.ReconnectDelayMax, settings.ReconnectJitter, new Random(random.Next()));
        foreach (var ticker in options.Markets)
        {
            AddMarket(_captureInstruments.FromCapture(new InstrumentId(_parser.Venue, ticker)));
        }
    }

    public string Name => _parser.Venue;

    /// <summary>The supervised socket (state, StateChanged, RequestReconnect).</summary>
    public FeedConnection Connection => _connection;

    /// <summary>The REST client this feed polls with (signed when credentials were given); a tracker may share it.</summary>
    public KalshiRestClient Rest => _rest;

    public IBookSyncStats BookStats => _sync;

    /// <summary>Commands that found the outbox full (each forced a reconnect).</summary>
    public long CommandsDropped => Interlocked.Read(ref _commandsDropped);

    /// <summary>A CF Benchmarks index tick (cfbenchmarks_value). Raised on the receive loop under the client's lock: do not block.</summary>
    public event Action<KalshiIndexTick>? IndexTickReceived;

    /// <summary>The markets followed now, by ticker.</summary>
    public IReadOnlyList<string> ActiveMarkets
    {
        get
        {
            lock (_gate)
            {
                return [.. _markets.Keys];
            }
        }
    }

    public Task RunAsync(CancellationToken ct) => FeedTasks.RunTogetherAsync(RunModesAsync, SendLoopAsync, ct);

    public FeedHealth GetHealth()
    {
        var health = _connection.GetHealth();
        lock (_gate)
        {
            return health with
            {
                Feed = Name,
                StateText = _mode == KalshiFeedMode.RestPolling ? PollingStateText() : health.StateText,
                MalformedFrames = health.MalformedFrames + Interlocked.Read(ref _malformedSnapshots),
                Gaps = _sync.Gaps,
                Resyncs = _sync.Resyncs,
                SnapshotFetches = Interlocked.Read(ref _polls),
                SnapshotFailures = Interlocked.Read(ref _pollFailures),
                LastSnapshotError = _lastPollError,
                LastError = health.LastError ?? _lastCommandError,
            };
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _ownedHttp?.Dispose();
    }

    async ValueTask IFeedHandler.OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        List<string> commands;
        lock (_gate)
        {
            _connectionNumber = connectionNumber;
            _failedConnects = 0;
            _commands.Clear();
            _sids.Clear();
            commands = [.. _markets.Keys.SelectMany(SubscribeMarket)];
            if (_options.IndexIds.Count > 0)
            {
                commands.Add(SubscribeIndices());
            }
        }

        _signals.Writer.TryWrite(ModeSignal.Connected);
        foreach (var command in commands)
        {
            await connection.SendTextAsync(command, ct).ConfigureAwait(false);
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
            _connectionNumber = 0; // commands still queued for the old connection are dropped by the send loop
            _commands.Clear();
            _sids.Clear();
            _sync.OnReconnect(tsNs);
        }
    }

    /// <summary>The bucket width of the market's engine book: its grid's finest step (the tapered grid's 0.001 when unknown).</summary>
    private Price BookTick(InstrumentId instrument) =>
        _markets.TryGetValue(instrument.Symbol, out var contract) ? contract.MinTick : _captureInstruments.FromCapture(instrument).MinTick;

    private static string[] MarketChannels(KalshiDataOptions options)
    {
        var channels = new List<string> { KalshiCommands.OrderbookDeltaChannel };
        if (options.Tickers)
        {
            channels.Add(KalshiCommands.TickerChannel);
        }

        if (options.Trades)
        {
            channels.Add(KalshiCommands.TradeChannel);
        }

        return [.. channels];
    }

    private readonly record struct Outgoing(long Connection, string Text);
}
