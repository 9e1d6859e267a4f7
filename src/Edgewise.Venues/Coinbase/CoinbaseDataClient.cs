// Coinbase Advanced Trade live market data (FACTS §1.2-1.3) on StreamSnapshotFeedClient: one supervised connection
// subscribing level2, market_trades, ticker and heartbeats (one channel per message); level2 answers with a snapshot per
// product, so there is no REST.
//   gap        -> sequence_num counts every message of the connection (the parser reports each one to the sync); on a
//                 break the sync marks every book unhealthy and asks for each product again -> unsubscribe + subscribe
//                 level2 for it, which brings a fresh snapshot.
//   disconnect -> sequence numbers start again with the next connection.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Coinbase;

public sealed class CoinbaseDataClient : StreamSnapshotFeedClient
{
    private readonly InstrumentId[] _instruments;
    private readonly IReadOnlyList<string> _subscribeMessages;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait (backoff, staleness, timeouts) and every receive time comes from it.</param>
    /// <param name="recorder">Receives every WS frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect delays; <see cref="Random.Shared"/> when null.</param>
    public CoinbaseDataClient(CoinbaseDataOptions options, IMarketDataSink downstream, TimeProvider clock,
        IFrameSink? recorder = null, Random? random = null)
        : this(Validated(options), new CoinbaseParser(maxFrameBytes: options.Connection.MaxMessageBytes),
            new CoinbaseBookSync(downstream ?? throw new ArgumentNullException(nameof(downstream))), clock, recorder, random)
    {
    }

    private CoinbaseDataClient(CoinbaseDataOptions options, CoinbaseParser parser, CoinbaseBookSync sync, TimeProvider clock,
        IFrameSink? recorder, Random? random)
        : base(parser, sync, sync, sync.OnReconnect, options.WebSocketUri, options.Connection, clock, recorder, random)
    {
        _instruments = [.. options.ProductIds.Select(parser.Symbols.Get)];
        _subscribeMessages = options.SubscribeMessages();
        parser.SequenceObserved += sync.OnSequence;
        sync.SnapshotRequested += RequestRenewal;
    }

    /// <summary>The configured products' instruments (register these with the engine).</summary>
    public IReadOnlyList<InstrumentId> Instruments => _instruments;

    protected override IEnumerable<string> SubscribeMessages() => _subscribeMessages;

    protected override IReadOnlyList<string> RenewMessages(string symbol) => CoinbaseDataOptions.RenewLevel2Messages(symbol);

    private static CoinbaseDataOptions Validated(CoinbaseDataOptions options)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        return options;
    }
}
