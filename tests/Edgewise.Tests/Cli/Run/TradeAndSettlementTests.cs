using System.Text.Json;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Run;
using Edgewise.Core.Numerics;
using Edgewise.Core.Portfolio;
using Edgewise.Simulators;
using Edgewise.Storage.Store;
using Edgewise.Venues.Kalshi;
using Microsoft.Data.Sqlite;

namespace Edgewise.Tests.Cli.Run;

/// <summary>
/// `edgewise run` end to end where a trade happens and settles (TradingRunHarness says why the strategy buys). Hand computation,
/// the same on paper and live:
///   entry: stake $10 at the YES ask 0.12 -> floor(10 / 0.12) = 83 contracts, cost 83 × 0.12 = 9.96;
///   Kalshi taker fee = roundup6(0.07 × 83 × 0.12 × 0.88) = 0.07 × 8.7648 = 0.613536;
///   settlement YES at 1: payout 83; realized P&amp;L before fees 83 − 9.96 = 73.04; cash 83 − 9.96 − 0.613536 = 72.426464.
/// </summary>
public sealed class TradeAndSettlementTests : IDisposable
{
    private const decimal Cost = 9.96m;
    private const decimal Fee = 0.613536m;
    private const decimal Payout = 83m;

    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-trade-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_PaperMarketFarBelowFairValue_BuysYesHoldsToTheCloseAndSettlesAtOne()
    {
        await using var h = await TradingRunHarness.StartAsync(_dir, live: false);
        await h.StartSessionAsync();

        var status = await h.StepUntilTradeAsync(kalshiBook: null);
        Assert.Contains("1 open position(s), 1 trade(s)", status, StringComparison.Ordinal);
        await h.CloseAndSettleAsync();
        var outcome = await h.StopAsync();

        AssertResultsAndStore(h, outcome, "paper");
        Assert.Empty(h.Kalshi.Orders); // paper: nothing reached the venue
    }

    [Fact]
    public async Task RunAsync_LiveMarketFarBelowFairValue_SignedOrderFilledOverTheWebSocketAndSettled()
    {
        await using var h = await TradingRunHarness.StartAsync(_dir, live: true);
        await h.StartSessionAsync();
        // Two signed sockets: the data client's (BRTI first, then the market's book) and the execution client's (fills).
        SimKalshiSession[] sessions = [await h.Kalshi.NextSessionAsync(), await h.Kalshi.NextSessionAsync()];
        foreach (var session in sessions)
        {
            await session.WaitUntilAsync(
                s => s.Subscriptions.Any(x => x.Channel is KalshiCommands.OrderbookDeltaChannel or KalshiCommands.FillChannel), "a book or fill subscription");
        }

        var bookSession = Assert.Single(sessions, s => s.Subscriptions.Any(x => x.Channel == KalshiCommands.OrderbookDeltaChannel));
        Assert.Single(sessions, s => s.Subscriptions.Any(x => x.Channel == KalshiCommands.FillChannel));
        await h.StepUntilTradeAsync(bookSession);

        var post = Assert.Single(h.Kalshi.Requests, r => r.Method == "POST");
        Assert.True(post.SignatureValid);
        Assert.Contains($"\"ticker\":\"{TradingRunHarness.Market.Ticker}\"", post.Body, StringComparison.Ordinal);
        Assert.Contains("\"side\":\"yes\",\"action\":\"buy\",\"type\":\"limit\",\"count\":83,\"yes_price_dollars\":\"0.1200\",\"time_in_force\":\"immediate_or_cancel\"",
            post.Body, StringComparison.Ordinal);
        var fill = Assert.Single(h.Kalshi.Fills);
        Assert.Equal((0.12m, 83m, Fee), (fill.YesPrice, fill.Count, fill.FeeCost));
        Assert.Equal(0, h.Kalshi.CountRequests("/trade-api/v2/portfolio/fills")); // the fill came over the WebSocket
        Assert.Equal(83m, h.Kalshi.PositionOf(TradingRunHarness.Market.Ticker));

        await h.CloseAndSettleAsync();
        var outcome = await h.StopAsync();

        AssertResultsAndStore(h, outcome, "live");
        // The venue's own books agree: 1250 − 9.96 − 0.613536 + 83 = 1322.426464, no position left.
        Assert.Equal((SimKalshiServer.StartingBalance - Cost - Fee + Payout, 0m), (h.Kalshi.Balance, h.Kalshi.PositionOf(TradingRunHarness.Market.Ticker)));
    }

