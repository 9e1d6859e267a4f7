// Coinbase Advanced Trade live market data (FACTS §1.2-1.3), on the pattern of BinanceUsDataClient: one
// supervised connection subscribing level2, market_trades, ticker and heartbeats (one channel per message),
// frames going parser -> CoinbaseBookSync -> downstream (and to the recorder when given). Coinbase sends book
// snapshots in the stream, so there is no REST: a SubscriptionRenewer takes the place of the snapshot fetcher.
//   connect     -> subscribe messages; level2 answers with a snapshot per product.
//   gap         -> sequence_num counts every message of the connection (the parser reports each one to the
//                  sync); on a break the sync marks every book unhealthy and raises SnapshotRequested per
//                  product -> unsubscribe + subscribe level2 for it, which brings a fresh snapshot.
//   disconnect  -> the sync's OnReconnect: sequence numbers start again and books wait for the snapshot of the
//                  next connection's subscription; queued renewals are dropped.
// The parser and sync are single-threaded: frames are parsed under one lock (the renewer only sends).
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Coinbase;

public sealed class CoinbaseDataClient : IFeed, IFeedHandler, IDisposable
{
    private readonly IFrameSink? _recorder;
    private readonly CoinbaseParser _parser;
    private readonly CoinbaseBookSync _sync;
    private readonly FeedConnection _connection;
    private readonly SubscriptionRenewer _renewer;
    private readonly Lock _gate = new();
    private readonly InstrumentId[] _instruments;
    private readonly IReadOnlyList<string> _subscribeMessages;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait (backoff, staleness, timeouts) and every receive time comes from it.</param>
    /// <param name="recorder">Receives every WS frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect delays; <see cref="Random.Shared"/> when null.</param>
    public CoinbaseDataClient(CoinbaseDataOptions options, IMarketDataSink downstream, TimeProvider clock,
        IFrameSink? recorder = null, Random? random = null)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentNullException.ThrowIfNull(clock);
        _recorder = recorder;
        _parser = new CoinbaseParser(maxFrameBytes: options.Connection.MaxMessageBytes);
        _instruments = [.. options.ProductIds.Select(_parser.Symbols.Get)];
        _subscribeMessages = options.SubscribeMessages();
        _sync = new CoinbaseBookSync(downstream);
        _parser.SequenceObserved += _sync.OnSequence;
        _sync.SnapshotRequested += OnSnapshotRequested;
        _connection = new FeedConnection(_parser.Venue, options.WebSocketUri, options.Connection, this, clock, random);
        _renewer = new SubscriptionRenewer(_connection, CoinbaseDataOptions.RenewLevel2Messages);
    }

    public string Name => _parser.Venue;

    /// <summary>The configured products' instruments (register these with the engine).</summary>
    public IReadOnlyList<InstrumentId> Instruments => _instruments;

    /// <summary>The supervised socket (state, StateChanged, RequestReconnect).</summary>
    public FeedConnection Connection => _connection;

    public IBookSyncStats BookStats => _sync;

    /// <summary>The level2 resubscriptions sent after gaps (counters).</summary>
    public SubscriptionRenewer Renewals => _renewer;

    public Task RunAsync(CancellationToken ct) => FeedTasks.RunTogetherAsync(_connection.RunAsync, _renewer.RunAsync, ct);

    public FeedHealth GetHealth() => _connection.GetHealth() with
    {
        Gaps = _sync.Gaps,
        Resyncs = _sync.Resyncs,
        ChecksumFailures = _sync.ChecksumFailures,
    };

    public void Dispose() => _connection.Dispose();

    async ValueTask IFeedHandler.OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        lock (_gate)
        {
            _renewer.Reset();
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
            _renewer.Reset();
            _sync.OnReconnect(tsNs);
        }
    }

    /// <summary>Raised by the sync inside a parse (under the lock): queue the resubscription, never send here.</summary>
    private void OnSnapshotRequested(InstrumentId instrument) => _renewer.Request(instrument.Symbol);
}
