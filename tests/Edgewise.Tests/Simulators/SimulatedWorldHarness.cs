using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Simulators;
using Edgewise.Simulators.Market;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Bitstamp;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kraken;

namespace Edgewise.Tests.Simulators;

/// <summary>
/// A started SimulatedMarkets on a manual clock with the REAL spot data clients connected to it, each feeding its own awaiting sink
/// (and a frame recorder). The clock moves only through <see cref="AdvanceAsync"/>, one step at a time, waiting after each step
/// until every frame the world queued has been handed to the sockets, so the clients are never far behind the clock.
/// </summary>
internal sealed class SimulatedWorldHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _runs = [];
    private readonly List<IDisposable> _owned = [];

    private SimulatedWorldHarness(SimulatedMarkets markets, ManualTimeProvider clock)
    {
        Markets = markets;
        Clock = clock;
    }

    public SimulatedMarkets Markets { get; }

    public ManualTimeProvider Clock { get; }

    public List<SpotFeed> Spots { get; } = [];

    public CancellationToken Stopping => _stop.Token;

    /// <summary>Connection settings for the clients: the feed tests' ones with room for whole-book snapshots.</summary>
    public static FeedConnectionSettings Connection(TimeSpan? staleAfter = null) => FeedTestSettings.Connection() with
    {
        MaxMessageBytes = 1024 * 1024,
        StaleAfter = staleAfter ?? TimeSpan.FromSeconds(30),
    };

    public static async Task<SimulatedWorldHarness> StartAsync(int seed = 7, DateTimeOffset? start = null, bool feedOutages = false, bool flashCrashes = false)
    {
        var clock = new ManualTimeProvider(start ?? ManualTimeProvider.DefaultStart);
        var markets = await SimulatedMarkets.StartAsync(
            new SimulatedMarketsOptions { Seed = seed, Clock = clock, FeedOutages = feedOutages, FlashCrashes = flashCrashes }, CancellationToken.None);
        return new SimulatedWorldHarness(markets, clock);
    }

    /// <summary>Connects the four real spot clients and runs them.</summary>
    public void RunSpotClients(TimeSpan? staleAfter = null)
    {
        var settings = Connection(staleAfter);
        Add(CoinbaseParser.VenueName, "BTC-USD", Markets.Coinbase, (sink, recorder) =>
            new CoinbaseDataClient(new CoinbaseDataOptions { WebSocketUri = Markets.CoinbaseWebSocket, Connection = settings }, sink, Clock, recorder, FeedTestSettings.Random()));
        Add(KrakenParser.VenueName, "BTC/USD", Markets.Kraken, (sink, recorder) =>
            new KrakenDataClient(new KrakenDataOptions
            {
                WebSocketUri = Markets.KrakenWebSocket,
                Connection = settings with { AppPingInterval = TimeSpan.FromSeconds(30), AppPingMessage = KrakenDataOptions.PingMessage },
            }, sink, Clock, recorder, FeedTestSettings.Random()));
        Add(BitstampParser.VenueName, "btcusd", Markets.Bitstamp, (sink, recorder) =>
            new BitstampDataClient(new BitstampDataOptions { WebSocketUri = Markets.BitstampWebSocket, RestBaseUri = Markets.BitstampRest, Connection = settings },
                sink, Clock, recorder: recorder, random: FeedTestSettings.Random()));
        Add(BinanceUsParser.VenueName, "BTCUSD", Markets.BinanceUs, (sink, recorder) =>
            new BinanceUsDataClient(new BinanceUsDataOptions
            {
                WebSocketBaseUri = Markets.BinanceUsWebSocket,
                RestBaseUri = Markets.BinanceUsRest,
                Symbols = ["BTCUSD"],
                Connection = settings,
            }, sink, Clock, recorder: recorder, random: FeedTestSettings.Random()));
    }

    /// <summary>Runs something until the harness stops (a Kalshi client, a tracker).</summary>
    public void Track(Task run) => _runs.Add(run);

    public void Own(IDisposable disposable) => _owned.Add(disposable);

    /// <summary>
    /// Waits until every spot client has subscribed everything, then moves the clock one step (Bitstamp asks for its REST snapshot
    /// only once a diff arrived) and waits until every book is in sync.
    /// </summary>
    public async Task StartSpotClientsAsync(TimeSpan? staleAfter = null, Func<Task>? beforeFirstStep = null)
    {
        RunSpotClients(staleAfter);
        foreach (var feed in Spots)
        {
            await feed.Venue.WaitForSubscribedClientAsync(SimVenueServer.DefaultTimeout);
        }

        if (beforeFirstStep is not null)
        {
            await beforeFirstStep();
        }

        await AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
        await SpotBooksSyncedAsync();
    }

    /// <summary>Waits until every spot book is healthy and equal at the touch to its venue's book.</summary>
    public async Task SpotBooksSyncedAsync()
    {
        foreach (var feed in Spots)
        {
            var (bid, ask) = Touch(feed.Venue);
            await feed.Sink.WaitUntilAsync(s => s.HealthOf(feed.Instrument) == BookHealth.Healthy && s.Best(feed.Instrument) == (bid, ask),
                $"{feed.Instrument} healthy at the venue's touch {bid} / {ask}");
        }
    }

    /// <summary>Moves the clock <paramref name="total"/> in <paramref name="step"/>s, each followed by the world's queues draining.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null, Func<Task>? afterEachStep = null)
    {
        var each = step ?? TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < total; moved += each)
        {
            Clock.Advance(each);
            await Markets.DrainAsync().WaitAsync(SimVenueServer.DefaultTimeout);
            if (afterEachStep is not null)
            {
                await afterEachStep();
            }
        }
    }

    /// <summary>The venue's best bid and ask as "price x size" the way AwaitingSink prints them.</summary>
    public (string Bid, string Ask) Touch(SpotVenueSim venue)
    {
        lock (Markets.World)
        {
            var bid = venue.Book.Bids.First();
            var ask = venue.Book.Asks.First();
            return ($"{Price.FromDecimal(bid.Key)} x {Quantity.FromDecimal(bid.Value)}", $"{Price.FromDecimal(ask.Key)} x {Quantity.FromDecimal(ask.Value)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_runs).WaitAsync(SimVenueServer.DefaultTimeout);
        foreach (var feed in Spots)
        {
            ((IDisposable)feed.Client).Dispose();
        }

        foreach (var disposable in _owned)
        {
            disposable.Dispose();
        }

        await Markets.DisposeAsync();
        _stop.Dispose();
    }

    private void Add(string venue, string symbol, SpotVenueSim sim, Func<IMarketDataSink, IFrameSink, IFeed> create)
    {
        var sink = new AwaitingSink();
        var recorder = new ListFrameSink();
        var client = create(sink, recorder);
        Spots.Add(new SpotFeed(new InstrumentId(venue, symbol), sim, client, sink, recorder));
        _runs.Add(client.RunAsync(_stop.Token));
    }

    /// <summary>One real spot client against its simulated venue.</summary>
    public sealed record SpotFeed(InstrumentId Instrument, SpotVenueSim Venue, IFeed Client, AwaitingSink Sink, ListFrameSink Recorder);
}
