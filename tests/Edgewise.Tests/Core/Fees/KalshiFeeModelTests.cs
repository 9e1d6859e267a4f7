using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Core.Fees;

[Collection(AllocationMeasurements.Name)]
public class KalshiFeeModelTests
{
    private static readonly KalshiFeeModel Quadratic = new(KalshiFeeType.Quadratic);

    private static Price P(string text) => Price.Parse(text);

    private static Quantity C(string text) => Quantity.Parse(text);

    [Fact]
    public void Fee_FactsWorkedExample_RoundsUpToMillionth()
    {
        // 0.07 × 1 × 0.055 × 0.945 = 0.00363825 -> rounded up to $0.000001: 0.003639.
        Assert.Equal(0.00363825m, Quadratic.ExactFee(P("0.055"), C("1"), LiquiditySide.Taker));
        Assert.Equal(0.003639m, Quadratic.Fee(P("0.055"), C("1"), LiquiditySide.Taker));
    }

    [Fact]
    public void Fee_HundredContractsAtHalf_IsExactlyOneSeventyFive()
    {
        // 0.07 × 100 × 0.50 × 0.50 = 1.75 (the 1.75c-per-contract maximum).
        Assert.Equal(1.75m, Quadratic.Fee(P("0.50"), C("100"), LiquiditySide.Taker));
    }

    [Theory]
    // 0.07 × 3 × 0.055 × 0.945 = 0.01091475 -> 0.010915.
    [InlineData("0.055", "3", "0.010915")]
    // 0.07 × 1 × 0.01 × 0.99 = 0.000693, already on the $0.000001 grid.
    [InlineData("0.01", "1", "0.000693")]
    // 0.07 × 0.01 × 0.5 × 0.5 = 0.000175 (fractional contract).
    [InlineData("0.50", "0.01", "0.000175")]
    // 0.07 × 7 × 0.33 × 0.67 = 0.108339.
    [InlineData("0.33", "7", "0.108339")]
    // 0.07 × 1 × 0.001 × 0.999 = 0.00006993 -> 0.00007.
    [InlineData("0.001", "1", "0.00007")]
    public void Fee_Taker_HandComputed(string price, string contracts, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Quadratic.Fee(P(price), C(contracts), LiquiditySide.Taker));
    }

    [Fact]
    public void Fee_MakerOnPlainQuadratic_IsZero()
    {
        Assert.Equal(0m, Quadratic.Fee(P("0.50"), C("100"), LiquiditySide.Maker));
    }

    [Fact]
    public void Fee_MakerOnQuadraticWithMakerFees_UsesQuarterRate()
    {
        // 0.0175 × 100 × 0.25 = 0.4375.
        var model = KalshiFeeModel.FromSeries("quadratic_with_maker_fees", 1m);
        Assert.Equal(0.4375m, model.Fee(P("0.50"), C("100"), LiquiditySide.Maker));
        Assert.Equal(1.75m, model.Fee(P("0.50"), C("100"), LiquiditySide.Taker));
    }

    [Fact]
    public void Fee_MakerOnComboMakerFees_IsHalfTaker()
    {
        // 0.5 × 0.07 × 100 × 0.25 = 0.875; and at 0.055 for 1: 0.5 × 0.00363825 = 0.001819125 -> 0.00182.
        var model = KalshiFeeModel.FromSeries("quadratic_with_combo_maker_fees", 1m);
        Assert.Equal(0.875m, model.Fee(P("0.50"), C("100"), LiquiditySide.Maker));
        Assert.Equal(0.00182m, model.Fee(P("0.055"), C("1"), LiquiditySide.Maker));
    }

    [Theory]
    // 0.5 × 1.75 = 0.875
    [InlineData("0.5", "0.875")]
    [InlineData("0", "0")]
    [InlineData("2", "3.5")]
    public void Fee_SeriesMultiplier_ScalesFee(string multiplier, string expected)
    {
        var model = new KalshiFeeModel(KalshiFeeType.Quadratic, decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), model.Fee(P("0.50"), C("100"), LiquiditySide.Taker));
    }

    [Fact]
    public void FromSeries_KnownTypes_MapToEnum()
    {
        Assert.Equal(KalshiFeeType.Quadratic, KalshiFeeModel.FromSeries("quadratic", 1m).FeeType);
        Assert.Equal(KalshiFeeType.QuadraticWithMakerFees, KalshiFeeModel.FromSeries("quadratic_with_maker_fees", 1m).FeeType);
        Assert.Equal(KalshiFeeType.QuadraticWithComboMakerFees, KalshiFeeModel.FromSeries("quadratic_with_combo_maker_fees", 0.5m).FeeType);
        Assert.Equal(0.5m, KalshiFeeModel.FromSeries("quadratic_with_combo_maker_fees", 0.5m).FeeMultiplier);
    }

    [Fact]
    public void FromSeries_UnknownType_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => KalshiFeeModel.FromSeries("flat", 1m));
        Assert.Contains("'flat'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fee_InvalidInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quadratic.Fee(P("1.01"), C("1"), LiquiditySide.Taker));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quadratic.Fee(P("-0.01"), C("1"), LiquiditySide.Taker));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quadratic.Fee(P("0.5"), C("-1"), LiquiditySide.Taker));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KalshiFeeModel(KalshiFeeType.Quadratic, -1m));
    }

    [Fact]
    public void Fee_Warm_AllocatesNothing()
    {
        var price = P("0.055");
        var contracts = C("3");
        Quadratic.Fee(price, contracts, LiquiditySide.Taker);

        var window = AllocationWindow.Open();
        var total = 0m;
        for (var i = 0; i < 1_000; i++)
        {
            total += Quadratic.Fee(price, contracts, LiquiditySide.Taker);
        }

        window.AssertNothingAllocated();
        Assert.Equal(10.915m, total); // 1000 × 0.010915
    }
}
