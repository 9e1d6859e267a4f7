using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kraken;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>A Kraken data client wired to a fake venue on 127.0.0.1, a manual clock and an awaiting sink.</summary>
internal sealed class KrakenFeedHarness : IAsyncDisposable
{
    /// <summary>
    /// The first book at price precision 1 and qty precision 8 (BTC/USD): bids 50000.0 x 1.0, 49999.5 x 2.0; asks 50001.0 x 1.5,
    /// 50002.0 x 3.0. Checksum string: asks "500010" "150000000" "500020" "300000000", then bids "500000" "100000000" "499995" "200000000".
    /// </summary>
    public static readonly string FirstSnapshot = KrakenWire.Book("snapshot",
        [("50000.0", "1.00000000"), ("49999.5", "2.00000000")], [("50001.0", "1.50000000"), ("50002.0", "3.00000000")],
        "500010150000000500020300000000" + "500000100000000499995200000000");

    /// <summary>
    /// Adds bid 50000.5 x 0.5 and removes ask 50001.0: asks 50002.0 x 3; bids 50000.5 x 0.5, 50000.0 x 1, 49999.5 x 2. In the checksum
    /// 0.5 at 8 decimals is "0.50000000", which loses its '.' and leading zero: "50000000".
    /// </summary>
    public static readonly string FirstUpdate = KrakenWire.Book("update",
        [("50000.5", "0.50000000")], [("50001.0", "0.00000000")],
        "500020300000000" + "50000550000000" + "500000100000000" + "499995200000000");

    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    private KrakenFeedHarness(SimVenueServer server) => Server = server;

    public SimVenueServer Server { get; }

    public ManualTimeProvider Clock { get; } = new();

    public AwaitingSink Sink { get; } = new();

    public KrakenDataClient Client { get; private set; } = null!;

    public FeedWaits Waits { get; private set; } = null!;

    public InstrumentId Btc => Client.Instruments[0];

    public static async Task<KrakenFeedHarness> StartAsync(Func<FeedConnectionSettings, FeedConnectionSettings>? settings = null, IFrameSink? recorder = null)
    {
        var harness = new KrakenFeedHarness(await SimVenueServer.StartAsync());
        var connection = FeedTestSettings.Connection();
        var options = new KrakenDataOptions { WebSocketUri = new Uri(harness.Server.WebSocketUri, "/v2"), Connection = settings is null ? connection : settings(connection) };
        harness.Client = new KrakenDataClient(options, harness.Sink, harness.Clock, recorder, FeedTestSettings.Random());
        harness.Waits = new FeedWaits(harness.Client.Connection);
        return harness;
    }

    /// <summary>Starts the client, checks its subscriptions, and brings the book to healthy with <see cref="FirstSnapshot"/> and <see cref="FirstUpdate"/>.</summary>
    public async Task<SimWebSocketConnection> RunHealthyAsync()
    {
        _run = Client.RunAsync(_stop.Token);
        var ws = await SubscribedConnectionAsync([KrakenWire.SubscribeBook, KrakenWire.SubscribeTrade, KrakenWire.SubscribeTicker]);
        await ws.SendTextAsync(FirstSnapshot);
        await ws.SendTextAsync(FirstUpdate);
        await Sink.WaitUntilAsync(s => s.IsHealthyWith(Btc, "50000.5 x 0.5", "50002 x 3"), "the first Kraken book healthy");
        return ws;
    }

    /// <summary>The next connection, after checking its subscribe messages and answering each with an ack.</summary>
    public async Task<SimWebSocketConnection> SubscribedConnectionAsync(string[] expected)
    {
        var ws = await Server.NextConnectionAsync();
        Assert.Equal(expected, await ws.WaitForMessagesAsync(3));
        Assert.Equal("/v2", ws.Path);
        foreach (var (channel, reqId) in new[] { ("book", 1), ("trade", 2), ("ticker", 3) })
        {
            await ws.SendTextAsync(KrakenWire.Ack(channel, reqId));
        }

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
