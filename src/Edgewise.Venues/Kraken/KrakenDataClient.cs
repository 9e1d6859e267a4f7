// Kraken WebSocket v2 live market data (FACTS §2.2-2.4) on StreamSnapshotFeedClient: one supervised connection
// subscribing book (depth and snapshot), trade and ticker. Kraken books carry no sequence numbers but a CRC32 per message;
// the sync needs each symbol's price and qty precision before the first book message, so every configured symbol is
// registered at construction with its precision from the options.
//   checksum failure -> the sync marks the book unhealthy and asks for the symbol again -> unsubscribe + subscribe book
//                       for it, which brings a fresh snapshot.
//   keep-alive       -> the connection's watchdog sends {"method":"ping"} on the feed's clock (see the options).
// Every request carries a req_id from one counter per client, so replies can be told apart in a capture.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kraken;

public sealed class KrakenDataClient : StreamSnapshotFeedClient
{
    private readonly KrakenDataOptions _options;
    private readonly InstrumentId[] _instruments;
    private long _lastReqId;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait (backoff, staleness, pings, timeouts) and every receive time comes from it.</param>
    /// <param name="recorder">Receives every WS frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect delays; <see cref="Random.Shared"/> when null.</param>
    public KrakenDataClient(KrakenDataOptions options, IMarketDataSink downstream, TimeProvider clock,
        IFrameSink? recorder = null, Random? random = null)
        : this(Validated(options), new KrakenParser(maxFrameBytes: options.Connection.MaxMessageBytes),
            new KrakenBookSync(downstream ?? throw new ArgumentNullException(nameof(downstream))), clock, recorder, random)
    {
    }

    private KrakenDataClient(KrakenDataOptions options, KrakenParser parser, KrakenBookSync sync, TimeProvider clock,
        IFrameSink? recorder, Random? random)
        : base(parser, sync, sync, sync.OnReconnect, options.WebSocketUri, options.Connection, clock, recorder, random)
    {
        _options = options;
        _instruments = [.. options.Symbols.Select(parser.Symbols.Get)];
        foreach (var instrument in _instruments)
        {
            var precision = options.PrecisionOf(instrument.Symbol);
            sync.Register(instrument, precision.Price, precision.Qty, options.BookDepth);
        }

        sync.ResubscribeRequested += RequestRenewal;
    }

    /// <summary>The configured symbols' instruments (register these with the engine).</summary>
    public IReadOnlyList<InstrumentId> Instruments => _instruments;

    protected override IEnumerable<string> SubscribeMessages() =>
        _options.Channels().Select(channel => _options.SubscribeMessage(channel, _options.Symbols, NextReqId()));

    protected override IReadOnlyList<string> RenewMessages(string symbol) =>
        [_options.UnsubscribeBookMessage(symbol, NextReqId()), _options.SubscribeMessage("book", [symbol], NextReqId())];

    private static KrakenDataOptions Validated(KrakenDataOptions options)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        return options;
    }

    private long NextReqId() => Interlocked.Increment(ref _lastReqId);
}
