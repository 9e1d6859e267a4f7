// The backtest on constructed files (fees, recorded versus inferred versus no settlement) and on the real files
// under ../shared (runs, deterministic summary.json, the recorded settlement used for its market).
using System.Text;
using Edgewise.Cli.Backtest;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Risk;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.BtcBinary.Profiles;
using Edgewise.TestKit;

namespace Edgewise.Tests.Cli;

public sealed class BacktestRunTests : IDisposable
{
    private const string Previous = "KXBTC15M-26FEB020245-45";
    private const string Market = "KXBTC15M-26FEB020300-00";

    private static readonly BtcBinaryProfile HoldToSettlement = new("test-hold", "constructed", "0", "test-hold.json", new BtcBinaryOptions
    {
        MeanReversion = new MeanReversionOptions { Enabled = false },
        Exits = new ExitOptions { HoldToSettlement = true },
    }, new RiskLimits());

    private readonly BacktestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Run_BuyAt0055_ChargesTheKalshiFeeRoundedUpToTheMillionth()
    {
        var result = Run(lastQuoteBid: 0.99m, lastQuoteAsk: 1m, lastQuoteTime: "07:59:50", settlements: null);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((SignalKind.DelayArbitrage, OutcomeSide.Yes), (trade.Signal, trade.Side));
        // floor($10 / 0.055) = 181 contracts; cost 181 × 0.055 = 9.955;
        // fee 0.07 × 181 × 0.055 × 0.945 = 0.65852325, rounded up to $0.000001 = 0.658524.
        Assert.Equal(181m, trade.Bought.ToDecimal());
        Assert.Equal(9.955m, trade.EntryCost);
        Assert.Equal(0.658524m, trade.EntryFees);
        var fill = Assert.Single(result.Decisions, static d => d.Fill is { IsEntry: true });
        Assert.Equal(0.658524m, fill.Fill!.Value.Fee);
        Assert.Equal(0.658524m, result.Counters.PortfolioFees);
    }

