using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Core.Fees;

public class KalshiFeePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(3_000);
    private static readonly KalshiFeeModel Quadratic = new(KalshiFeeType.Quadratic);

    /// <summary>Kalshi prices: 4 decimals in [0, 1] (raw multiples of 10^5).</summary>
    private static Gen<Price> Prices() => Gen.Choose(0, 10_000).Select(k => new Price(k * 100_000L));

    /// <summary>Contract counts: 0.01 to 100,000 in 0.01 steps.</summary>
    private static Gen<Quantity> Counts() => Gen.Choose(1, 10_000_000).Select(k => new Quantity(k * 10_000_000L));

    private static Arbitrary<(Price Price, Quantity Count)> Fills() =>
        Prices().SelectMany(p => Counts().Select(c => (p, c))).ToArbitrary();

    [Fact]
    public void Fee_AnyFill_IsExactFeeRoundedUpByLessThanOneMillionth()
    {
        Check.One(Runs, Prop.ForAll(Fills(), f =>
        {
            var p = f.Price.ToDecimal();
            var exact = 0.07m * f.Count.ToDecimal() * p * (1m - p); // formula written out independently
            var fee = Quadratic.Fee(f.Price, f.Count, LiquiditySide.Taker);
            return fee >= exact && fee < exact + 0.000001m && fee % 0.000001m == 0m;
        }));
    }

    [Fact]
    public void Fee_AnyFill_AtMostOnePointSevenFiveCentsPerContractAndPeaksAtHalf()
    {
        Check.One(Runs, Prop.ForAll(Fills(), f =>
        {
            var fee = Quadratic.Fee(f.Price, f.Count, LiquiditySide.Taker);
            var atHalf = Quadratic.Fee(Price.Parse("0.5"), f.Count, LiquiditySide.Taker);
            // At P = 0.5 the exact fee is 0.0175 × C, on the $0.000001 grid for C in 0.01 steps, so no rounding.
            return fee <= 0.0175m * f.Count.ToDecimal() && fee <= atHalf && atHalf == 0.0175m * f.Count.ToDecimal();
        }));
    }

    [Fact]
    public void Fee_AnyFill_SymmetricInPriceAndComplement()
    {
        Check.One(Runs, Prop.ForAll(Fills(), f =>
            Quadratic.Fee(f.Price, f.Count, LiquiditySide.Taker)
            == Quadratic.Fee(new Price(FixedPoint.One - f.Price.Raw), f.Count, LiquiditySide.Taker)));
    }

    [Fact]
    public void Fee_AtZeroOrOneDollar_IsZero()
    {
        Check.One(Runs, Prop.ForAll(Counts().ToArbitrary(), c =>
            Quadratic.Fee(Price.Zero, c, LiquiditySide.Taker) == 0m
            && Quadratic.Fee(new Price(FixedPoint.One), c, LiquiditySide.Taker) == 0m));
    }

    [Fact]
    public void Fee_MakerWithMakerFees_NeverAboveTaker()
    {
        var model = new KalshiFeeModel(KalshiFeeType.QuadraticWithMakerFees);
        Check.One(Runs, Prop.ForAll(Fills(), f =>
            model.Fee(f.Price, f.Count, LiquiditySide.Maker) <= model.Fee(f.Price, f.Count, LiquiditySide.Taker)));
    }
}
