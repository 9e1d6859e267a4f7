using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>A Binance.US data client wired to a fake venue on 127.0.0.1, a manual clock and an awaiting sink.</summary>
internal sealed class BinanceUsFeedHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    private BinanceUsFeedHarness(SimVenueServer server) => Server = server;

    public SimVenueServer Server { get; private set; }

    public ManualTimeProvider Clock { get; } = new();

    public AwaitingSink Sink { get; } = new();

    public BinanceUsDataClient Client { get; private set; } = null!;

    public FeedWaits Waits { get; private set; } = null!;

    public InstrumentId Btc => Client.Instruments[0];

    public static async Task<BinanceUsFeedHarness> StartAsync(
        Func<FeedConnectionSettings, FeedConnectionSettings>? settings = null, IFrameSink? recorder = null, IMarketDataSink? downstream = null)
    {
        var harness = new BinanceUsFeedHarness(await SimVenueServer.StartAsync());
        harness.Client = new BinanceUsDataClient(harness.Options(settings), downstream ?? harness.Sink, harness.Clock, recorder: recorder, random: FeedTestSettings.Random());
        harness.Waits = new FeedWaits(harness.Client.Connection);
        return harness;
    }

    public BinanceUsDataOptions Options(Func<FeedConnectionSettings, FeedConnectionSettings>? settings = null) => new()
    {
        WebSocketBaseUri = Server.WebSocketUri,
        RestBaseUri = Server.HttpUri,
        Connection = settings is null ? FeedTestSettings.Connection() : settings(FeedTestSettings.Connection()),
    };

    /// <summary>Starts the client (call after scripting the REST snapshot).</summary>
    public void Run() => _run = Client.RunAsync(_stop.Token);

    /// <summary>Starts the client and brings the book to healthy from <see cref="BinanceUsWire.FirstSnapshot"/> and delta (101,102).</summary>
    public async Task<SimWebSocketConnection> RunHealthyAsync()
    {
        Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.FirstSnapshot());
        Run();
        var ws = await Server.NextConnectionAsync();
        await ws.SendTextAsync(BinanceUsWire.Depth(101, 102, bids: """[["50000.50","0.50000000"]]""", asks: """[["50001.00","0.00000000"]]"""));
        // Snapshot bids 50000 x 1, 49999 x 2 / asks 50001 x 1.5, 50002 x 3; the delta adds bid 50000.50 x 0.5 and
        // removes ask 50001: best bid 50000.5 x 0.5, best ask 50002 x 3.
        await Sink.WaitUntilAsync(s => s.IsHealthyWith(Btc, "50000.5 x 0.5", "50002 x 3"), "the first book healthy");
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
