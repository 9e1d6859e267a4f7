using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Core.Instruments;

public class BinaryContractTests
{
    private static readonly DateTimeOffset Open = new(2026, 9, 12, 12, 3, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Close = new(2026, 9, 12, 12, 18, 0, TimeSpan.Zero);

    private static Price P(string text) => Price.Parse(text);

    private static BinaryContract Kxbtc15m(decimal priceToBeat = 112000m) => new(
        new InstrumentId("kalshi", "KXBTC15M-26SEP1218-T112000"),
        new KalshiFeeModel(KalshiFeeType.Quadratic),
        TickGrid.TaperedDeciCent,
        Quantity.Parse("0.01"),
        Open,
        Close,
        BinaryStrike.AtLeast(priceToBeat),
        SettlementRule.SimpleAverage60Seconds);

    [Theory]
    [InlineData("0.095", true)]
    [InlineData("0.105", false)]
    [InlineData("0.55", true)]
    [InlineData("0.001", true)]
    [InlineData("0.999", true)]
    [InlineData("0", false)] // grid point, but $0 is not a tradable price
    [InlineData("1", false)] // likewise $1
    public void IsOnTick_TaperedMarket_GridPointsStrictlyInsideZeroOne(string price, bool expected)
    {
        Assert.Equal(expected, Kxbtc15m().IsOnTick(P(price)));
    }

    [Fact]
    public void InstrumentMembers_BinaryContract_MultiplierOneAndGridTick()
    {
        var market = Kxbtc15m();
        Assert.Equal(1m, market.Multiplier);
        Assert.Equal(P("0.001"), market.MinTick);
        // 10 contracts at $0.55 = $5.50.
        Assert.Equal(5.5m, market.Notional(P("0.55"), Quantity.Parse("10")));
        Assert.True(market.IsValidSize(Quantity.Parse("2.37")));
        Assert.False(market.IsValidSize(Quantity.Parse("2.375")));
    }

    [Fact]
    public void Complement_YesBid_IsNoAsk()
    {
        // A YES bid at 0.42 is a NO ask at 1 − 0.42 = 0.58.
        Assert.Equal(P("0.58"), BinaryContract.Complement(P("0.42")));
    }

    [Fact]
    public void SettlementValueAndResult_AverageAtStrike_SettlesYes()
    {
        // 30 prints at 111999.99 and 30 at 112000.01 average exactly 112000.00 = the strike: "at least" -> YES.
        var prints = Enumerable.Repeat(P("111999.99"), 30).Concat(Enumerable.Repeat(P("112000.01"), 30)).ToArray();
        var market = Kxbtc15m();

        var value = market.SettlementValue(prints);

        Assert.Equal(112000m, value);
        Assert.Equal(OutcomeSide.Yes, market.ResultFor(value));
    }

    [Fact]
    public void ResultFor_AverageOneCentBelowStrike_SettlesNo()
    {
        Assert.Equal(OutcomeSide.No, Kxbtc15m().ResultFor(111999.99m));
    }

    [Theory]
    [InlineData(OutcomeSide.Yes, OutcomeSide.Yes, "10", 10)]
    [InlineData(OutcomeSide.No, OutcomeSide.Yes, "10", 0)]
    [InlineData(OutcomeSide.No, OutcomeSide.No, "2.5", 2.5)]
    [InlineData(OutcomeSide.Yes, OutcomeSide.No, "2.5", 0)]
    public void Payout_HeldSideAndResult_OneDollarPerWinningContract(OutcomeSide held, OutcomeSide result, string contracts, double expected)
    {
        Assert.Equal((decimal)expected, BinaryContract.Payout(held, Quantity.Parse(contracts), result));
    }

    [Fact]
    public void ResultFor_NoStrike_Throws()
    {
        var market = new BinaryContract(
            new InstrumentId("polymarket", "btc-updown-5m"), PolymarketFeeModel.Crypto, TickGrid.LinearCent,
            Quantity.Parse("0.01"), Open, Close, strike: null, settlement: null);

        Assert.Throws<InvalidOperationException>(() => market.ResultFor(1m));
        Assert.Throws<InvalidOperationException>(() => market.SettlementValue([P("1")]));
    }

    [Fact]
    public void Constructor_CloseNotAfterOpen_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BinaryContract(
            new InstrumentId("kalshi", "X"), new KalshiFeeModel(KalshiFeeType.Quadratic), TickGrid.LinearCent,
            Quantity.Parse("1"), Close, Close, null, null));
    }

    [Fact]
    public void Constructor_GridBeyondOneDollar_Throws()
    {
        var grid = TickGrid.FromText([("0", "2", "0.01")]);
        Assert.Throws<ArgumentException>(() => new BinaryContract(
            new InstrumentId("kalshi", "X"), new KalshiFeeModel(KalshiFeeType.Quadratic), grid,
            Quantity.Parse("1"), Open, Close, null, null));
    }
}
