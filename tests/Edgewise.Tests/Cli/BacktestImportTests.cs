using Edgewise.Cli.Backtest;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Time;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Tests.Cli;

public sealed class BacktestImportTests : IDisposable
{
    private readonly BacktestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void TobFile_RealFile_Has1814RowsOver63MarketsWithCloseTimesFromTheTickers()
    {
        var (tob, _) = BacktestFiles.RealOrSkip();

        var data = TobFile.Read(tob);

        Assert.Equal(1814, data.Rows.Count);
        Assert.Equal(63, data.Markets.Count);
        Assert.Equal(1814, data.Markets.Sum(static m => m.RowCount));
        var first = data.Rows[0];
        Assert.Equal(ReplayTimeProvider.ToUnixNs(new DateTimeOffset(2026, 2, 2, 2, 44, 21, TimeSpan.Zero)) + 439_836_000L, first.TsNs);
        Assert.Equal(("KXBTC15M-26FEB012145-45", 76_925.27m, 0m, 0.01m), (first.Ticker, first.Brti.ToDecimal(), first.YesBid.ToDecimal(), first.YesAsk.ToDecimal()));
        Assert.False(first.HasBid);
        // KXBTC15M-26FEB012145-45: 21:45 ET on Feb 1 (EST, UTC−5) = 02:45 UTC on Feb 2; it opened 15 minutes earlier.
        var market = data.Markets[0];
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 2, 45, 0, TimeSpan.Zero), market.CloseTime);
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 2, 30, 0, TimeSpan.Zero), market.OpenTime);
        var recorded = Assert.Single(data.Markets, static m => m.Ticker == "KXBTC15M-26FEB020300-00");
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero), recorded.CloseTime);
        Assert.Equal(30, recorded.RowCount);
        Assert.All(data.Markets, static m => Assert.InRange(ReplayTimeProvider.ToUnixNs(m.CloseTime) - m.FirstTsNs, 0L, 15L * 60 * 1_000_000_000));
    }

    [Fact]
    public void SettlementFile_RealFile_Has142RecordsAndOneForTheTobMarkets()
    {
        var (tob, settlements) = BacktestFiles.RealOrSkip();

        var data = SettlementFile.Read(settlements);
        var outcomes = SettlementResolver.Resolve(TobFile.Read(tob), data);

        Assert.Equal(142, data.Records.Count);
        var recorded = Assert.Single(outcomes, static o => o.Source == SettlementSource.Recorded);
        Assert.Equal("KXBTC15M-26FEB020300-00", recorded.Market.Ticker);
        Assert.Equal(OutcomeSide.Yes, recorded.Result);
        Assert.True(recorded.QuoteAgrees); // its last quote, 0.99/1 13.5 s before close, pinned yes too
        Assert.Equal(46, outcomes.Count(static o => o.Source == SettlementSource.Inferred));
        Assert.Equal(16, outcomes.Count(static o => o.Source == SettlementSource.None));
    }

    [Fact]
    public void TobFile_MalformedLine_ErrorNamesFileAndLine()
    {
        var path = _files.Write("bad.jsonl",
            """{"t": "2026-02-02T07:45:00", "brti": 100000, "kalshi": {"ticker": "KXBTC15M-26FEB020300-00", "yes_bid": 0.5, "yes_ask": 0.52, "volume": 1}}""" + "\n" +
            """{"t": "2026-02-02T07:45:30", "brti": 100000, "kalshi": {"ticker": "KXBTC15M-26FEB020300-00", "yes_bid": 0.5, "volume": 1}}""" + "\n");

        var error = Assert.Throws<BacktestInputException>(() => TobFile.Read(path));
        Assert.Equal($"{path}:2: \"yes_ask\" is missing", error.Message);
    }

    [Theory]
    [InlineData("""{"t": "02/02/2026", "brti": 1, "kalshi": {"ticker": "KXBTC15M-26FEB020300-00", "yes_bid": 0.5, "yes_ask": 0.52, "volume": 1}}""", "\"t\" '02/02/2026' is not a yyyy-MM-ddTHH:mm:ss[.ffffff] time")]
    [InlineData("""{"t": "2026-02-02T07:45:00", "brti": 1, "kalshi": {"ticker": "KXBTC15M-26FEB020300-00", "yes_bid": 1.5, "yes_ask": 0.52, "volume": 1}}""", "yes_bid 1.5 / yes_ask 0.52 are not prices in [0, 1]")]
    [InlineData("""{"t": "2026-02-02T07:45:00", "brti": 1, "kalshi": {"ticker": "BTC", "yes_bid": 0.5, "yes_ask": 0.52, "volume": 1}}""", "ticker 'BTC' is not <series>-<yyMMMddHHmm>-<mm>")]
    [InlineData("not json", "")] // the JSON reader's own message follows the line number
    public void TobFile_BadRow_IsRefusedWithTheReason(string line, string reason)
    {
        var path = _files.Write("bad.jsonl", line + "\n");

        var error = Assert.Throws<BacktestInputException>(() => TobFile.Read(path));
        Assert.StartsWith($"{path}:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SettlementFile_CloseTimeDisagreesWithTicker_IsRefused()
    {
        var path = _files.Settlements(("KXBTC15M-26FEB020300-00", "2026-02-02T07:00:00Z", "yes"));

        var error = Assert.Throws<BacktestInputException>(() => SettlementFile.Read(path));
        Assert.Contains("record 0: close_time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RecordedQuotePinnedAndNeither_AreTheThreeSources()
    {
        var tob = TobFile.Read(_files.Tob(
            ("2026-02-02T07:44:30", "KXBTC15M-26FEB020245-45", 100_000m, 0.99m, 1m),   // 30 s before close, pins yes
            ("2026-02-02T07:59:50", "KXBTC15M-26FEB020300-00", 100_000m, 0m, 0.01m),   // pins no, but recorded says yes
            ("2026-02-02T08:13:00", "KXBTC15M-26FEB020315-15", 100_000m, 0.99m, 1m),   // 120 s before close: too early
            ("2026-02-02T08:29:40", "KXBTC15M-26FEB020330-30", 100_000m, 0.97m, 0.98m))); // not pinned
        var settlements = SettlementFile.Read(_files.Settlements(("KXBTC15M-26FEB020300-00", "2026-02-02T08:00:00Z", "yes")));

        var outcomes = SettlementResolver.Resolve(tob, settlements);

        Assert.Equal(
            [
                (SettlementSource.Inferred, (OutcomeSide?)OutcomeSide.Yes, (bool?)null),
                (SettlementSource.Recorded, OutcomeSide.Yes, false),
                (SettlementSource.None, null, null),
                (SettlementSource.None, null, null),
            ],
            outcomes.Select(static o => (o.Source, o.Result, o.QuoteAgrees)).ToList());
        Assert.Equal("last quote 30.0 s before close: 0.99/1 pins yes", outcomes[0].Detail);
        Assert.Equal("last quote 120.0 s before close: 0.99/1 (more than 60 s before close)", outcomes[2].Detail);
        Assert.Equal("last quote 20.0 s before close: 0.97/0.98 (not pinned)", outcomes[3].Detail);
    }

    [Fact]
    public void FairValueScorer_TwoMoments_HandComputedBrierAndLogLoss()
    {
        var market = new TobMarket("KXBTC15M-26FEB020300-00", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(15), 2, 0, 0);
        var scorer = new FairValueScorer([new MarketOutcome(market, SettlementSource.Recorded, OutcomeSide.Yes, "", null)]);
        scorer.Observe(new FairValuePoint(1, market.Ticker, 0.8m, 0.6m, 600m));
        scorer.Observe(new FairValuePoint(2, market.Ticker, 0.9m, 0.7m, 570m));
        scorer.Observe(new FairValuePoint(3, market.Ticker, null, 0.7m, 540m));

        var score = scorer.Score(SettlementSource.Recorded);

        // YES happened (y = 1). Model: Brier ((0.2)² + (0.1)²) / 2 = 0.025; log loss (−ln 0.8 − ln 0.9) / 2 = (0.223144 + 0.105361) / 2 = 0.164252.
        // Mid:   Brier ((0.4)² + (0.3)²) / 2 = 0.125; log loss (−ln 0.6 − ln 0.7) / 2 = (0.510826 + 0.356675) / 2 = 0.433750.
        Assert.Equal(new FairValueScore(1, 2, 1, 0.025m, 0.125m, 0.164252m, 0.433750m), score);
        Assert.Equal(new FairValueScore(0, 0, 0, null, null, null, null), scorer.Score(SettlementSource.Inferred));
    }

    [Fact]
    public void TobRow_EmptySideSentinels_AreNoLevels()
    {
        var row = new TobRow(1, 0, "t", Price.FromDecimal(1m), Price.Zero, Price.FromDecimal(1m), 0);
        Assert.False(row.HasBid);
        Assert.False(row.HasAsk);
    }
}
