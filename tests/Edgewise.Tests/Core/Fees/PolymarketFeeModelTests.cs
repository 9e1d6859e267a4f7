using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Core.Fees;

public class PolymarketFeeModelTests
{
    private static Price P(string text) => Price.Parse(text);

    private static Quantity C(string text) => Quantity.Parse(text);

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Fee_OlderScheduleHundredAtHalf_IsFactsValue()
    {
        // 100 × 0.25 × (0.5 × 0.5)^2 = 100 × 0.25 × 0.0625 = 1.5625.
        var model = new PolymarketFeeModel(0.25m, exponent: 2);
        Assert.Equal(1.5625m, model.Fee(P("0.50"), C("100"), LiquiditySide.Taker));
    }

    [Theory]
    // 100 × 0.07 × 0.25 = 1.75
    [InlineData("0.50", "100", "1.75")]
    // 3 × 0.07 × 0.33 × 0.67 = 3 × 0.07 × 0.2211 = 0.046431 -> truncated to 0.04643
    [InlineData("0.33", "3", "0.04643")]
    // 1 × 0.07 × 0.01 × 0.99 = 0.000693 -> 0.00069
    [InlineData("0.01", "1", "0.00069")]
    // 1 × 0.07 × 0.001 × 0.999 = 0.00006993 -> 0.00006
    [InlineData("0.001", "1", "0.00006")]
    // 1 × 0.07 × 0.0001 × 0.9999 = 0.0000069993: below the smallest fee, so zero (not raised to 0.00001)
    [InlineData("0.0001", "1", "0")]
    public void Fee_CryptoSchedule_HandComputedTruncatedToFiveDecimals(string price, string shares, string expected)
    {
        Assert.Equal(D(expected), PolymarketFeeModel.Crypto.Fee(P(price), C(shares), LiquiditySide.Taker));
    }

    [Fact]
    public void Fee_MakerOnTakerOnlySchedule_IsZero()
    {
        Assert.Equal(0m, PolymarketFeeModel.Crypto.Fee(P("0.50"), C("100"), LiquiditySide.Maker));
    }

    [Fact]
    public void Fee_MakerWhenNotTakerOnly_PaysSameFormula()
    {
        var model = new PolymarketFeeModel(0.07m, takerOnly: false);
        Assert.Equal(1.75m, model.Fee(P("0.50"), C("100"), LiquiditySide.Maker));
    }

    [Fact]
    public void Fee_FreeMarket_IsZero()
    {
        Assert.Equal(0m, PolymarketFeeModel.Free.Fee(P("0.50"), C("100"), LiquiditySide.Taker));
    }

    [Fact]
    public void Constructor_InvalidSchedule_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolymarketFeeModel(-0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolymarketFeeModel(0.07m, exponent: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolymarketFeeModel.Crypto.Fee(P("1.5"), C("1"), LiquiditySide.Taker));
    }

    [Fact]
    public void Fee_AnyFill_BoundedTruncatedSymmetricAndZeroAtEnds()
    {
        var fills =
            from rate in Gen.Elements(0.07m, 0.25m, 0.03m, 0.0175m)
            from exponent in Gen.Choose(1, 2)
            from ticks in Gen.Choose(0, 1_000) // prices 0.000 … 1.000 on a 0.001 grid
            from cents in Gen.Choose(1, 10_000_000) // 0.01 … 100,000 shares
            select (Model: new PolymarketFeeModel(rate, exponent), Price: new Price(ticks * 1_000_000L), Shares: new Quantity(cents * 10_000_000L));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3_000), Prop.ForAll(fills.ToArbitrary(), f =>
        {
            var fee = f.Model.Fee(f.Price, f.Shares, LiquiditySide.Taker);
            var exact = f.Model.ExactFee(f.Price, f.Shares);
            var complement = f.Model.Fee(new Price(FixedPoint.One - f.Price.Raw), f.Shares, LiquiditySide.Taker);
            var quarter = f.Model.Exponent == 1 ? 0.25m : 0.0625m; // max of (p(1 − p))^exponent, at p = 0.5
            var atEnds = f.Price.Raw is 0 or FixedPoint.One ? fee == 0m : true;
            return fee <= f.Shares.ToDecimal() * f.Model.Rate * quarter
                && fee <= exact && exact - fee < 0.00001m && fee % 0.00001m == 0m
                && fee == complement && atEnds;
        }));
    }
}
