// Bitstamp live market data (FACTS §3), on the pattern of BinanceUsDataClient: one supervised connection
// subscribing diff_order_book_{pair} (and live_trades_{pair}), REST order-book snapshots through a
// SnapshotFetcher, frames going parser -> BitstampBookSync -> downstream (and to the recorder when given).
//   connect             -> subscribe messages; the sync buffers the first diffs and asks for the snapshot itself,
//                          so it is fetched only once the diff stream is known to be running.
//   disconnect          -> the sync's OnReconnect: Bitstamp has no sequence numbers, so a lost connection may have
//                          lost diffs and every book resyncs; replies still in flight are discarded.
//   bts:request_reconnect (parser event) -> the connection is closed and reopened at once, without backoff.
// The connection, snapshot loop, locking and health are RestSnapshotFeedClient's; this file holds what is Bitstamp's.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Bitstamp;

public sealed class BitstampDataClient : RestSnapshotFeedClient
{
    /// <summary>The reason a venue-requested reconnect shows in the feed's state text.</summary>
    public const string RequestReconnectReason = "bts:request_reconnect";

    private readonly BitstampParser _parser;
    private readonly InstrumentId[] _instruments;
    private readonly string[] _subscribeMessages;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait (backoff, staleness, timeouts) and every receive time comes from it.</param>
    /// <param name="http">Used for REST snapshots; one is created (and disposed with the client) when null.</param>
    /// <param name="recorder">Receives every WS and REST frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect and retry delays; <see cref="Random.Shared"/> when null.</param>
    public BitstampDataClient(BitstampDataOptions options, IMarketDataSink downstream, TimeProvider clock,
        HttpClient? http = null, IFrameSink? recorder = null, Random? random = null)
        : this(Validated(options), ParserFor(options), new BitstampBookSync(downstream ?? throw new ArgumentNullException(nameof(downstream))),
            clock, http, recorder, random)
    {
    }

    private BitstampDataClient(BitstampDataOptions options, BitstampParser parser, BitstampBookSync sync, TimeProvider clock,
        HttpClient? http, IFrameSink? recorder, Random? random)
        : base(parser, sync, sync, sync.OnReconnect, options.WebSocketUri, options.RestBaseUri, options.Connection, clock, http, recorder, random)
    {
        _parser = parser;
        _instruments = [.. options.Pairs.Select(parser.Symbols.Get)];
        _subscribeMessages = [.. options.Channels().Select(BitstampDataOptions.SubscribeMessage)];
        parser.ReconnectRequested += OnReconnectRequested;
        sync.SnapshotRequested += OnSnapshotRequested;
    }

    public override IReadOnlyList<InstrumentId> Instruments => _instruments;

    /// <summary>bts:request_reconnect messages honoured.</summary>
    public long VenueReconnectRequests => _parser.ReconnectRequests;

    protected override string SnapshotName => "order book";

    /// <summary>
    /// Subscribes; the sync buffers the first diffs and asks for the snapshot itself, so it is fetched only once the
    /// diff stream is known to be running.
    /// </summary>
    protected override async ValueTask OnConnectedAsync(FeedConnection connection, CancellationToken ct)
    {
        foreach (var message in _subscribeMessages)
        {
            await connection.SendTextAsync(message, ct).ConfigureAwait(false);
        }
    }

    private static BitstampDataOptions Validated(BitstampDataOptions options)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        return options;
    }

    private static BitstampParser ParserFor(BitstampDataOptions options) =>
        new(maxFrameBytes: Math.Max(options.Connection.MaxMessageBytes, options.Connection.MaxRestBytes));

    /// <summary>Raised by the parser inside a parse: the connection ends after this frame and reopens at once.</summary>
    private void OnReconnectRequested(long tsRecv) => Connection.RequestReconnect(RequestReconnectReason);

    /// <summary>Raised by the sync inside a parse (under the lock): queue a fetch, never wait for it here.</summary>
    private void OnSnapshotRequested(InstrumentId instrument) => Snapshots.Request(BitstampDataOptions.SnapshotEndpoint(instrument.Symbol));
}
