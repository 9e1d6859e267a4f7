using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Edgewise.Cli;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Commands;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Run;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Simulators;
using Edgewise.Storage.Store;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Tests.Venues.Kalshi.Live;

namespace Edgewise.Tests.Cli.Run;

/// <summary>
/// `edgewise run` on paper end to end against a fake Kalshi on 127.0.0.1 (real sockets) on a manual clock that starts at
/// 2026-01-01T00:00Z. No credentials are set, so the signed WebSocket upgrade is answered 401 and the books are polled over REST.
/// Market 1 closes at 00:06 (open since 23:51), market 2 opens then and closes at 00:21: the tracker subscribes market 2 one
/// minute before the switch (00:05) and switches at 00:06. The clock is moved only after the line announcing the state that
/// waits on it has been printed.
/// </summary>
public sealed class PaperSessionTests : IDisposable
{
    private static readonly SimKalshiMarket First = SimKalshiMarket.Btc15m(ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(6), 96_000m);
    private static readonly SimKalshiMarket Second = SimKalshiMarket.Btc15m(ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(21), 96_100m);

    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Invoke_LiveWithoutCredentials_RefusesInOneLineWithExit2()
    {
        var configPath = Path.Combine(_dir, "edgewise.json");
        File.WriteAllText(configPath, """
            { "venues": { "kalshi": { "credentials": { "keyIdEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_ID", "privateKeyFileEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_FILE" } } } }
            """);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = EdgewiseCli.Build().Parse(["run", "--config", configPath, "--profile", "kalshi-btc-v6", "--live"])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, code);
        Assert.Equal("edgewise run: --live refused: live orders need Kalshi credentials: set EDGEWISE_TEST_UNSET_KALSHI_KEY_ID (the API key id) and " +
            "EDGEWISE_TEST_UNSET_KALSHI_KEY_FILE (the private key PEM file)" + Environment.NewLine, error.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void ToBinaryMarket_KalshiYesContract_NoContractMirrorsItWithTheStrikeReversed()
    {
        var open = ManualTimeProvider.DefaultStart;
        var yes = new BinaryContract(new InstrumentId("kalshi", "KXBTC15M-26JAN010015-15"), new KalshiFeeModel(KalshiFeeType.Quadratic, 1m),
            TickGrid.TaperedDeciCent, Quantity.FromDecimal(1m), open, open + TimeSpan.FromMinutes(15), BinaryStrike.AtLeast(96_250.12m),
            SettlementRule.SimpleAverage60Seconds);

        var market = PaperSession.ToBinaryMarket(yes);

        Assert.Same(yes, market.Yes);
        Assert.Equal("KXBTC15M-26JAN010015-15", market.Ticker);
        Assert.Equal(new InstrumentId("kalshi", "KXBTC15M-26JAN010015-15:no"), market.No.Id);
        Assert.Equal((StrikeType.Less, (decimal?)null, (decimal?)96_250.12m), (market.No.Strike!.Type, market.No.Strike.Floor, market.No.Strike.Cap));
        Assert.Same(yes.Fees, market.No.Fees);
        Assert.Equal((yes.OpenTime, yes.CloseTime, yes.MinTick), (market.No.OpenTime, market.No.CloseTime, market.No.MinTick));
    }

    [Fact]
    public async Task RunAsync_ProfileMissing_OneErrorLineAndExit1()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var request = new RunCommand.Request(null, Path.Combine(_dir, "no-such-profile.json"), Live: false, new PaperSettings());

        var code = await RunCommand.RunAsync(request, output, error, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Equal($"edgewise run: --profile: profile file not found: {Path.Combine(_dir, "no-such-profile.json")}{Environment.NewLine}", error.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task RunAsync_WebSocketRefusedAndMarketRollsOver_PollsRestCheckpointsAndWritesResultsOnCancel()
    {
        var clock = new ManualTimeProvider();
        using var key = RSA.Create(2048);
        await using var kalshi = await SimKalshiServer.StartAsync(key, "test-key", clock);
        kalshi.AddMarket(First);
        kalshi.AddMarket(Second);
        kalshi.SetBook(First.Ticker, [("0.4200", "13.00")], [("0.5600", "17.00")]);
        kalshi.SetBook(Second.Ticker, [("0.4500", "10.00")], [("0.5300", "10.00")]);
        var config = Config(kalshi);
        var profile = ProfileLocator.Load("kalshi-btc-v6", AppContext.BaseDirectory);
        var outDir = Path.Combine(_dir, "out");
        var output = new AwaitingWriter();
        var session = new PaperSession(config, profile, new PaperSettings
        {
            OutDirectory = outDir,
            StatusInterval = TimeSpan.FromMinutes(1),
            Dashboard = false,
            AdjustKalshi = o => o with { Connection = FeedTestSettings.Connection() },
        }, output, clock);
        using var stop = new CancellationTokenSource();
        // The tracker's timers are made on the clock as it reads at that moment, so each jump below waits until the tracker is
        // parked on the wake the jump is meant to fire (one made just after a jump would be due a jump later).
        var wakes = Channel.CreateUnbounded<DateTimeOffset>();
        session.TrackerWakeScheduled += w => wakes.Writer.TryWrite(w);

        var run = session.RunAsync(stop.Token);
        await output.WaitForAsync("kalshi: feed mode RestPolling");
        await output.WaitForAsync($"kalshi: market {First.Ticker} opened");
        await output.WaitForAsync("edgewise run: running until Ctrl+C");

        await WaitForWakeAsync(wakes, ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(5)); // market 2 due at 00:06, lead 1 min
        clock.Advance(TimeSpan.FromMinutes(1)); // 00:01: the first status line
        var status = await output.WaitForLineAsync(l => l.StartsWith("status ", StringComparison.Ordinal), "a status line");
        Assert.Contains("0 open position(s), 0 trade(s)", status, StringComparison.Ordinal);
        Assert.Contains("kalshi ", status, StringComparison.Ordinal);
        Assert.Contains("(RestPolling); index vs BRTI: no comparison yet (0 BRTI prints without a proxy print)", status, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(4)); // 00:05: checkpoint (5 min) and market 2 subscribed (lead 1 min)
        await output.WaitForAsync($"kalshi: market {Second.Ticker} opened");
        await WaitForCheckpointAsync(session, 1);
        await kalshi.WaitUntilAsync(k => k.CountRequests($"/trade-api/v2/markets/{First.Ticker}/orderbook") > 0, "market 1's book polled");
        var checkpointPath = Path.Combine(outDir, PaperSession.CheckpointFile);
        using (var checkpoint = JsonDocument.Parse(File.ReadAllText(checkpointPath)))
        {
            Assert.Equal("2026-01-01T00:05:00.0000000+00:00", checkpoint.RootElement.GetProperty("at").GetString());
        }

        await WaitForWakeAsync(wakes, First.CloseTime);
        clock.Advance(TimeSpan.FromMinutes(1)); // 00:06: market 1 closes, the tracker switches to market 2
        await output.WaitForAsync($"kalshi: now trading {Second.Ticker} (was {First.Ticker})");
        await stop.CancelAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("canceled", outcome.ExitReason);
        Assert.Equal(Path.Combine(outDir, PaperSession.ResultsFile), outcome.ResultsPath);
        Assert.Contains($"edgewise run: stopped (canceled); results in {outcome.ResultsPath}", output.Lines);
        using var results = JsonDocument.Parse(File.ReadAllText(outcome.ResultsPath));
        var root = results.RootElement;
        Assert.Equal(outcome.RunId, root.GetProperty("run_id").GetInt64());
        Assert.Equal(("kalshi-btc-v6", profile.Sha256), (root.GetProperty("profile").GetString(), root.GetProperty("profile_sha256").GetString()));
        Assert.Equal(("Halted", "shutdown"), (root.GetProperty("trading_state").GetString(), root.GetProperty("trading_state_reason").GetString()));
        Assert.Equal((1, 1), (root.GetProperty("checkpoints").GetInt32(), root.GetProperty("rollovers").GetInt32()));
        Assert.Equal([First.Ticker, Second.Ticker], root.GetProperty("markets").EnumerateArray().Select(m => m.GetString()));
        // No spot venue is configured, so the index never becomes usable and nothing trades: the money is all zero.
        Assert.Equal(("0", "0", "0"), (root.GetProperty("realized_pnl").GetString(), root.GetProperty("fees").GetString(), root.GetProperty("cash").GetString()));
        Assert.Equal(0, root.GetProperty("trades").GetArrayLength());
        // The WebSocket was refused, so no BRTI prints arrived: the tracking section says so instead of showing zeros.
        var tracking = root.GetProperty("index_tracking");
        Assert.Equal((0, 0), (tracking.GetProperty("matched").GetInt32(), tracking.GetProperty("unmatched").GetInt32()));
        Assert.Equal(JsonValueKind.Null, tracking.GetProperty("p50_abs_bps").ValueKind);
        var feed = Assert.Single(root.GetProperty("feeds").EnumerateArray());
        Assert.Equal(("kalshi", "RestPolling"), (feed.GetProperty("feed").GetString(), feed.GetProperty("kalshi_mode").GetString()));
        Assert.Contains(kalshi.Handshakes, h => !h.Accepted && h.Status == 401);

        using var store = StoreReader.Open(config.Store.Path);
        var stored = store.LoadRun(outcome.RunId);
        Assert.NotNull(stored);
        Assert.Equal(("kalshi-btc-v6", profile.Sha256, "canceled"), (stored.Profile, stored.ConfigHash, stored.ExitReason));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000, stored.StoppedAt);
        var state = store.LoadLastStrategyState(PaperSession.StrategyId);
        Assert.NotNull(state);
        Assert.Equal(outcome.RunId, state.RunId);
    }

    private static async Task WaitForWakeAsync(Channel<DateTimeOffset> wakes, DateTimeOffset wake)
    {
        while (await KalshiLiveHarness.NextAsync(wakes, $"the tracker's wake at {wake:u}") != wake)
        {
        }
    }

    private static async Task WaitForCheckpointAsync(PaperSession session, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.CheckpointWritten += n =>
        {
            if (n >= count)
            {
                done.TrySetResult();
            }
        };
        if (session.Checkpoints >= count)
        {
            return;
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private EdgewiseConfig Config(SimKalshiServer kalshi)
    {
        var json = $$"""
            {
              "store": { "path": "{{Path.Combine(_dir, "store", "edgewise.db").Replace("\\", "\\\\", StringComparison.Ordinal)}}" },
              "dashboard": { "enabled": false },
              "venues": {
                "kalshi": {
                  "restUrl": "{{kalshi.RestBaseUri}}",
                  "wsUrl": "{{kalshi.WebSocketUri}}",
                  "credentials": { "keyIdEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_ID", "privateKeyFileEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_FILE" }
                },
                "coinbase": { "enabled": false },
                "kraken": { "enabled": false },
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
