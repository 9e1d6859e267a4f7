using System.Threading.Channels;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Record;
using Edgewise.Cli.Run;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Tests.Venues.Kalshi.Live;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Cli.Run;

/// <summary>
/// `edgewise run` (PaperSession) with kalshi-btc-v6 against fake Coinbase and Binance.US (the BTC index, both books centred on
/// 96,000) and a fake Kalshi, all on 127.0.0.1, on a manual clock from 2026-01-01T00:00Z. The one Kalshi market opened at
/// 23:51:50 and closes at 00:06:50 with a floor strike of 90,000, so with BTC at 96,000 its fair YES value is close to 1, while
/// its book says YES bid 0.10 x 100, NO bid 0.88 x 100 (YES ask 0.12 x 100): mid 0.11 is below the mean-reversion floor 0.20 and
/// BTC is flat, so the strategy buys YES once it has 60 s of index history. The close is less than the profile's 6-minute
/// timeout after that entry, so the position is held into the close, and the market resolves "yes" 10 s after it.
/// Live, the session gets credentials through two environment variables named only for this run.
/// </summary>
internal sealed class TradingRunHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Close = ManualTimeProvider.DefaultStart + new TimeSpan(0, 6, 50);

    public static readonly SimKalshiMarket Market =
        new SimKalshiMarket("KXBTC15M-25DEC311907-50", "KXBTC15M-25DEC311907", Close - TimeSpan.FromMinutes(15), Close, 90_000m)
        {
            Result = "yes",
            SettledAt = Close + TimeSpan.FromSeconds(10),
        };

    private readonly string _dir;
    private readonly string _keyIdEnv = "EDGEWISE_TEST_KEY_ID_" + Guid.NewGuid().ToString("N");
    private readonly string _keyFileEnv = "EDGEWISE_TEST_KEY_FILE_" + Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stop = new();
    private long _coinbaseSeq;
    private long _binanceSeq;
    private SimWebSocketConnection? _coinbase;
    private SimWebSocketConnection? _binance;
    private Task<PaperOutcome>? _run;

    // Paper: the Kalshi book comes from REST polls on the session's clock. Each entry is the time the next poll round is due,
    // written once a round has delivered its books and parked on its timer.
    private readonly Channel<DateTimeOffset> _polls = Channel.CreateUnbounded<DateTimeOffset>();
    private DateTimeOffset _pollDue = DateTimeOffset.MaxValue;

    private TradingRunHarness(string dir, ManualTimeProvider clock, SimKalshiServer kalshi, RecordFakeVenues spot, bool live)
    {
        _dir = dir;
        Clock = clock;
        Kalshi = kalshi;
        Spot = spot;
        Live = live;
    }

    public ManualTimeProvider Clock { get; }

    public SimKalshiServer Kalshi { get; }

    public RecordFakeVenues Spot { get; }

    public bool Live { get; }

    /// <summary>Everything the session's feeds deliver, on its way to the engine's inbox.</summary>
    public AwaitingSink Feeds { get; private set; } = null!;

    private static InstrumentId KalshiBook => new(PaperSession.Venue, Market.Ticker);

    private InstrumentId CoinbaseBook => SpotBook(CoinbaseParser.VenueName);

    private InstrumentId BinanceBook => SpotBook(BinanceUsParser.VenueName);

    public AwaitingWriter Output { get; } = new();

    public PaperSession Session { get; private set; } = null!;

    public EdgewiseConfig Config { get; private set; } = null!;

    public Channel<DateTimeOffset> SettlementWakes { get; } = Channel.CreateUnbounded<DateTimeOffset>();

    public static async Task<TradingRunHarness> StartAsync(string dir, bool live)
    {
        var clock = new ManualTimeProvider();
        var kalshi = await SimKalshiServer.StartAsync(KalshiLiveHarness.ClientKey, KalshiLiveHarness.KeyId, clock);
        kalshi.AddMarket(Market);
        kalshi.SetBook(Market.Ticker, [("0.1000", "100.00")], [("0.8800", "100.00")]);
        var spot = await RecordFakeVenues.StartAsync();
        var harness = new TradingRunHarness(dir, clock, kalshi, spot, live);
        harness.Config = harness.BuildConfig();
        if (live)
        {
            var keyFile = Path.Combine(dir, "kalshi-key.pem");
            await File.WriteAllTextAsync(keyFile, KalshiLiveHarness.ClientKey.ExportPkcs8PrivateKeyPem());
            Environment.SetEnvironmentVariable(harness._keyIdEnv, KalshiLiveHarness.KeyId);
            Environment.SetEnvironmentVariable(harness._keyFileEnv, keyFile);
        }

        return harness;
    }

    /// <summary>Starts the session and feeds both spot venues their first books; returns once the market is traded.</summary>
    public async Task StartSessionAsync()
    {
        Session = new PaperSession(Config, ProfileLocator.Load("kalshi-btc-v6", AppContext.BaseDirectory), new PaperSettings
        {
            Live = Live,
            OutDirectory = Path.Combine(_dir, "out"),
            StatusInterval = TimeSpan.FromSeconds(1),
            Dashboard = false,
            // Staleness and I/O timeouts are not under test: with the clock a second per step, a receive loop or a connect slowed by
            // a busy machine must not read as a dead socket (seen under load: a spot feed "stale" after 60 steps, its socket replaced
            // under the harness). The spot updates every five steps and Kalshi deltas every two keep the books themselves fresh.
            AdjustKalshi = o => o with { Connection = Relaxed(FeedTestSettings.Connection()) },
            AdjustSpotConnection = Relaxed,
            TapMarketData = inbox => Feeds = new AwaitingSink(inbox),
        }, Output, Clock);
        Session.SettlementWakeScheduled += at => SettlementWakes.Writer.TryWrite(at);
        Session.KalshiPollScheduled += delay => _polls.Writer.TryWrite(Clock.GetUtcNow() + delay);
        _run = Session.RunAsync(_stop.Token);
        await Output.WaitForAsync($"kalshi: market {Market.Ticker} opened");
        await Output.WaitForAsync("edgewise run: running until Ctrl+C");

        _coinbase = await Spot.Coinbase.NextConnectionAsync();
        await _coinbase.WaitForMessagesAsync(4);
        await _coinbase.SendTextAsync(CoinbaseWire.Subscriptions(++_coinbaseSeq));
        await _coinbase.SendTextAsync(CoinbaseWire.L2(++_coinbaseSeq, "snapshot", ("bid", "95999.50", "5.00000000"), ("bid", "95999.00", "5.00000000"),
            ("offer", "96000.50", "5.00000000"), ("offer", "96001.00", "5.00000000")));
        _binance = await Spot.BinanceUs.NextConnectionAsync();
        _binanceSeq = 100;
        await PushSpotUpdatesAsync();

        // The clock stays put until all three books are in (snapshots over real sockets and REST): the strategy's entry window
        // is a minute wide, and a clock that ran ahead of a slow connect on a busy machine would close it.
        await Feeds.WaitUntilAsync(s => s.HealthOf(CoinbaseBook) == BookHealth.Healthy && s.HealthOf(BinanceBook) == BookHealth.Healthy,
            "the Coinbase and Binance.US books healthy");
        if (Live)
        {
            await Feeds.WaitUntilAsync(s => s.HealthOf(KalshiBook) == BookHealth.Healthy, "the Kalshi book healthy (WebSocket snapshot)");
        }
        else
        {
            await Output.WaitForAsync("kalshi: feed mode RestPolling");
            _pollDue = await KalshiLiveHarness.NextAsync(_polls, "the first Kalshi poll round");
        }
    }

    private InstrumentId SpotBook(string venue) =>
        new(venue, VenueSymbols.Map(venue, PaperSession.SpotSymbol, VenueSymbols.ConfigOf(venue, Config).Config));

    private static FeedConnectionSettings Relaxed(FeedConnectionSettings settings) => settings with
    {
        StaleAfter = TimeSpan.FromHours(1),
        ConnectTimeout = TimeSpan.FromHours(1),
        RestTimeout = TimeSpan.FromHours(1),
    };

    /// <summary>
    /// A change at a far level of each spot book, so both stay fresh for the index (their mids do not move); returns once both
    /// changes have reached the engine's inbox.
    /// </summary>
    public async Task PushSpotUpdatesAsync()
    {
        var (coinbase, binance) = (Feeds.UpdatesOf(CoinbaseBook), Feeds.UpdatesOf(BinanceBook));
        var size = (_coinbaseSeq % 2 == 0 ? "1" : "2") + ".00000000";
        await _coinbase!.SendTextAsync(CoinbaseWire.L2(++_coinbaseSeq, "update", ("bid", "95990.00", size)));
        _binanceSeq++;
        await _binance!.SendTextAsync(
            $$$"""{"stream":"btcusd@depth@100ms","data":{"e":"depthUpdate","E":1767225600000,"s":"BTCUSD","U":{{{_binanceSeq}}},"u":{{{_binanceSeq}}},"b":[["95990.00","{{{size}}}"]],"a":[]}}""");
        if (_binanceSeq > 101) // the first one waits in the client for the REST snapshot
        {
            await Feeds.WaitUntilAsync(s => s.UpdatesOf(CoinbaseBook) > coinbase && s.UpdatesOf(BinanceBook) > binance, "the spot updates delivered");
        }
    }

    /// <summary>
    /// Moves the clock a second at a time, refreshing the spot books every five seconds (and, live, the Kalshi book over its
    /// WebSocket every two), until a status line shows the trade; each step waits for that second's status line, so the loop has
    /// caught up. Real I/O must not be outrun by a clock that moves a second per step, so the clock moves only once what was sent
    /// has reached the engine's inbox, a due poll round (paper) has delivered, and (live) the execution client is idle (no create,
    /// lookup or fill in flight).
    /// </summary>
    public async Task<string> StepUntilTradeAsync(SimKalshiSession? kalshiBook, int maxSteps = 150)
    {
        for (var step = 1; step <= maxSteps; step++)
        {
            if (step % 5 == 0)
            {
                await PushSpotUpdatesAsync();
            }

            if (kalshiBook is not null && step % 2 == 0)
            {
                var updates = Feeds.UpdatesOf(KalshiBook);
                await kalshiBook.PushDeltaAsync(Market.Ticker, "yes", "0.0500", "1.00"); // far from the touch: the book stays fresh
                await Feeds.WaitUntilAsync(s => s.UpdatesOf(KalshiBook) > updates, "the Kalshi delta delivered");
            }

            if (Live)
            {
                await Session.Execution!.WaitIdleAsync(_stop.Token).WaitAsync(SimVenueServer.DefaultTimeout);
            }

            Clock.Advance(TimeSpan.FromSeconds(1));
            while (Clock.GetUtcNow() >= _pollDue) // paper: the poll round this second started has delivered before the next move
            {
                _pollDue = await KalshiLiveHarness.NextAsync(_polls, $"the Kalshi poll round due at {_pollDue:u}");
            }

            var stamp = Clock.GetUtcNow().ToString("u", System.Globalization.CultureInfo.InvariantCulture);
            var status = await Output.WaitForLineAsync(l => l.StartsWith($"status {stamp}", StringComparison.Ordinal), $"the status line of {stamp}");
            if (status.Contains(", 1 trade(s)", StringComparison.Ordinal))
            {
                return status;
            }
        }

        throw new InvalidOperationException($"No trade within {maxSteps} s. Output:{Environment.NewLine}{string.Join(Environment.NewLine, Output.Lines)}");
    }

    /// <summary>Moves the clock to the close, then on with the settlement watcher until the market is settled.</summary>
    public async Task CloseAndSettleAsync()
    {
        Clock.SetUtcNow(Close);
        foreach (var wake in new[] { Close.AddSeconds(5), Close.AddSeconds(10) })
        {
            while (await KalshiLiveHarness.NextAsync(SettlementWakes, $"the settlement read at {wake:u}") != wake)
            {
            }

            Clock.SetUtcNow(wake);
        }

        await Output.WaitForAsync($"kalshi: market {Market.Ticker} settled yes");
    }

    public async Task<PaperOutcome> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run!.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is { IsCompleted: false })
        {
            await _stop.CancelAsync();
            await ((Task)_run).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Environment.SetEnvironmentVariable(_keyIdEnv, null);
        Environment.SetEnvironmentVariable(_keyFileEnv, null);
        await Spot.DisposeAsync();
        await Kalshi.DisposeAsync();
        _stop.Dispose();
    }

    private EdgewiseConfig BuildConfig()
    {
        Spot.BinanceUs.Respond(BinanceUsWire.DepthPath,
            """{"lastUpdateId":100,"bids":[["95999.50","5.00000000"],["95999.00","5.00000000"]],"asks":[["96000.50","5.00000000"],["96001.00","5.00000000"]]}""");
        var json = $$"""
            {
              "store": { "path": "{{Path.Combine(_dir, "store", "edgewise.db").Replace("\\", "\\\\", StringComparison.Ordinal)}}" },
              "dashboard": { "enabled": false },
              "venues": {
                "kalshi": {
                  "restUrl": "{{Kalshi.RestBaseUri}}",
                  "wsUrl": "{{Kalshi.WebSocketUri}}",
                  "credentials": { "keyIdEnv": "{{_keyIdEnv}}", "privateKeyFileEnv": "{{_keyFileEnv}}" }
                },
                "coinbase": { "wsUrl": "{{Spot.Coinbase.WebSocketUri}}" },
                "binanceUs": { "wsUrl": "{{Spot.BinanceUs.WebSocketUri}}", "restUrl": "{{Spot.BinanceUs.HttpUri}}" },
                "kraken": { "enabled": false },
                "bitstamp": { "enabled": false }
              }
            }
            """;
        var loaded = ConfigLoader.Parse(json, "test config");
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded.Config!;
    }
}
