// Kraken WebSocket v2 live market data (FACTS §2.2-2.4), on the pattern of BinanceUsDataClient: one supervised
// connection subscribing book (depth and snapshot), trade and ticker, frames going parser -> KrakenBookSync ->
// downstream (and to the recorder when given). Kraken books carry no sequence numbers but a CRC32 per message;
// the sync needs each symbol's price and qty precision before the first book message, so every configured symbol
// is registered at construction with its precision from the options. The snapshot comes in the stream, so a
// SubscriptionRenewer takes the place of a REST fetcher.
//   connect           -> subscribe messages; book answers with a snapshot per symbol.
//   checksum failure  -> the sync marks the book unhealthy and raises ResubscribeRequested -> unsubscribe +
//                        subscribe book for the symbol, which brings a fresh snapshot.
//   disconnect        -> the sync's OnReconnect: books wait for the next connection's snapshots; queued
//                        renewals are dropped.
//   keep-alive        -> the connection's watchdog sends {"method":"ping"} on the feed's clock (see the options).
// Every request carries a req_id from one counter per client, so replies can be told apart in a capture.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kraken;

public sealed class KrakenDataClient : IFeed, IFeedHandler, IDisposable
{
    private readonly KrakenDataOptions _options;
    private readonly IFrameSink? _recorder;
    private readonly KrakenParser _parser;
    private readonly KrakenBookSync _sync;
    private readonly FeedConnection _connection;
    private readonly SubscriptionRenewer _renewer;
    private readonly Lock _gate = new();
    private readonly InstrumentId[] _instruments;
    private long _lastReqId;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait (backoff, staleness, pings, timeouts) and every receive time comes from it.</param>
    /// <param name="recorder">Receives every WS frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect delays; <see cref="Random.Shared"/> when null.</param>
    public KrakenDataClient(KrakenDataOptions options, IMarketDataSink downstream, TimeProvider clock,
        IFrameSink? recorder = null, Random? random = null)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _recorder = recorder;
        _parser = new KrakenParser(maxFrameBytes: options.Connection.MaxMessageBytes);
        _instruments = [.. options.Symbols.Select(_parser.Symbols.Get)];
        _sync = new KrakenBookSync(downstream);
        foreach (var instrument in _instruments)
        {
            var precision = options.PrecisionOf(instrument.Symbol);
            _sync.Register(instrument, precision.Price, precision.Qty, options.BookDepth);
        }

        _sync.ResubscribeRequested += OnResubscribeRequested;
        _connection = new FeedConnection(_parser.Venue, options.WebSocketUri, options.Connection, this, clock, random);
        _renewer = new SubscriptionRenewer(_connection, RenewBookMessages);
    }

    public string Name => _parser.Venue;

    /// <summary>The configured symbols' instruments (register these with the engine).</summary>
    public IReadOnlyList<InstrumentId> Instruments => _instruments;

    /// <summary>The supervised socket (state, StateChanged, RequestReconnect).</summary>
    public FeedConnection Connection => _connection;

    public IBookSyncStats BookStats => _sync;

    /// <summary>The book resubscriptions sent after checksum failures (counters).</summary>
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

        foreach (var channel in _options.Channels())
        {
            await connection.SendTextAsync(_options.SubscribeMessage(channel, _options.Symbols, NextReqId()), ct).ConfigureAwait(false);
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
    private void OnResubscribeRequested(InstrumentId instrument) => _renewer.Request(instrument.Symbol);

    private IReadOnlyList<string> RenewBookMessages(string symbol) =>
        [_options.UnsubscribeBookMessage(symbol, NextReqId()), _options.SubscribeMessage("book", [symbol], NextReqId())];

    private long NextReqId() => Interlocked.Increment(ref _lastReqId);
}
