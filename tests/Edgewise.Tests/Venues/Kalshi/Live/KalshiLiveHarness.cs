using System.Security.Cryptography;
using System.Threading.Channels;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Live;

/// <summary>
/// A Kalshi data client against a SimKalshiServer on 127.0.0.1 (real sockets), a manual clock and an awaiting sink. The server
/// verifies signatures with the public half of <see cref="ClientKey"/>; a "bad key" client signs with another key.
/// The default market closes at 00:10 UTC (ManualTimeProvider starts at 2026-01-01T00:00Z), so it is open throughout.
/// </summary>
internal sealed class KalshiLiveHarness : IAsyncDisposable
{
    public const string KeyId = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";

    /// <summary>The fixture's book (FACTS §5.3 shape): YES bids 0.35 x 200, 0.42 x 13; NO bids 0.54 x 400, 0.56 x 17.</summary>
    public static readonly (string, string)[] YesBids = [("0.3500", "200.00"), ("0.4200", "13.00")];
    public static readonly (string, string)[] NoBids = [("0.5400", "400.00"), ("0.5600", "17.00")];

    private static readonly Lazy<RSA> SharedClientKey = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> SharedOtherKey = new(() => RSA.Create(2048));

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _runs = [];

    private KalshiLiveHarness(SimKalshiServer server, ManualTimeProvider clock)
    {
        Server = server;
        Clock = clock;
    }

    public static SimKalshiMarket Market { get; } = SimKalshiMarket.Btc15m(ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(10), 96_250.12m);

    public static RSA ClientKey => SharedClientKey.Value;

    public SimKalshiServer Server { get; }

    public ManualTimeProvider Clock { get; }

    public AwaitingSink Sink { get; } = new();

    public KalshiDataClient Client { get; private set; } = null!;

    public FeedWaits Waits { get; private set; } = null!;

    public Channel<KalshiFeedMode> Modes { get; } = Channel.CreateUnbounded<KalshiFeedMode>();

    public Channel<TimeSpan> Polls { get; } = Channel.CreateUnbounded<TimeSpan>();

    public Channel<TimeSpan> Retries { get; } = Channel.CreateUnbounded<TimeSpan>();

    public Channel<KalshiIndexTick> IndexTicks { get; } = Channel.CreateUnbounded<KalshiIndexTick>();

    public static InstrumentId MarketId => Id(Market.Ticker);

    /// <param name="options">Changes to the default options (the market, the fake's URIs, test connection settings).</param>
    /// <param name="badKey">The client signs with a key the server does not know.</param>
    /// <param name="noAuth">The client has no credentials at all.</param>
    /// <param name="downstream">Where the client's data goes; the harness's awaiting sink when null.</param>
    /// <param name="recorder">Receives the client's frames; none when null.</param>
    public static async Task<KalshiLiveHarness> StartAsync(Func<KalshiDataOptions, KalshiDataOptions>? options = null, bool badKey = false,
        bool noAuth = false, IMarketDataSink? downstream = null, IFrameSink? recorder = null)
    {
        var clock = new ManualTimeProvider();
        var server = await SimKalshiServer.StartAsync(ClientKey, KeyId, clock);
        server.AddMarket(Market);
        server.SetBook(Market.Ticker, YesBids, NoBids);
        var harness = new KalshiLiveHarness(server, clock);
        var defaults = new KalshiDataOptions
        {
            WebSocketUri = server.WebSocketUri,
            RestBaseUri = server.RestBaseUri,
            Markets = [Market.Ticker],
            Connection = FeedTestSettings.Connection(),
        };
        harness.Client = new KalshiDataClient(options is null ? defaults : options(defaults), downstream ?? harness.Sink, clock,
            noAuth ? null : harness.Auth(badKey), recorder: recorder, random: FeedTestSettings.Random());
        harness.Waits = new FeedWaits(harness.Client.Connection);
        harness.Client.ModeChanged += mode => harness.Modes.Writer.TryWrite(mode);
        harness.Client.PollScheduled += delay => harness.Polls.Writer.TryWrite(delay);
        harness.Client.WebSocketRetryScheduled += delay => harness.Retries.Writer.TryWrite(delay);
        harness.Client.IndexTickReceived += tick => harness.IndexTicks.Writer.TryWrite(tick);
        return harness;
    }

    public static InstrumentId Id(string ticker) => new(KalshiParser.VenueName, ticker);

    /// <summary>Credentials for the client on the manual clock: the server's key, or another one.</summary>
    public KalshiAuth Auth(bool badKey = false)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters((badKey ? SharedOtherKey : SharedClientKey).Value.ExportParameters(includePrivateParameters: true));
        return new KalshiAuth(KeyId, rsa, Clock);
    }

    /// <summary>The manual clock's Unix milliseconds, as a signature timestamp shows them.</summary>
    public long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    public void Run() => Track(Client.RunAsync(_stop.Token));

    /// <summary>Runs something else until the harness stops (a tracker).</summary>
    public void Track(Task run) => _runs.Add(run);

    public CancellationToken Stopping => _stop.Token;

    /// <summary>Starts the client and waits until the market's book is healthy from the WebSocket snapshot (0.42 x 13 / 0.44 x 17).</summary>
    public async Task<SimKalshiSession> RunHealthyAsync()
    {
        Run();
        var session = await Server.NextSessionAsync();
        await session.WaitForSubscriptionAsync(KalshiCommands.OrderbookDeltaChannel, Market.Ticker);
        // YES bids 0.42 x 13 (best) and 0.35 x 200; YES asks from NO bids: 1 − 0.56 = 0.44 x 17 (best), 1 − 0.54 = 0.46 x 400.
        await Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.42 x 13", "0.44 x 17"), "the book healthy from the WS snapshot");
        return session;
    }

    public static async Task<T> NextAsync<T>(Channel<T> channel, string what)
    {
        try
        {
            return await channel.Reader.ReadAsync().AsTask().WaitAsync(SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out waiting for {what}.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_runs).WaitAsync(SimVenueServer.DefaultTimeout);
        Client.Dispose();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
