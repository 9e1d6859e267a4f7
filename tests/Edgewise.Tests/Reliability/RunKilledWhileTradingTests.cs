using System.Security.Cryptography;
using System.Text.Json;
using Edgewise.Cli.Backtest;
using Edgewise.Simulators;
using Edgewise.Storage.Store;
using Edgewise.Tests.Cli;
using Edgewise.Tests.Faults;
using Edgewise.Tests.Venues.Feeds;

namespace Edgewise.Tests.Reliability;

/// <summary>
/// The "done when": a paper run that traded through the real strategy is killed with kill -9 and restarted, and shows
/// the same positions and ledger. `edgewise run` is the built CLI as a child process on the system clock, against fake Coinbase
/// and Binance.US books at 96,000 and a fake Kalshi market (strike 90,000, closing in 10 minutes) whose book says YES bid 0.10,
/// NO bid 0.88 (YES ask 0.12): far below fair value while BTC is flat, so mean reversion buys YES: floor($10 / 0.12) = 83
/// contracts, cost 9.96, fee roundup(0.07 × 83 × 0.12 × 0.88) = 0.613536. The profile is kalshi-btc-v6 with a 3 s calm window
/// and no minimum time to the close, so that happens within seconds, and held to settlement so nothing else moves the books.
/// </summary>
public sealed class RunKilledWhileTradingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-run-kill-trade-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_KilledAfterATradeAndRestarted_SamePositionAndLedgerAndTheStrategyHoldsItInsteadOfBuyingAgain()
    {
        EdgewiseChild.SkipUnlessLinux();
        await using var world = await TradingWorld.StartAsync(_dir);

        (IReadOnlyList<PositionRecord> Positions, IReadOnlyList<LedgerEntryRecord> Ledger) crashed;
        await using (var first = world.StartRun())
        {
            await world.BringSpotUpAsync();
            await first.WaitForLineAsync(l => l.Contains("1 open position(s), 1 trade(s)", StringComparison.Ordinal), "the trade in a status line");
            await WaitUntilDurableAsync(first, world);
            first.KillHard();
            Assert.Equal(137, await first.WaitForExitAsync());
        }

        crashed = world.Books();
        var held = Assert.Single(crashed.Positions);
        Assert.Equal((83m, 9.96m, 0.613536m), (held.NetQuantity.ToDecimal(), held.CostBasis, held.FeesPaid));
        Assert.Equal([-9.96m, -0.613536m], crashed.Ledger.Select(e => e.Entry.Amount));

        await using (var second = world.StartRun())
        {
            await world.BringSpotUpAsync();
            var resumed = await second.WaitForLineAsync(l => l.StartsWith("recovery: resuming run 1 ", StringComparison.Ordinal), "the resume line");
            Assert.Contains("1 open position(s)", resumed, StringComparison.Ordinal);
            Assert.Contains(" 0 difference(s)", resumed, StringComparison.Ordinal);

            // The same market still asks 0.12 against a fair value near 1: every second is a fresh chance to buy again. Ten status
            // lines after the index is back (its calm window is 3 s) the strategy still holds one trade, the one it took over.
            var statusLines = 0;
            await second.WaitForLineAsync(l => l.StartsWith("status ", StringComparison.Ordinal) && ++statusLines == 10, "ten status lines");
            Assert.All(second.Lines.Where(l => l.StartsWith("status ", StringComparison.Ordinal)),
                l => Assert.Contains("1 open position(s), 1 trade(s)", l, StringComparison.Ordinal));
            await second.SignalAsync(PaperRunSetup.StopSignal(second));
            Assert.Equal(0, await second.WaitForExitAsync());
        }

        var after = world.Books();
        Assert.Equal(crashed.Positions, after.Positions);
        Assert.Equal(crashed.Ledger, after.Ledger);
        using (var reader = StoreReader.Open(world.StorePath))
        {
            Assert.Single(reader.LoadFills(1));
        }

        using var results = JsonDocument.Parse(File.ReadAllText(world.ResultsPath));
        var trade = Assert.Single(results.RootElement.GetProperty("trades").EnumerateArray());
        Assert.Equal(("Resumed", "83", "9.96", false), (trade.GetProperty("signal").GetString(), trade.GetProperty("bought").GetString(),
            trade.GetProperty("entry_cost").GetString(), trade.GetProperty("closed").GetBoolean()));
        Assert.Equal("-10.573536", results.RootElement.GetProperty("cash").GetString());
        var audit = StoreAudit.Of(world.StorePath);
        Assert.True(audit.IsClean, audit.ToString());
    }

    /// <summary>The status line shows the trade before the write-behind store has it: wait (by the child's lines) until it does.</summary>
    private static Task<string> WaitUntilDurableAsync(EdgewiseChild child, TradingWorld world) =>
        child.WaitForLineAsync(l => l.StartsWith("status ", StringComparison.Ordinal) && world.FillIsDurable(), "the fill in the store");

    /// <summary>The fakes and files one child run needs; each run of the child is answered with fresh spot books.</summary>
    private sealed class TradingWorld : IAsyncDisposable
    {
        private readonly RecordFakeVenues _spot;
        private readonly string _configPath;
        private readonly string _profilePath;
        private readonly string _dir;

        private TradingWorld(string dir, SimKalshiServer kalshi, RecordFakeVenues spot)
        {
            _dir = dir;
            Kalshi = kalshi;
            _spot = spot;
            StorePath = Path.Combine(dir, "store", "edgewise.db");
            ResultsPath = Path.Combine(dir, "out", "results.json");
            _configPath = Path.Combine(dir, "config.json");
            _profilePath = Path.Combine(dir, "restart-test.json");
        }

        public SimKalshiServer Kalshi { get; }

        public string StorePath { get; }

        public string ResultsPath { get; }

        public static async Task<TradingWorld> StartAsync(string dir)
        {
            using var key = RSA.Create(2048);
            var kalshi = await SimKalshiServer.StartAsync(key, "test-key");
            var close = DateTimeOffset.UtcNow.AddMinutes(10);
            var market = SimKalshiMarket.Btc15m(new DateTimeOffset(close.Year, close.Month, close.Day, close.Hour, close.Minute, 0, TimeSpan.Zero), 90_000m);
            kalshi.AddMarket(market);
            kalshi.SetBook(market.Ticker, [("0.1000", "100.00")], [("0.8800", "100.00")]);
            var spot = await RecordFakeVenues.StartAsync();
            spot.BinanceUs.Respond(BinanceUsWire.DepthPath,
                """{"lastUpdateId":100,"bids":[["95999.50","5.00000000"]],"asks":[["96000.50","5.00000000"]]}""");
            var world = new TradingWorld(dir, kalshi, spot);
            world.WriteFiles();
            return world;
        }

        public EdgewiseChild StartRun() => EdgewiseChild.Start(_dir, "run", "--config", _configPath, "--profile", _profilePath,
            "--out", Path.Combine(_dir, "out"), "--no-dashboard", "--status-every", "00:00:01");

        /// <summary>Answers the child's Coinbase and Binance.US connections with books centred on 96,000.</summary>
        public async Task BringSpotUpAsync()
        {
            var coinbase = await _spot.Coinbase.NextConnectionAsync();
            await coinbase.WaitForMessagesAsync(4);
            await coinbase.SendTextAsync(CoinbaseWire.Subscriptions(1));
            await coinbase.SendTextAsync(CoinbaseWire.L2(2, "snapshot", ("bid", "95999.50", "5.00000000"), ("offer", "96000.50", "5.00000000")));
            var binance = await _spot.BinanceUs.NextConnectionAsync();
            await binance.SendTextAsync(
                """{"stream":"btcusd@depth@100ms","data":{"e":"depthUpdate","E":1767225600000,"s":"BTCUSD","U":101,"u":101,"b":[["95990.00","1.00000000"]],"a":[]}}""");
        }

        public bool FillIsDurable()
        {
            using var reader = StoreReader.Open(StorePath);
            return reader.LoadFills(1).Count == 1;
        }

        public (IReadOnlyList<PositionRecord> Positions, IReadOnlyList<LedgerEntryRecord> Ledger) Books()
        {
            using var reader = StoreReader.Open(StorePath);
            return (reader.LoadPositions(1), reader.LoadLedger(1));
        }

        public async ValueTask DisposeAsync()
        {
            await _spot.DisposeAsync();
            await Kalshi.DisposeAsync();
        }

        private void WriteFiles()
        {
            File.WriteAllText(_configPath, $$"""
                {
                  "store": { "path": "{{Escape(StorePath)}}" },
                  "dashboard": { "enabled": false },
                  "venues": {
                    "kalshi": {
                      "restUrl": "{{Kalshi.RestBaseUri}}",
                      "wsUrl": "{{Kalshi.WebSocketUri}}",
                      "credentials": { "keyIdEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_ID", "privateKeyFileEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_FILE" }
                    },
                    "coinbase": { "wsUrl": "{{_spot.Coinbase.WebSocketUri}}" },
                    "binanceUs": { "wsUrl": "{{_spot.BinanceUs.WebSocketUri}}", "restUrl": "{{_spot.BinanceUs.HttpUri}}" },
                    "kraken": { "enabled": false },
                    "bitstamp": { "enabled": false }
                  }
                }
                """);

            // kalshi-btc-v6 with a 3 s calm window (BTC history needed before mean reversion fires), no first-seconds or
            // time-to-close filter, and held to settlement.
            File.WriteAllText(_profilePath, JsonNodeEdit(File.ReadAllText(ProfileFile("kalshi-btc-v6"))));
        }

        /// <summary>The repository's profiles/NAME.json, found the way ProfileLocator finds it from the test's directory.</summary>
        private static string ProfileFile(string name)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ProfileLocator.Folder, name + ".json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException($"{ProfileLocator.Folder}/{name}.json not found above {AppContext.BaseDirectory}");
        }

        private static string JsonNodeEdit(string v6)
        {
            var root = System.Text.Json.Nodes.JsonNode.Parse(v6)!.AsObject();
            root["name"] = "kalshi-btc-v6-restart-test";
            root["mean_reversion"]!["stable_window_s"] = 3;
            root["delay_arbitrage"]!["momentum_window_s"] = 3;
            root["filters"]!["skip_first_s"] = 0;
            root["filters"]!["min_time_to_close_s"] = 0;
            root["exits"]!["hold_to_settlement"] = true;
            return root.ToJsonString();
        }

        private static string Escape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
    }
}
