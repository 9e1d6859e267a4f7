// Binance.US live market data (FACTS §4.1-4.3): one combined-stream connection (depth, trades, bookTicker for
// every symbol) through a supervised FeedConnection, and REST depth snapshots through a SnapshotFetcher.
// Frames go parser -> BinanceUsBookSync -> downstream (the engine inbox), and to the recorder when given.
//   connect      -> a new snapshot generation; a snapshot is requested per symbol (deltas buffer in the sync
//                   meanwhile, and those the snapshot covers are dropped when it lands).
//   gap          -> the sync reports the book unhealthy and raises SnapshotRequested -> refetch.
//   disconnect   -> the sync's books go back to AwaitingSnapshot and replies still in flight are discarded, so
//                   every reconnect resyncs from a fresh snapshot.
// The connection, snapshot loop, locking and health are RestSnapshotFeedClient's; this file holds what is Binance's.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.BinanceUs;

public sealed class BinanceUsDataClient : RestSnapshotFeedClient
{
    private readonly BinanceUsDataOptions _options;
    private readonly InstrumentId[] _instruments;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="downstream">Where validated market data goes (the engine's inbox); called under the client's lock, so it must not block.</param>
    /// <param name="clock">Every wait (backoff, staleness, timeouts) and every receive time comes from it.</param>
    /// <param name="http">Used for REST snapshots; one is created (and disposed with the client) when null.</param>
    /// <param name="recorder">Receives every WS and REST frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect and retry delays; <see cref="Random.Shared"/> when null.</param>
    public BinanceUsDataClient(BinanceUsDataOptions options, IMarketDataSink downstream, TimeProvider clock,
        HttpClient? http = null, IFrameSink? recorder = null, Random? random = null)
        : this(Validated(options), new BinanceUsParser(), new BinanceUsBookSync(downstream ?? throw new ArgumentNullException(nameof(downstream))),
            clock, http, recorder, random)
    {
    }

    private BinanceUsDataClient(BinanceUsDataOptions options, BinanceUsParser parser, BinanceUsBookSync sync, TimeProvider clock,
        HttpClient? http, IFrameSink? recorder, Random? random)
        : base(parser, sync, sync, sync.OnReconnect, options.StreamUri(), options.RestBaseUri, options.Connection, clock, http, recorder, random)
    {
        _options = options;
        _instruments = [.. options.Symbols.Select(parser.Symbols.Get)];
        sync.SnapshotRequested += OnSnapshotRequested;
    }

    public override IReadOnlyList<InstrumentId> Instruments => _instruments;

    protected override string SnapshotName => "depth response";

    protected override ValueTask OnConnectedAsync(FeedConnection connection, CancellationToken ct)
    {
        // The combined-stream URL is the subscription; the snapshots are fetched now that deltas are being buffered.
        lock (Gate)
        {
            foreach (var symbol in _options.Symbols)
            {
                Snapshots.Request(_options.SnapshotEndpoint(symbol));
            }
        }

        return ValueTask.CompletedTask;
    }

    private static BinanceUsDataOptions Validated(BinanceUsDataOptions options)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        return options;
    }

    /// <summary>Raised by the sync inside a parse (under the lock): queue a fetch, never wait for it here.</summary>
    private void OnSnapshotRequested(InstrumentId instrument) => Snapshots.Request(_options.SnapshotEndpoint(instrument.Symbol));
}
