using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Core.Fees;

public class KalshiOrderFeeAccumulatorTests
{
    private static readonly KalshiFeeModel Quadratic = new(KalshiFeeType.Quadratic);

    private static Price P(string text) => Price.Parse(text);

    private static Quantity C(string text) => Quantity.Parse(text);

    private static KalshiOrderFeeAccumulator NonDirect() => new(Quadratic, KalshiMemberType.NonDirect);

    [Fact]
    public void AddFill_FactsExampleNonDirect_TotalFiveTenthsOfACent()
    {
        // Buy 1 at 0.055: trade fee 0.003639; balance change −0.055 − 0.003639 = −0.058639, floored to the cent −0.06;
        // rounding fee 0.06 − 0.058639 = 0.001361; net fee 0.003639 + 0.001361 = 0.005.
        var charge = NonDirect().AddFill(OrderSide.Buy, P("0.055"), C("1"), LiquiditySide.Taker);

        Assert.Equal(new KalshiFillCharge(0.003639m, 0.001361m, 0m, -0.06m), charge);
        Assert.Equal(0.005m, charge.NetFee);
    }

    [Fact]
    public void AddFill_FactsExampleDirectMember_FlooredToCentiCent()
    {
        // Direct: −0.058639 floored to $0.0001 = −0.0587; rounding fee 0.000061; net 0.0037.
        var charge = new KalshiOrderFeeAccumulator(Quadratic, KalshiMemberType.Direct)
            .AddFill(OrderSide.Buy, P("0.055"), C("1"), LiquiditySide.Taker);

        Assert.Equal(new KalshiFillCharge(0.003639m, 0.000061m, 0m, -0.0587m), charge);
        Assert.Equal(0.0037m, charge.NetFee);
    }

    [Fact]
    public void AddFill_SellAtSubPenny_FloorsProceedsDown()
    {
        // Sell 1 at 0.055: +0.055 − 0.003639 = 0.051361, floored to 0.05; rounding fee 0.001361.
        var charge = NonDirect().AddFill(OrderSide.Sell, P("0.055"), C("1"), LiquiditySide.Taker);
        Assert.Equal(new KalshiFillCharge(0.003639m, 0.001361m, 0m, 0.05m), charge);
    }

    [Fact]
    public void AddFill_ThreeOneLotFills_SameTotalAsOneThreeLotFill()
    {
        // Running trade fee: roundup6(0.00363825) = 0.003639, roundup6(0.0072765) = 0.007277, roundup6(0.01091475) = 0.010915,
        // so the fills are charged 0.003639, 0.003638, 0.003638; each balance change floors to −0.06.
        var order = NonDirect();
        var fills = Enumerable.Range(0, 3).Select(_ => order.AddFill(OrderSide.Buy, P("0.055"), C("1"), LiquiditySide.Taker)).ToArray();

        Assert.Equal(new KalshiFillCharge(0.003639m, 0.001361m, 0m, -0.06m), fills[0]);
        Assert.Equal(new KalshiFillCharge(0.003638m, 0.001362m, 0m, -0.06m), fills[1]);
        Assert.Equal(new KalshiFillCharge(0.003638m, 0.001362m, 0m, -0.06m), fills[2]);

        // One fill of 3: fee 0.010915; −0.165 − 0.010915 = −0.175915 -> −0.18; rounding 0.004085; net 0.015.
        var single = NonDirect().AddFill(OrderSide.Buy, P("0.055"), C("3"), LiquiditySide.Taker);
        Assert.Equal(new KalshiFillCharge(0.010915m, 0.004085m, 0m, -0.18m), single);

        Assert.Equal(0.010915m, order.TotalTradeFee);
        Assert.Equal(0.004085m, order.TotalRoundingFee);
        Assert.Equal(single.NetFee, order.TotalNetFee);
        Assert.Equal(-0.18m, order.TotalBalanceChange);
        Assert.Equal(0m, order.PendingRebate);
    }

