using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Core.Fees;

public class MakerTakerFeeModelTests
{
    [Fact]
    public void Fee_BloFinDefaultTenContracts_OnContractNotional()
    {
        // 10 contracts × 0.001 BTC × 60000 = 600 USDT; taker 0.06% = 0.36, maker 0.02% = 0.12.
        var model = MakerTakerFeeModel.BloFinDefault(0.001m);
        Assert.Equal(0.36m, model.Fee(Price.Parse("60000"), Quantity.Parse("10"), LiquiditySide.Taker));
        Assert.Equal(0.12m, model.Fee(Price.Parse("60000"), Quantity.Parse("10"), LiquiditySide.Maker));
    }

    [Fact]
    public void Fee_SpotTaker_IsExactNotionalTimesRate()
    {
        // 0.5 BTC × 61837.63 = 30918.815; × 0.006 = 185.51289.
        var model = new MakerTakerFeeModel(0.004m, 0.006m);
        Assert.Equal(185.51289m, model.Fee(Price.Parse("61837.63"), Quantity.Parse("0.5"), LiquiditySide.Taker));
        // × 0.004 = 123.67526.
        Assert.Equal(123.67526m, model.Fee(Price.Parse("61837.63"), Quantity.Parse("0.5"), LiquiditySide.Maker));
    }

    [Fact]
    public void Fee_NegativeQuantity_ChargesOnMagnitude()
    {
        var model = new MakerTakerFeeModel(0.004m, 0.006m);
        Assert.Equal(
            model.Fee(Price.Parse("100"), Quantity.Parse("2"), LiquiditySide.Taker),
            model.Fee(Price.Parse("100"), Quantity.Parse("-2"), LiquiditySide.Taker));
    }

    [Fact]
    public void Constructor_InvalidRatesOrMultiplier_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MakerTakerFeeModel(-0.0001m, 0.0006m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MakerTakerFeeModel(0.0002m, -0.0006m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MakerTakerFeeModel(0.0002m, 0.0006m, 0m));
    }
}
