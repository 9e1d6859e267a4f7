using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Run;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.Strategies.BtcBinary;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Kraken;

namespace Edgewise.Tests.Cli.Run;

/// <summary>
/// Issue 3's live check end to end: `edgewise run` on paper with Coinbase and Kraken fakes feeding the BTC index proxy and a
/// simulated Kalshi whose signed WebSocket ACCEPTS the key (credentials from environment variables, as a user sets them), so
/// the client subscribes cfbenchmarks_value and every BRTI print is compared with the proxy's print of the same second.
/// Both spot books are one level a side, 96,999.9 / 97,000.1 × 1 BTC, so the consolidated book is symmetric about 97,000 and
/// the proxy's CF RTI approximation is exactly 97,000 (the mid of every price-volume point is 97,000).
/// </summary>
public sealed class PaperIndexTrackingTests : IDisposable
{
    private const string KeyIdEnv = "EDGEWISE_TEST_TRACKING_KALSHI_KEY_ID";
    private const string KeyFileEnv = "EDGEWISE_TEST_TRACKING_KALSHI_KEY_FILE";

    private static readonly SimKalshiMarket Market = SimKalshiMarket.Btc15m(ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(6), 96_000m);

    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-tracking-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_KalshiWebSocketAccepted_BrtiPrintsComparedWithTheProxyInStatusAndResults()
    {
        var clock = new ManualTimeProvider();
        using var key = RSA.Create(2048);
        var keyFile = Path.Combine(_dir, "kalshi.pem");
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        Environment.SetEnvironmentVariable(KeyIdEnv, "tracking-key");
        Environment.SetEnvironmentVariable(KeyFileEnv, keyFile);
        await using var kalshi = await SimKalshiServer.StartAsync(key, "tracking-key", clock);
        kalshi.AddMarket(Market);
        kalshi.SetBook(Market.Ticker, [("0.4200", "13.00")], [("0.5600", "17.00")]);
        await using var coinbase = await SimVenueServer.StartAsync();
        await using var kraken = await SimVenueServer.StartAsync();
        var prints = Channel.CreateUnbounded<IndexTick>();
        var compared = Channel.CreateUnbounded<decimal?>();
        var output = new AwaitingWriter();
        AwaitingSink? feeds = null;
        var session = new PaperSession(Config(kalshi, coinbase, kraken), ProfileLocator.Load("kalshi-btc-v6", AppContext.BaseDirectory), new PaperSettings
        {
            OutDirectory = Path.Combine(_dir, "out"),
            StatusInterval = TimeSpan.FromMinutes(1),
            Dashboard = false,
            AdjustKalshi = o => o with { Connection = FeedTestSettings.Connection() },
            TapMarketData = inbox => feeds = new AwaitingSink(inbox),
        }, output, clock);
        session.IndexPrinted += tick => prints.Writer.TryWrite(tick);
        session.BrtiCompared += bps => compared.Writer.TryWrite(bps);
        using var stop = new CancellationTokenSource();

        var run = session.RunAsync(stop.Token);
        await output.WaitForAsync("kalshi: signing as key tracking-key");
        var kalshiSession = await kalshi.NextSessionAsync();
        await kalshiSession.WaitForSubscriptionAsync("cfbenchmarks_value");
        await output.WaitForAsync("edgewise run: running until Ctrl+C"); // the status timer exists before the clock moves
        await BringCoinbaseUpAsync(coinbase);
        await BringKrakenUpAsync(kraken);
        // The clock moves only once both snapshots have reached the engine (real sockets; a first run still JIT-compiling could
        // otherwise fall thirty steps behind a clock that moves a second per step).
        await feeds!.WaitUntilAsync(s => s.HealthOf(new InstrumentId(CoinbaseParser.VenueName, "BTC-USD")) == BookHealth.Healthy
            && s.HealthOf(new InstrumentId(KrakenParser.VenueName, "BTC/USD")) == BookHealth.Healthy, "the Coinbase and Kraken books healthy");

        // Seconds go by one at a time until the proxy prints a usable value (both snapshots applied), then four more.
        var usable = new List<IndexTick>();
        for (var second = 0; second < 30 && usable.Count < 5; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var tick = await prints.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
            if (tick.IsUsable || usable.Count > 0)
            {
                usable.Add(tick);
            }
        }

        Assert.Equal(5, usable.Count);
        Assert.All(usable, t => Assert.Equal((true, "97000"), (t.IsUsable, t.Value.ToString())));

        // BRTI prints for those five seconds, half a second in; errors (97,000 − ref) / ref × 10^4, rounded to 4 places:
        //   97,000.00 → 0;  96,990.30 → 9.7 / 96,990.3 → 1.0001;  97,009.70 → −9.7 / 97,009.7 → −0.9999;
        //   96,903.00 → 97 / 96,903 → 10.0100;  97,097.00 → −97 / 97,097 → −9.9900.
        // Then one print for a second the proxy has not reached: unmatched, never compared with a neighbour.
        string[] references = ["97000.00", "96990.30", "97009.70", "96903.00", "97097.00"];
        for (var i = 0; i < references.Length; i++)
        {
            await kalshiSession.PushIndexValueAsync("BRTI", references[i], usable[i].TsNs / 1_000_000 + 500);
        }

        await kalshiSession.PushIndexValueAsync("BRTI", "97000.00", usable[^1].TsNs / 1_000_000 + 10_000);
        var errors = new List<decimal?>();
        for (var i = 0; i < references.Length + 1; i++)
        {
            errors.Add(await compared.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken));
        }