    [Fact]
    public void AddFill_AccumulatedRoundingReachesOneCent_RebatesACent()
    {
        // Fill 1, 1 @ 0.555: exact 0.07 × 0.555 × 0.445 = 0.01728825 -> 0.017289; −0.572289 -> −0.58, rounding 0.007711.
        // Fill 2, 1 @ 0.555: running roundup6(0.0345765) = 0.034577 -> charged 0.017288; −0.572288 -> −0.58, rounding 0.007712.
        //   Accumulated 0.015423 ≥ 0.01 -> rebate 0.01, 0.005423 left; balance change −0.58 + 0.01 = −0.57.
        // One fill of 2: 0.034577; −1.144577 -> −1.15, rounding 0.005423: net 0.04 = 0.025 + 0.015.
        var order = NonDirect();
        var first = order.AddFill(OrderSide.Buy, P("0.555"), C("1"), LiquiditySide.Taker);
        var second = order.AddFill(OrderSide.Buy, P("0.555"), C("1"), LiquiditySide.Taker);

        Assert.Equal(new KalshiFillCharge(0.017289m, 0.007711m, 0m, -0.58m), first);
        Assert.Equal(new KalshiFillCharge(0.017288m, 0.007712m, 0.01m, -0.57m), second);
        Assert.Equal(0.005423m, order.Accumulated);
        Assert.Equal(0.04m, order.TotalNetFee);
        Assert.Equal(NonDirect().AddFill(OrderSide.Buy, P("0.555"), C("2"), LiquiditySide.Taker).NetFee, order.TotalNetFee);
    }

    [Fact]
    public void AddFill_FillsTooSmallToAbsorbRebate_DeferUntilALargerFill()
    {
        // Three fills of 0.01 @ 0.50: each 0.000175 fee, −0.005175 -> −0.01, rounding 0.004825, net 0.005.
        // After the third, 0.014475 is accumulated, but a 1-cent rebate would make that fill's net fee −0.005: deferred.
        var order = NonDirect();
        for (var i = 0; i < 3; i++)
        {
            var small = order.AddFill(OrderSide.Buy, P("0.50"), C("0.01"), LiquiditySide.Taker);
            Assert.Equal(new KalshiFillCharge(0.000175m, 0.004825m, 0m, -0.01m), small);
        }

        Assert.Equal(0.01m, order.PendingRebate);
        Assert.Equal(0.015m, order.TotalNetFee);

        // Fill of 1 @ 0.50: running roundup6(0.018025) -> charged 0.0175; −0.5175 -> −0.52, rounding 0.0025;
        // accumulated 0.016975 -> rebate 0.01 (this fill's 0.02 absorbs it), 0.006975 left.
        var large = order.AddFill(OrderSide.Buy, P("0.50"), C("1"), LiquiditySide.Taker);
        Assert.Equal(new KalshiFillCharge(0.0175m, 0.0025m, 0.01m, -0.51m), large);

        // One fill of 1.03: 0.018025; −0.533025 -> −0.54, rounding 0.006975; net 0.025.
        Assert.Equal(0m, order.PendingRebate);
        Assert.Equal(0.025m, order.TotalNetFee);
        Assert.Equal(-0.54m, order.TotalBalanceChange);
    }

    [Fact]
    public void AddFill_MakerOnPlainQuadratic_OnlyRoundingFee()
    {
        // No trade fee; −0.055 -> −0.06: rounding fee 0.005.
        var charge = NonDirect().AddFill(OrderSide.Buy, P("0.055"), C("1"), LiquiditySide.Maker);
        Assert.Equal(new KalshiFillCharge(0m, 0.005m, 0m, -0.06m), charge);
    }

    [Fact]
    public void AddFill_InvalidInputs_Throw()
    {
        var order = NonDirect();
        Assert.Throws<ArgumentOutOfRangeException>(() => order.AddFill(OrderSide.None, P("0.5"), C("1"), LiquiditySide.Taker));
        Assert.Throws<ArgumentOutOfRangeException>(() => order.AddFill(OrderSide.Buy, P("0.5"), C("0"), LiquiditySide.Taker));
        Assert.Equal(0m, order.TotalNetFee);
    }

    [Theory]
    [InlineData(KalshiMemberType.Direct, "0.0001")]
    [InlineData(KalshiMemberType.NonDirect, "0.01")]
    public void BalanceStepFor_MemberType_DocumentedPrecision(KalshiMemberType member, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), KalshiOrderFeeAccumulator.BalanceStepFor(member));
    }
}
