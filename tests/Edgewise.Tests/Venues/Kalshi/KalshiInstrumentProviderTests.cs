using System.Text;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi;

public sealed class KalshiInstrumentProviderTests
{
    // A KXBTC15M market object in the shape FACTS §5.3 lists (hand-made values).
    private const string Kxbtc15m = """
        {"market":{"ticker":"KXBTC15M-26SEP261900-00","event_ticker":"KXBTC15M-26SEP261900","series_ticker":"KXBTC15M","status":"open",
         "open_time":"2026-09-26T22:45:00Z","close_time":"2026-09-26T23:00:00Z","strike_type":"greater_or_equal","floor_strike":112034.56,
         "price_level_structure":"tapered_deci_cent",
         "price_ranges":[{"start":"0.0000","end":"0.1000","step":"0.0010"},{"start":"0.1000","end":"0.9000","step":"0.0100"},{"start":"0.9000","end":"1.0000","step":"0.0010"}],
         "yes_bid_dollars":"0.0690","yes_ask_dollars":"0.0700"}}
        """;

    private readonly KalshiInstrumentProvider _provider = new();

    private static Price P(string s) => Price.Parse(s);

    [Fact]
    public void FromMarketJson_Kxbtc15m_BinaryContractWithStrikeGridFeesAndSettlement()
    {
        var result = _provider.FromMarketJson(Encoding.UTF8.GetBytes(Kxbtc15m));

        Assert.True(result.IsSuccess, result.Error);
        var market = result.Market!;
        Assert.Equal(("KXBTC15M", "KXBTC15M-26SEP261900", "open", "tapered_deci_cent"), (market.SeriesTicker, market.EventTicker, market.Status, market.PriceLevelStructure));
        var c = market.Contract;
        Assert.Equal(new InstrumentId("kalshi", "KXBTC15M-26SEP261900-00"), c.Id);
        Assert.Equal(new DateTimeOffset(2026, 9, 26, 22, 45, 0, TimeSpan.Zero), c.OpenTime);
        Assert.Equal(new DateTimeOffset(2026, 9, 26, 23, 0, 0, TimeSpan.Zero), c.CloseTime);
        Assert.Equal(BinaryStrike.AtLeast(112034.56m), c.Strike);
        Assert.Equal(OutcomeSide.Yes, c.ResultFor(112034.56m)); // at least the strike
        Assert.Equal(OutcomeSide.No, c.ResultFor(112034.55m));
        Assert.Same(SettlementRule.SimpleAverage60Seconds, c.Settlement);
        Assert.Equal(P("0.001"), c.MinTick);
        Assert.True(c.IsOnTick(P("0.069")));
        Assert.False(c.IsOnTick(P("0.425")));
        Assert.Equal(Quantity.Parse("0.01"), c.SizeIncrement);
        var fees = Assert.IsType<KalshiFeeModel>(c.Fees);
        Assert.Equal((KalshiFeeType.Quadratic, 1m), (fees.FeeType, fees.FeeMultiplier));
        // Taker at 0.50 for 10 contracts: 0.07 x 10 x 0.5 x 0.5 = 0.175; makers pay nothing on a quadratic series.
        Assert.Equal(0.175m, c.Fees.Fee(P("0.5"), Quantity.Parse("10"), LiquiditySide.Taker));
        Assert.Equal(0m, c.Fees.Fee(P("0.5"), Quantity.Parse("10"), LiquiditySide.Maker));
    }

    [Fact]
    public void FromMarket_KxbtcdWithStringStrikeAndOnlyTheStructureName_PresetGridWholeContracts()
    {
        var json = """
            {"ticker":"KXBTCD-26SEP2617-T115749.99","event_ticker":"KXBTCD-26SEP2617","open_time":"2026-09-26T16:00:00Z",
             "close_time":"2026-09-26T21:00:00Z","strike_type":"greater","floor_strike":"115749.99","price_level_structure":"linear_cent",
             "fractional_trading_enabled":false}
            """;

        var result = _provider.FromMarketJson(Encoding.UTF8.GetBytes(json));

        Assert.True(result.IsSuccess, result.Error);
        var c = result.Market!.Contract;
        Assert.Equal("KXBTCD", result.Market.SeriesTicker); // from the ticker
        Assert.Equal(new BinaryStrike(StrikeType.Greater, 115749.99m, null), c.Strike);
        Assert.Equal(P("0.01"), c.MinTick);
        Assert.Equal(Quantity.Parse("1"), c.SizeIncrement);
        Assert.IsType<KalshiFeeModel>(c.Fees);
    }

