using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Core.Instruments;

public class SpotPairTests
{
    private static SpotPair BtcUsd() => new(
        new InstrumentId("coinbase", "BTC-USD"),
        new MakerTakerFeeModel(0.004m, 0.006m),
        "BTC",
        "USD",
        Price.Parse("0.01"),
        Quantity.Parse("0.00000001"));

    [Fact]
    public void InstrumentMembers_SpotPair_MultiplierOneAndIncrements()
    {
        var pair = BtcUsd();
        Assert.Equal(1m, pair.Multiplier);
        Assert.Equal(Price.Parse("0.01"), pair.MinTick);
        Assert.Equal(Quantity.Parse("0.00000001"), pair.SizeIncrement);
        Assert.Equal("BTC-USD.coinbase", pair.ToString());
        // 0.5 BTC at 61837.63 = 30918.815 USD.
        Assert.Equal(30918.815m, pair.Notional(Price.Parse("61837.63"), Quantity.Parse("0.5")));
    }

    [Theory]
    [InlineData("61837.63", true)]
    [InlineData("61837.635", false)]
    [InlineData("0", false)]
    public void IsOnTick_CentIncrement(string price, bool expected)
    {
        Assert.Equal(expected, BtcUsd().IsOnTick(Price.Parse(price)));
    }

    [Theory]
    [InlineData("0.00000001", true)]
    [InlineData("0.000000015", false)]
    [InlineData("0", false)]
    public void IsValidSize_SatoshiIncrement(string size, bool expected)
    {
        Assert.Equal(expected, BtcUsd().IsValidSize(Quantity.Parse(size)));
    }

    [Fact]
    public void Constructor_FeeModelWithContractMultiplier_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SpotPair(
            new InstrumentId("coinbase", "BTC-USD"), new MakerTakerFeeModel(0m, 0m, 0.001m), "BTC", "USD",
            Price.Parse("0.01"), Quantity.Parse("0.00000001")));
    }

    [Fact]
    public void Constructor_NonPositiveIncrements_Throw()
    {
        var id = new InstrumentId("coinbase", "BTC-USD");
        var fees = new MakerTakerFeeModel(0m, 0m);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpotPair(id, fees, "BTC", "USD", Price.Zero, Quantity.Parse("1")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpotPair(id, fees, "BTC", "USD", Price.Parse("0.01"), Quantity.Parse("-1")));
    }
}