    [Fact]
    public async Task RunAsync_ResumedAfterItsMarketClosedWhileDown_TheRestoredPositionIsSettled()
    {
        var ticker = TradingRunHarness.Market.Ticker;
        await using var h = await TradingRunHarness.StartAsync(_dir, live: false);
        await h.StartSessionAsync();
        await h.StepUntilTradeAsync(kalshiBook: null);
        await h.StopAsync();
        ReopenRun(h.Config.Store.Path); // as a kill -9 leaves it: the run's end never reached the store

        // Back two minutes after the close: no tracker of this run ever sees the market, and Kalshi shows it settled "yes". The
        // restored position's market is read at once (this synthetic ticker's suffix is not the close minute, so no close is parsed).
        h.Clock.SetUtcNow(TradingRunHarness.Close + TimeSpan.FromMinutes(2));
        var output = new AwaitingWriter();
        var session = new PaperSession(h.Config, ProfileLocator.Load("kalshi-btc-v6", AppContext.BaseDirectory),
            new PaperSettings { OutDirectory = Path.Combine(_dir, "out-2"), Dashboard = false }, output, h.Clock);
        using var stop = new CancellationTokenSource();
        var run = session.RunAsync(stop.Token);
        await output.WaitForAsync("recovery: resuming run 1 ");
        await output.WaitForAsync($"kalshi: market {ticker} settled yes (83 {ticker} at 1)");
        await stop.CancelAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(1, outcome.RunId);
        AssertResultsAndStore(h, outcome, "paper", tradeSignal: null); // this run's strategy never saw the market: no trade of its own
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("50.00", "position KXBTC15M-25DEC311907-50.kalshi: the store holds 83, kalshi reports 50")]
    [InlineData("boom", "recovery: Kalshi could not report positions and orders")]
    public async Task RunAsync_LiveRunResumedAfterACrash_CheckedAgainstWhatKalshiReports(string? reportedPosition, string? expected)
    {
        var ticker = TradingRunHarness.Market.Ticker;
        await using var h = await TradingRunHarness.StartAsync(_dir, live: true);
        await h.StartSessionAsync();
        SimKalshiSession[] sessions = [await h.Kalshi.NextSessionAsync(), await h.Kalshi.NextSessionAsync()];
        foreach (var s in sessions)
        {
            await s.WaitUntilAsync(x => x.Subscriptions.Any(c => c.Channel is KalshiCommands.OrderbookDeltaChannel or KalshiCommands.FillChannel), "a subscription");
        }

        await h.StepUntilTradeAsync(Assert.Single(sessions, x => x.Subscriptions.Any(c => c.Channel == KalshiCommands.OrderbookDeltaChannel)));
        await h.StopAsync();
        ReopenRun(h.Config.Store.Path); // as a kill -9 leaves it
        if (reportedPosition is not null) // Kalshi's answer scripted: a different position, or one that cannot be read
        {
            h.Kalshi.RespondOnce("/portfolio/positions", SimRestResponse.Json(
                $$"""{"market_positions":[{"ticker":"{{ticker}}","position_fp":"{{reportedPosition}}"}],"event_positions":[],"cursor":""}"""));
        }

        var output = new AwaitingWriter();
        var session = new PaperSession(h.Config, ProfileLocator.Load("kalshi-btc-v6", AppContext.BaseDirectory),
            new PaperSettings { Live = true, OutDirectory = Path.Combine(_dir, "out-2"), Dashboard = false }, output, h.Clock);
        using var stop = new CancellationTokenSource();
        var run = session.RunAsync(stop.Token);
        var resumed = await output.WaitForAsync("recovery: resuming run 1 ");
        await output.WaitForAsync("edgewise run: running until Ctrl+C");
        await stop.CancelAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Contains("1 open position(s)", resumed, StringComparison.Ordinal);
        Assert.Equal(1, h.Kalshi.CountRequests("/trade-api/v2/portfolio/positions")); // read once, at the start of the resumed run
        using var results = JsonDocument.Parse(File.ReadAllText(outcome.ResultsPath));
        var recovery = results.RootElement.GetProperty("recovery");
        if (expected is null)
        {
            Assert.Contains(" 0 difference(s)", resumed, StringComparison.Ordinal);
            Assert.DoesNotContain(output.Lines, l => l.StartsWith("recovery: trading starts Halted", StringComparison.Ordinal));
            Assert.Equal(JsonValueKind.Null, recovery.GetProperty("halt_reason").ValueKind);
        }
        else
        {
            // Trading starts Halted with the reason, and the difference (if Kalshi could answer) is listed.
            Assert.Contains(output.Lines, l => l.StartsWith("recovery: trading starts Halted", StringComparison.Ordinal));
            Assert.Contains(expected, string.Join('\n', output.Lines), StringComparison.Ordinal);
            Assert.NotEqual(JsonValueKind.Null, recovery.GetProperty("halt_reason").ValueKind);
        }
    }

