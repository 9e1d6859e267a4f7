using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Bitstamp;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>A Bitstamp data client wired to a fake venue on 127.0.0.1, a manual clock and an awaiting sink.</summary>
internal sealed class BitstampFeedHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    private BitstampFeedHarness(SimVenueServer server, ManualTimeProvider clock)
    {
        Server = server;
        Clock = clock;
    }

    public SimVenueServer Server { get; }

    public ManualTimeProvider Clock { get; }

    public AwaitingSink Sink { get; } = new();

    public BitstampDataClient Client { get; private set; } = null!;

    public FeedWaits Waits { get; private set; } = null!;

    public InstrumentId Btc => Client.Instruments[0];

    /// <param name="clock">Shared with another feed in isolation tests; a new one when null.</param>
    public static async Task<BitstampFeedHarness> StartAsync(ManualTimeProvider? clock = null)
    {
        var harness = new BitstampFeedHarness(await SimVenueServer.StartAsync(), clock ?? new ManualTimeProvider());
        var options = new BitstampDataOptions
        {
            WebSocketUri = new Uri(harness.Server.WebSocketUri, "/"),
            RestBaseUri = harness.Server.HttpUri,
            Connection = FeedTestSettings.Connection(),
        };
        harness.Client = new BitstampDataClient(options, harness.Sink, harness.Clock, random: FeedTestSettings.Random());
        harness.Waits = new FeedWaits(harness.Client.Connection);
        return harness;
    }

    public void Run() => _run = Client.RunAsync(_stop.Token);

    /// <summary>
    /// Starts the client, checks its subscriptions, and brings the book to healthy: diff at 1000 µs (buffered, asks for the
    /// snapshot), snapshot at 1500 µs (bids 50000 x 1, 49990 x 2 / asks 50010 x 1, 50020 x 2), then diff at 2000 µs.
    /// </summary>
    public async Task<SimWebSocketConnection> RunHealthyAsync()
    {
        Server.Respond(BitstampWire.BookPath, BitstampWire.Snapshot(1500, """[["50000.00","1.00000000"],["49990.00","2.00000000"]]""",
            """[["50010.00","1.00000000"],["50020.00","2.00000000"]]"""));
        Run();
        var ws = await SubscribedConnectionAsync();
        await ws.SendTextAsync(BitstampWire.Diff(1000, bids: """[["50005.00","7.00000000"]]"""));
        await ws.SendTextAsync(BitstampWire.Diff(2000, bids: """[["50001.00","0.50000000"]]""", asks: """[["50010.00","0.00000000"]]"""));
        // The 1000 µs diff is older than the snapshot and dropped (its 50005 bid never shows); the 2000 µs one adds bid
        // 50001 x 0.5 and removes ask 50010: best bid 50001 x 0.5, best ask 50020 x 2.
        await Sink.WaitUntilAsync(s => s.IsHealthyWith(Btc, "50001 x 0.5", "50020 x 2"), "the first Bitstamp book healthy");
        return ws;
    }

    /// <summary>The next connection, after checking it subscribed to the diff book and the trades of btcusd, in that order.</summary>
    public async Task<SimWebSocketConnection> SubscribedConnectionAsync()
    {
        var ws = await Server.NextConnectionAsync();
        Assert.Equal(BitstampWire.SubscribeDiff, await ws.NextMessageAsync());
        Assert.Equal(BitstampWire.SubscribeTrades, await ws.NextMessageAsync());
        await ws.SendTextAsync(BitstampWire.Subscribed("diff_order_book_btcusd"));
        await ws.SendTextAsync(BitstampWire.Subscribed("live_trades_btcusd"));
        return ws;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(SimVenueServer.DefaultTimeout);
        }

        Client.Dispose();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