    [Fact]
    public void FromMarket_UnknownSeries_FeesRefuseUntilLoaded()
    {
        var json = """{"ticker":"HIGHNY-22DEC23-B53.5","open_time":"2022-12-22T15:00:00Z","close_time":"2022-12-24T04:59:00Z","price_level_structure":"linear_cent","strike_type":"custom"}""";

        var c = _provider.FromMarketJson(Encoding.UTF8.GetBytes(json)).Market!.Contract;

        Assert.Null(c.Strike); // a custom strike is not modelled: the venue's result decides
        Assert.Null(c.Settlement);
        Assert.Throws<InvalidOperationException>(() => c.Fees.Fee(P("0.5"), Quantity.Parse("1"), LiquiditySide.Taker));

        _provider.SetSeriesFees("HIGHNY", "quadratic_with_maker_fees", 1m);
        var loaded = _provider.FromMarketJson(Encoding.UTF8.GetBytes(json)).Market!.Contract;
        // Maker: 0.0175 x 1 x 0.5 x 0.5 = 0.004375.
        Assert.Equal(0.004375m, loaded.Fees.Fee(P("0.5"), Quantity.Parse("1"), LiquiditySide.Maker));
    }

    [Theory]
    [InlineData("""{"ticker":"A-1","close_time":"2026-01-01T00:00:00Z","price_level_structure":"linear_cent"}""", "the market has no 'open_time'")]
    [InlineData("""{"ticker":"A-1","open_time":"2026-01-01T00:00:00Z","close_time":"soon","price_level_structure":"linear_cent"}""", "'close_time' is not an ISO 8601 time: 'soon'")]
    [InlineData("""{"ticker":"A-1","open_time":"2026-01-01T00:00:00Z","close_time":"2026-01-02T00:00:00Z"}""", "price grid is unknown")]
    [InlineData("""{"ticker":"A-1","open_time":"2026-01-01T00:00:00Z","close_time":"2026-01-02T00:00:00Z","price_level_structure":"mystery"}""", "'mystery' has no preset")]
    [InlineData("""{"ticker":"A-1","open_time":"2026-01-01T00:00:00Z","close_time":"2026-01-02T00:00:00Z","price_ranges":[{"start":"0","end":"1","step":"0.3"}]}""", "does not divide")]
    [InlineData("""{"ticker":"A-1","open_time":"2026-01-01T00:00:00Z","close_time":"2026-01-02T00:00:00Z","price_level_structure":"linear_cent","strike_type":"greater"}""", "needs a floor strike")]
    [InlineData("""{"ticker":"A-1","open_time":"2026-01-01T00:00:00Z","close_time":"2026-01-02T00:00:00Z","price_level_structure":"linear_cent","strike_type":"less","cap_strike":"high"}""", "'cap_strike' is not a number")]
    [InlineData("""{"ticker":"A-1","open_time":"2026-01-02T00:00:00Z","close_time":"2026-01-01T00:00:00Z","price_level_structure":"linear_cent"}""", "is not after open time")]
    [InlineData("""{"open_time":"2026-01-02T00:00:00Z"}""", "needs a 'ticker'")]
    [InlineData("""{"ticker":""", "not JSON")]
    public void FromMarketJson_BadMarket_TypedFailureNamingTheProblem(string json, string problem)
    {
        var result = _provider.FromMarketJson(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsSuccess);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCapture_UnknownMarket_TaperedGridDenseBookTickAndKnownSeriesFees()
    {
        var c = _provider.FromCapture(new InstrumentId("kalshi", "KXBTC15M-26SEP261900-00"));

        Assert.Same(TickGrid.TaperedDeciCent, c.PriceGrid);
        Assert.Equal(P("0.001"), c.MinTick);
        Assert.IsType<KalshiFeeModel>(c.Fees);
        Assert.Null(c.Strike);
        Assert.IsType<UnknownFeeModel>(_provider.FromCapture(new InstrumentId("kalshi", "FED-23DEC-T3.00")).Fees);
    }

    [Theory]
    [InlineData("KXBTC15M-26SEP261900-00", "KXBTC15M")]
    [InlineData("KXBTCD-26SEP2617-T115749.99", "KXBTCD")]
    [InlineData("NODASH", "NODASH")]
    public void SeriesOf_Ticker_TextBeforeTheFirstDash(string ticker, string series)
    {
        Assert.Equal(series, KalshiInstrumentProvider.SeriesOf(ticker));
    }
}