    private static void ReopenRun(string storePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = storePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE runs SET stopped_at = NULL, exit_reason = NULL WHERE id = 1";
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static void AssertResultsAndStore(TradingRunHarness h, PaperOutcome outcome, string mode, string? tradeSignal = "MeanReversion")
    {
        var ticker = TradingRunHarness.Market.Ticker;
        using var results = JsonDocument.Parse(File.ReadAllText(outcome.ResultsPath));
        var root = results.RootElement;
        Assert.Equal(mode, root.GetProperty("mode").GetString());
        Assert.Equal(("73.04", "0.613536", "72.426464"),
            (root.GetProperty("realized_pnl").GetString(), root.GetProperty("fees").GetString(), root.GetProperty("cash").GetString()));
        var position = Assert.Single(root.GetProperty("positions").EnumerateArray());
        Assert.Equal(($"{ticker}.kalshi", "0", "0.00", "73.04", "0.613536"),
            (position.GetProperty("instrument").GetString(), position.GetProperty("quantity").GetString(), position.GetProperty("cost_basis").GetString(),
                position.GetProperty("realized_pnl").GetString(), position.GetProperty("fees").GetString()));
        if (tradeSignal is null)
        {
            Assert.Equal(0, root.GetProperty("trades").GetArrayLength());
        }
        else
        {
            var trade = Assert.Single(root.GetProperty("trades").EnumerateArray());
            Assert.Equal(("Yes", tradeSignal, "83", "9.96", "0.613536", "72.426464", true),
                (trade.GetProperty("side").GetString(), trade.GetProperty("signal").GetString(), trade.GetProperty("bought").GetString(),
                    trade.GetProperty("entry_cost").GetString(), trade.GetProperty("fees").GetString(), trade.GetProperty("net_pnl").GetString(),
                    trade.GetProperty("closed").GetBoolean()));
        }

        var settlement = Assert.Single(root.GetProperty("settlements").EnumerateArray());
        Assert.Equal((ticker, "yes", "finalized"), (settlement.GetProperty("market").GetString(), settlement.GetProperty("result").GetString(),
            settlement.GetProperty("status").GetString()));

        using var store = StoreReader.Open(h.Config.Store.Path);
        var fill = Assert.Single(store.LoadFills(outcome.RunId));
        Assert.Equal((Price.Parse("0.12"), Quantity.Parse("83"), Fee), (fill.Price, fill.Quantity, fill.Fee));
        // The entry filter: at least 5 minutes to the close when the order filled (the status line that shows it can come a step later).
        Assert.True(fill.TsEvent <= (TradingRunHarness.Close - TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds() * 1_000_000,
            $"filled at {DateTimeOffset.FromUnixTimeMilliseconds(fill.TsEvent / 1_000_000):u}, less than 5 minutes before the close");
        var ledger = store.LoadLedger(outcome.RunId).Select(e => e.Entry).ToList();
        Assert.Equal([(LedgerEntryKind.TradeCash, -Cost), (LedgerEntryKind.Fee, -Fee), (LedgerEntryKind.SettlementPayout, Payout)],
            ledger.Select(e => (e.Kind, e.Amount)));
        Assert.Equal(72.426464m, ledger.Sum(e => e.Amount));
        Assert.Equal(72.426464m, ledger[^1].BalanceAfter);
        var stored = Assert.Single(store.LoadPositions(outcome.RunId));
        Assert.Equal((true, 73.04m, Fee), (stored.IsFlat, stored.RealizedPnl, stored.FeesPaid));
        var consistency = store.CheckConsistency(outcome.RunId);
        Assert.True(consistency.IsConsistent, string.Join("; ", consistency.Problems));
        Assert.Equal(72.426464m, consistency.Cash);
    }
}