    [Fact]
    public void Run_QuotePinsYesAndNoRecordedResult_SettlesInferredAndReportsItApart()
    {
        var result = Run(lastQuoteBid: 0.99m, lastQuoteAsk: 1m, lastQuoteTime: "07:59:50", settlements: null);
        var stats = BacktestStatistics.From(result);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(ExitReason.Settlement, trade.ExitReason);
        Assert.Equal(TradeCategory.SettledInferred, stats.Categories[0].Category);
        // 181 × $1 − 9.955 − 0.658524 = 170.386476, reported only as inferred.
        Assert.Equal(170.386476m, trade.NetPnl);
        Assert.Equal(TradeGroup.Empty, stats.Verified);
        Assert.Equal(new TradeGroup(1, 1, 170.386476m, 0.658524m), stats.Inferred);
        Assert.Contains("\"settled_inferred\": 1", Summary(result), StringComparison.Ordinal);
        Assert.Contains("| 1 | KXBTC15M-26FEB020300-00 | delay_arbitrage | yes |", BacktestReportWriter.Render(result, stats), StringComparison.Ordinal);
        Assert.Contains("settlement (INFERRED)", BacktestReportWriter.Render(result, stats), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RecordedResultContradictsTheLastQuote_TheRecordedResultSettles()
    {
        var settlements = _files.Settlements((Market, "2026-02-02T08:00:00Z", "no"));

        var result = Run(lastQuoteBid: 0.99m, lastQuoteAsk: 1m, lastQuoteTime: "07:59:50", settlements);
        var stats = BacktestStatistics.From(result);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(0m, trade.SettlementPrice!.Value.ToDecimal());
        // Recorded NO: the YES contracts pay nothing: −9.955 − 0.658524 = −10.613524, a verified loss.
        Assert.Equal(-10.613524m, trade.NetPnl);
        Assert.Equal(TradeCategory.SettledRecorded, stats.Categories[0].Category);
        Assert.Equal(new TradeGroup(1, 0, -10.613524m, 0.658524m), stats.Verified);
        Assert.False(result.Outcomes.Single(static o => o.Market.Ticker == Market).QuoteAgrees);
        Assert.Equal(result.Counters.PortfolioRealizedPnl - result.Counters.PortfolioFees, trade.NetPnl);
    }

    [Fact]
    public void Run_NoResultAndLastQuoteTooEarly_LeavesTheTradeOpenAndListed()
    {
        var result = Run(lastQuoteBid: 0.99m, lastQuoteAsk: 1m, lastQuoteTime: "07:58:30", settlements: null);
        var stats = BacktestStatistics.From(result);

        var trade = Assert.Single(result.Trades);
        Assert.False(trade.IsClosed);
        Assert.Equal(SettlementSource.None, result.Outcomes.Single(static o => o.Market.Ticker == Market).Source);
        Assert.Equal(TradeCategory.OpenUnsettled, stats.Categories[0].Category);
        Assert.Equal(TradeGroup.Empty, stats.IncludingInferred);
        Assert.Contains("\"open_unsettled\": 1", Summary(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RealFilesTwice_SummaryIsIdenticalAndTheRecordedResultIsUsed()
    {
        var (tob, settlementsPath) = BacktestFiles.RealOrSkip();
        var profile = ProfileReader.Load(Path.Combine(SharedData.RepositoryRoot, "profiles", "kalshi-btc-v6.json"));
        var data = TobFile.Read(tob);
        var settlements = SettlementFile.Read(settlementsPath);

        var first = BacktestRunner.Run(profile, data, settlements);
        var second = BacktestRunner.Run(profile, data, settlements);

        Assert.Equal(Summary(first), Summary(second));
        Assert.Equal(DecisionJsonlWriter.ToText(first.Decisions), DecisionJsonlWriter.ToText(second.Decisions));
        var recorded = Assert.Single(first.Outcomes, static o => o.Source == SettlementSource.Recorded);
        Assert.Equal(("KXBTC15M-26FEB020300-00", OutcomeSide.Yes), (recorded.Market.Ticker, recorded.Result));
        Assert.Equal(1, first.RecordedScore.Markets);
        Assert.True(first.RecordedScore.Moments > 20, $"{first.RecordedScore.Moments} moments");
        Assert.NotNull(first.RecordedScore.ModelBrier);
        Assert.Equal(("KXBTC15M-26FEB020300-00", first.RecordedScore), Assert.Single(first.RecordedScoreByMarket));
        Assert.Equal(1814, first.Counters.IndexTicks);
        Assert.Equal(0, first.DecisionsDropped);
        Assert.NotEmpty(first.Trades);
        // Every trade's P&L comes from its fills and settlement; together they are what the portfolio booked.
        Assert.All(first.Trades, static t => Assert.True(t.IsClosed));
        Assert.Equal(first.Counters.PortfolioRealizedPnl - first.Counters.PortfolioFees, first.Trades.Sum(static t => t.NetPnl));
        Assert.All(first.Decisions.Where(static d => d.Kind == DecisionKind.Entry),
            static d => Assert.Equal(EntryFilter.DepthUnknown, d.Inputs!.Depth));
    }

    /// <summary>
    /// The previous market's two prints before 07:45 set the strike at 100,000; at 07:46 BTC is +0.2% over 60 s while YES
    /// is offered at 0.055 (fair ≈ 0.72): the strategy buys YES. The last quote is at <paramref name="lastQuoteTime"/>.
    /// </summary>
    private BacktestResult Run(decimal lastQuoteBid, decimal lastQuoteAsk, string lastQuoteTime, string? settlements)
    {
        var tob = _files.Tob(
            ("2026-02-02T07:44:10", Previous, 100_000m, 0m, 0.01m),
            ("2026-02-02T07:44:40", Previous, 100_000m, 0m, 0.01m),
            ("2026-02-02T07:45:00", Market, 100_000m, 0.05m, 0.055m),
            ("2026-02-02T07:46:00", Market, 100_200m, 0.05m, 0.055m),
            ("2026-02-02T" + lastQuoteTime, Market, 100_300m, lastQuoteBid, lastQuoteAsk));
        return BacktestRunner.Run(HoldToSettlement, TobFile.Read(tob), settlements is null ? SettlementData.None : SettlementFile.Read(settlements));
    }

    private static string Summary(BacktestResult result)
    {
        using var stream = new MemoryStream();
        BacktestSummaryWriter.Write(stream, result, BacktestStatistics.From(result));
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
