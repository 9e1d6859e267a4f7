using System.Security.Cryptography;
using System.Threading.Channels;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Tests.Venues.Kalshi.Live;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Orders;

/// <summary>
/// A KalshiExecutionClient against a SimKalshiServer on 127.0.0.1 (real sockets) on a manual clock, with its events recorded. The
/// market is KalshiLiveHarness's (open 23:55 to 00:10, the clock starting at 00:00) with its book: YES bids 0.35 x 200, 0.42 x 13;
/// NO bids 0.54 x 400, 0.56 x 17, so YES asks are 0.44 x 17 and 0.46 x 400, NO asks 0.58 x 13 and 0.65 x 200.
/// </summary>
internal sealed class KalshiOrdersHarness : IAsyncDisposable
{
    public static readonly TimeSpan RestTimeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<KalshiAuth> _auths = [];
    private Task _run = Task.CompletedTask;

    private KalshiOrdersHarness(SimKalshiServer server, ManualTimeProvider clock)
    {
        Server = server;
        Clock = clock;
    }

    public static string Ticker => KalshiLiveHarness.Market.Ticker;

    public static BinaryContract Yes { get; } = Contract(Ticker);

    public static BinaryContract No { get; } = Contract(Ticker + ":no");

    public SimKalshiServer Server { get; }

    public ManualTimeProvider Clock { get; }

    public OrderEventRecorder Events { get; } = new();

    public KalshiExecutionClient Client { get; private set; } = null!;

    public Channel<TimeSpan> Retries { get; } = Channel.CreateUnbounded<TimeSpan>();

    public Channel<bool> SocketChanges { get; } = Channel.CreateUnbounded<bool>();

    public static async Task<KalshiOrdersHarness> StartAsync(bool badKey = false)
    {
        var clock = new ManualTimeProvider();
        var server = await SimKalshiServer.StartAsync(KalshiLiveHarness.ClientKey, KalshiLiveHarness.KeyId, clock);
        server.AddMarket(KalshiLiveHarness.Market);
        server.SetBook(Ticker, KalshiLiveHarness.YesBids, KalshiLiveHarness.NoBids);
        var harness = new KalshiOrdersHarness(server, clock);
        var auth = harness.Auth(badKey);
        var rest = new KalshiRestClient(harness._http, server.RestBaseUri, clock, auth, RestTimeout);
        harness.Client = new KalshiExecutionClient(new KalshiExecutionOptions
        {
            WebSocketUri = server.WebSocketUri,
            Connection = FeedTestSettings.Connection() with { StaleAfter = KalshiExecutionOptions.QuietStaleAfter },
        }, rest, auth, harness.Events, clock, FeedTestSettings.Random());
        harness.Client.RegisterMarket(Ticker, Yes, No);
        harness.Client.RetryScheduled += delay => harness.Retries.Writer.TryWrite(delay);
        harness.Client.FillSocketChanged += up => harness.SocketChanges.Writer.TryWrite(up);
        return harness;
    }

    /// <summary>Starts the client; with <paramref name="waitForFills"/>, returns once its WebSocket is subscribed to fills.</summary>
    public async Task<SimKalshiSession?> RunAsync(bool waitForFills = true)
    {
        _run = Client.RunAsync(_stop.Token);
        if (!waitForFills)
        {
            return null;
        }

        var session = await Server.NextSessionAsync();
        await session.WaitForSubscriptionAsync(KalshiCommands.FillChannel);
        Assert.True(await KalshiLiveHarness.NextAsync(SocketChanges, "the fill socket up"));
        return session;
    }

    public async Task<TimeSpan> NextRetryAsync() => await KalshiLiveHarness.NextAsync(Retries, "a scheduled retry");

    /// <summary>The requests with this method and path (from the host root).</summary>
    public IReadOnlyList<SimKalshiRequest> Requests(string method, string path) =>
        [.. Server.Requests.Where(r => r.Method == method && r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(SimVenueServer.DefaultTimeout);
        Client.Dispose();
        await Server.DisposeAsync();
        _http.Dispose();
        foreach (var auth in _auths)
        {
            auth.Dispose();
        }

        _stop.Dispose();
    }

    private static BinaryContract Contract(string symbol) =>
        new(new InstrumentId(KalshiParser.VenueName, symbol), new KalshiFeeModel(KalshiFeeType.Quadratic), TickGrid.TaperedDeciCent,
            Quantity.FromDecimal(0.01m), KalshiLiveHarness.Market.OpenTime, KalshiLiveHarness.Market.CloseTime, null, null);

    private KalshiAuth Auth(bool badKey)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters((badKey ? RSA.Create(2048) : KalshiLiveHarness.ClientKey).ExportParameters(includePrivateParameters: true));
        var auth = new KalshiAuth(KalshiLiveHarness.KeyId, rsa, Clock);
        _auths.Add(auth);
        return auth;
    }
}
