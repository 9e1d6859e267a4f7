using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Coinbase;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>A Coinbase data client wired to a fake venue on 127.0.0.1, a manual clock and an awaiting sink.</summary>
internal sealed class CoinbaseFeedHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    private CoinbaseFeedHarness(SimVenueServer server) => Server = server;

    public SimVenueServer Server { get; }

    public ManualTimeProvider Clock { get; } = new();

    public AwaitingSink Sink { get; } = new();

    public CoinbaseDataClient Client { get; private set; } = null!;

    public FeedWaits Waits { get; private set; } = null!;

    public InstrumentId Btc => Client.Instruments[0];

    public static async Task<CoinbaseFeedHarness> StartAsync(IFrameSink? recorder = null)
    {
        var harness = new CoinbaseFeedHarness(await SimVenueServer.StartAsync());
        var options = new CoinbaseDataOptions { WebSocketUri = new Uri(harness.Server.WebSocketUri, "/"), Connection = FeedTestSettings.Connection() };
        harness.Client = new CoinbaseDataClient(options, harness.Sink, harness.Clock, recorder, FeedTestSettings.Random());
        harness.Waits = new FeedWaits(harness.Client.Connection);
        return harness;
    }

    /// <summary>
    /// Starts the client, checks its subscriptions, and brings the book to healthy: ack (seq 1), snapshot (seq 2: bids
    /// 50000.00 x 1, 49999.00 x 2 / asks 50001.00 x 1.5, 50002.00 x 3, interleaved as Coinbase sends them), update (seq 3).
    /// </summary>
    public async Task<SimWebSocketConnection> RunHealthyAsync()
    {
        _run = Client.RunAsync(_stop.Token);
        var ws = await SubscribedConnectionAsync();
        await ws.SendTextAsync(CoinbaseWire.Subscriptions(1));
        await ws.SendTextAsync(CoinbaseWire.L2(2, "snapshot",
            ("offer", "50002.00", "3.00000000"), ("bid", "50000.00", "1.00000000"), ("offer", "50001.00", "1.50000000"), ("bid", "49999.00", "2.00000000")));
        await ws.SendTextAsync(CoinbaseWire.L2(3, "update", ("bid", "50000.50", "0.50000000"), ("offer", "50001.00", "0")));
        // The update adds bid 50000.50 x 0.5 and removes ask 50001: best bid 50000.5 x 0.5, best ask 50002 x 3.
        await Sink.WaitUntilAsync(s => s.IsHealthyWith(Btc, "50000.5 x 0.5", "50002 x 3"), "the first Coinbase book healthy");
        return ws;
    }

    /// <summary>The next connection, after checking it subscribed level2, market_trades, ticker and heartbeats, one per message.</summary>
    public async Task<SimWebSocketConnection> SubscribedConnectionAsync()
    {
        var ws = await Server.NextConnectionAsync();
        Assert.Equal([CoinbaseWire.SubscribeLevel2, CoinbaseWire.SubscribeTrades, CoinbaseWire.SubscribeTicker, CoinbaseWire.SubscribeHeartbeats],
            await ws.WaitForMessagesAsync(4));
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
