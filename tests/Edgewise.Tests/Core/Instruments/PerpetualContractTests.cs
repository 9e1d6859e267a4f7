using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Core.Instruments;

public class PerpetualContractTests
{
    private const decimal ContractValue = 0.001m; // BloFin BTC-USDT: 0.001 BTC per contract

    private static PerpetualContract BtcUsdt() => new(
        new InstrumentId("blofin", "BTC-USDT"),
        MakerTakerFeeModel.BloFinDefault(ContractValue),
        "BTC",
        "USDT",
        ContractValue,
        Price.Parse("0.1"),
        Quantity.Parse("0.1"),
        TimeSpan.FromHours(8));

    [Fact]
    public void Multiplier_IsContractValue_AndNotionalUsesIt()
    {
        var perp = BtcUsdt();
        Assert.Equal(0.001m, perp.Multiplier);
        // 10 contracts × 0.001 BTC × 60000 = 600 USDT.
        Assert.Equal(600m, perp.Notional(Price.Parse("60000"), Quantity.Parse("10")));
    }

    [Theory]
    // Long 10 contracts, mark 60000, rate +0.01%: 600 × 0.0001 = 0.06 paid by the long.
    [InlineData("10", "0.0001", "0.06")]
    // The short side of the same: receives 0.06.
    [InlineData("-10", "0.0001", "-0.06")]
    // Negative rate: shorts pay longs.
    [InlineData("10", "-0.0001", "-0.06")]
    [InlineData("-10", "-0.0001", "0.06")]
    // 0.3 contracts: 0.3 × 0.001 × 60000 = 18 USDT; × 0.000375 = 0.00675.
    [InlineData("0.3", "0.000375", "0.00675")]
    public void FundingPayment_PositionAndRate_NotionalTimesRatePositiveMeansPays(string position, string rate, string expected)
    {
        var payment = BtcUsdt().FundingPayment(Quantity.Parse(position), Price.Parse("60000"), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), payment);
    }

    [Fact]
    public void FundingPayment_NonPositiveMark_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BtcUsdt().FundingPayment(Quantity.Parse("1"), Price.Zero, 0.0001m));
    }

    [Theory]
    [InlineData("60000.1", true)]
    [InlineData("60000.05", false)]
    [InlineData("0", false)]
    [InlineData("-60000", false)]
    public void IsOnTick_TickSizeTenth(string price, bool expected)
    {
        Assert.Equal(expected, BtcUsdt().IsOnTick(Price.Parse(price)));
    }

    [Theory]
    [InlineData("0.1", true)]
    [InlineData("12.3", true)]
    [InlineData("0.15", false)]
    [InlineData("0", false)]
    [InlineData("-0.1", false)]
    public void IsValidSize_LotSizeTenthOfContract(string size, bool expected)
    {
        Assert.Equal(expected, BtcUsdt().IsValidSize(Quantity.Parse(size)));
    }

    [Fact]
    public void Fees_BloFinDefault_OnContractNotional()
    {
        var perp = BtcUsdt();
        // Notional 600 USDT: taker 0.06% = 0.36, maker 0.02% = 0.12.
        Assert.Equal(0.36m, perp.Fees.Fee(Price.Parse("60000"), Quantity.Parse("10"), LiquiditySide.Taker));
        Assert.Equal(0.12m, perp.Fees.Fee(Price.Parse("60000"), Quantity.Parse("10"), LiquiditySide.Maker));
    }

    [Fact]
    public void Constructor_FeeMultiplierDiffersFromContractValue_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new PerpetualContract(
            new InstrumentId("blofin", "BTC-USDT"), MakerTakerFeeModel.BloFinDefault(1m), "BTC", "USDT",
            ContractValue, Price.Parse("0.1"), Quantity.Parse("0.1"), TimeSpan.FromHours(8)));
        Assert.Equal("fees", error.ParamName);
    }

    [Fact]
    public void Constructor_InvalidParameters_Throw()
    {
        var id = new InstrumentId("blofin", "BTC-USDT");
        var fees = MakerTakerFeeModel.BloFinDefault(ContractValue);
        var tick = Price.Parse("0.1");
        var lot = Quantity.Parse("0.1");
        var eight = TimeSpan.FromHours(8);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerpetualContract(id, new MakerTakerFeeModel(0m, 0m, 1m), "BTC", "USDT", 0m, tick, lot, eight));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerpetualContract(id, fees, "BTC", "USDT", ContractValue, Price.Zero, lot, eight));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerpetualContract(id, fees, "BTC", "USDT", ContractValue, tick, Quantity.Zero, eight));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerpetualContract(id, fees, "BTC", "USDT", ContractValue, tick, lot, TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => new PerpetualContract(id, fees, " ", "USDT", ContractValue, tick, lot, eight));
    }
}
