using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Core.Fees;

public class KalshiOrderFeeAccumulatorPropertyTests
{
    private sealed record Fill(Price Price, Quantity Count, LiquiditySide Liquidity);

    private sealed record Order(KalshiMemberType Member, KalshiFeeType FeeType, OrderSide Action, Fill[] Fills);

    private static Gen<Order> Orders()
    {
        var fill =
            from mils in Gen.Choose(1, 999) // tapered-grid prices 0.001 … 0.999
            from cents in Gen.Frequency((3, Gen.Choose(1, 100)), (1, Gen.Choose(1, 100_000))) // 0.01 … 1000 contracts
            from liquidity in Gen.Elements(LiquiditySide.Maker, LiquiditySide.Taker)
            select new Fill(new Price(mils * 1_000_000L), new Quantity(cents * 10_000_000L), liquidity);
        return
            from member in Gen.Elements(KalshiMemberType.Direct, KalshiMemberType.NonDirect)
            from feeType in Gen.Elements(KalshiFeeType.Quadratic, KalshiFeeType.QuadraticWithMakerFees, KalshiFeeType.QuadraticWithComboMakerFees)
            from action in Gen.Elements(OrderSide.Buy, OrderSide.Sell)
            from fills in Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(fill, n))
            select new Order(member, feeType, action, fills);
    }

    [Fact]
    public void AddFill_AnyOrder_EachFillConsistentAndTotalIsSingleFillFeePlusPendingRebate()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), Prop.ForAll(Orders().ToArbitrary(), order =>
        {
            var model = new KalshiFeeModel(order.FeeType);
            var accumulator = new KalshiOrderFeeAccumulator(model, order.Member);
            var step = KalshiOrderFeeAccumulator.BalanceStepFor(order.Member);
            var sign = order.Action == OrderSide.Buy ? -1m : 1m;
            decimal exactFees = 0m, revenue = 0m;

            foreach (var fill in order.Fills)
            {
                var charge = accumulator.AddFill(order.Action, fill.Price, fill.Count, fill.Liquidity);
                var fillRevenue = sign * fill.Price.ToDecimal() * fill.Count.ToDecimal();
                exactFees += model.ExactFee(fill.Price, fill.Count, fill.Liquidity);
                revenue += fillRevenue;

                var fillHolds =
                    charge.TradeFee >= 0m && charge.NetFee >= 0m
                    && charge.RoundingFee >= 0m && charge.RoundingFee < step
                    && charge.Rebate % step == 0m && charge.BalanceChange % step == 0m
                    && charge.BalanceChange == fillRevenue - charge.TradeFee - charge.RoundingFee + charge.Rebate;
                if (!fillHolds)
                {
                    return false;
                }
            }

            // The single equivalent fill, computed from the page's mechanics directly.
            var singleTradeFee = Math.Ceiling(exactFees / 0.000001m) * 0.000001m;
            var singleUnrounded = revenue - singleTradeFee;
            var singleFee = singleTradeFee + (singleUnrounded - Math.Floor(singleUnrounded / step) * step);

            return accumulator.TotalTradeFee == singleTradeFee
                && accumulator.TotalNetFee == singleFee + accumulator.PendingRebate
                && accumulator.TotalBalanceChange == revenue - accumulator.TotalNetFee
                && accumulator.Accumulated - accumulator.PendingRebate < step;
        }));
    }
}