        Assert.Equal([0m, 1.0001m, -0.9999m, 10.0100m, -9.9900m, null], errors);

        // |error| sorted 0, 0.9999, 1.0001, 9.99, 10.01: p50 is the 3rd (nearest rank ⌈2.5⌉), p99 the 5th (⌈4.95⌉);
        // bias (0 + 1.0001 − 0.9999 + 10.01 − 9.99) / 5 = 0.0202 / 5 = 0.00404 → 0.0040.
        clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(usable[^1].TsNs / 1_000_000_000 - ManualTimeProvider.DefaultStart.ToUnixTimeSeconds()));
        var status = await output.WaitForLineAsync(l => l.StartsWith("status ", StringComparison.Ordinal), "a status line");
        Assert.Contains("index vs BRTI: |error| p50 1.0001 bps, p99 10.0100 bps, bias 0.0040 bps (5 matched, 1 unmatched)", status, StringComparison.Ordinal);
        Assert.Contains("kalshi ", status, StringComparison.Ordinal);
        Assert.Equal(Edgewise.Venues.Kalshi.KalshiFeedMode.WebSocket, session.KalshiMode);

        await stop.CancelAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(outcome.ResultsPath, TestContext.Current.CancellationToken));
        var tracking = results.RootElement.GetProperty("index_tracking");
        Assert.Equal((5, 1), (tracking.GetProperty("matched").GetInt32(), tracking.GetProperty("unmatched").GetInt32()));
        Assert.Equal(("1.0001", "10.0100", "0.0040"),
            (tracking.GetProperty("p50_abs_bps").GetString(), tracking.GetProperty("p99_abs_bps").GetString(), tracking.GetProperty("mean_signed_bps").GetString()));
        Assert.Contains(kalshi.Handshakes, h => h.Accepted);
    }

    /// <summary>Answers Coinbase's four subscriptions and sends the snapshot: bid 96,999.90 × 1, offer 97,000.10 × 1.</summary>
    private static async Task BringCoinbaseUpAsync(SimVenueServer coinbase)
    {
        var ws = await coinbase.NextConnectionAsync();
        await ws.WaitForMessagesAsync(4);
        await ws.SendTextAsync(CoinbaseWire.Subscriptions(1));
        await ws.SendTextAsync(CoinbaseWire.L2(2, "snapshot", ("bid", "96999.90", "1.00000000"), ("offer", "97000.10", "1.00000000")));
    }

    /// <summary>
    /// Acks Kraken's three subscriptions and sends the book snapshot bid 96,999.9 × 1 / ask 97,000.1 × 1 (precisions 1 and 8). Checksum
    /// string: ask "970001" "100000000", then bid "969999" "100000000".
    /// </summary>
    private static async Task BringKrakenUpAsync(SimVenueServer kraken)
    {
        var ws = await kraken.NextConnectionAsync();
        await ws.WaitForMessagesAsync(3);
        foreach (var (channel, reqId) in new[] { ("book", 1), ("trade", 2), ("ticker", 3) })
        {
            await ws.SendTextAsync(KrakenWire.Ack(channel, reqId));
        }

        await ws.SendTextAsync(KrakenWire.Book("snapshot", [("96999.9", "1.00000000")], [("97000.1", "1.00000000")],
            "970001100000000" + "969999100000000"));
    }

    private EdgewiseConfig Config(SimKalshiServer kalshi, SimVenueServer coinbase, SimVenueServer kraken)
    {
        var json = $$"""
            {
              "store": { "path": "{{Path.Combine(_dir, "store", "edgewise.db").Replace("\\", "\\\\", StringComparison.Ordinal)}}" },
              "dashboard": { "enabled": false },
              "venues": {
                "kalshi": {
                  "restUrl": "{{kalshi.RestBaseUri}}",
                  "wsUrl": "{{kalshi.WebSocketUri}}",
                  "credentials": { "keyIdEnv": "{{KeyIdEnv}}", "privateKeyFileEnv": "{{KeyFileEnv}}" }
                },
                "coinbase": { "wsUrl": "{{coinbase.WebSocketUri}}" },
                "kraken": { "wsUrl": "{{new Uri(kraken.WebSocketUri, "/v2")}}" },
                "bitstamp": { "enabled": false },
                "binanceUs": { "enabled": false }
              }
            }
            """;
        var loaded = ConfigLoader.Parse(json, "test config");
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded.Config!;
    }
}
