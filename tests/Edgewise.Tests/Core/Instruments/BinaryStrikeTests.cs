using Edgewise.Core.Instruments;

namespace Edgewise.Tests.Core.Instruments;

public class BinaryStrikeTests
{
    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // KXBTC15M: YES when the average is "at least" the price to beat; equality is YES.
    [InlineData("greater_or_equal", "100000.00", "100000.00", true)]
    [InlineData("greater_or_equal", "100000.00", "99999.99", false)]
    [InlineData("greater", "100000.00", "100000.00", false)]
    [InlineData("greater", "100000.00", "100000.01", true)]
    public void IsMetBy_FloorStrikes_ComparesWithFloor(string type, string floor, string value, bool expected)
    {
        var strike = BinaryStrike.FromKalshi(type, D(floor), null);
        Assert.Equal(expected, strike.IsMetBy(D(value)));
    }

    [Theory]
    [InlineData("less", "50.0", "50.0", false)]
    [InlineData("less", "50.0", "49.99", true)]
    [InlineData("less_or_equal", "50.0", "50.0", true)]
    [InlineData("less_or_equal", "50.0", "50.01", false)]
    public void IsMetBy_CapStrikes_ComparesWithCap(string type, string cap, string value, bool expected)
    {
        var strike = BinaryStrike.FromKalshi(type, null, D(cap));
        Assert.Equal(expected, strike.IsMetBy(D(value)));
    }

    [Theory]
    [InlineData("99750.00", true)]   // floor, inclusive
    [InlineData("100249.99", true)]  // cap, inclusive
    [InlineData("99749.99", false)]
    [InlineData("100250.00", false)]
    public void IsMetBy_Between_IsInclusiveAtBothEnds(string value, bool expected)
    {
        var strike = BinaryStrike.FromKalshi("between", 99750.00m, 100249.99m);
        Assert.Equal(expected, strike.IsMetBy(D(value)));
    }

    [Fact]
    public void IsMetBy_ValueOneBillionthBelowStrike_IsNo()
    {
        var strike = BinaryStrike.AtLeast(115749.99m);
        Assert.False(strike.IsMetBy(115749.989999999m));
        Assert.True(strike.IsMetBy(115749.99m));
    }

    [Fact]
    public void FromKalshi_UnmodelledType_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryStrike.FromKalshi("functional", 1m, null));
        Assert.Contains("'functional'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingStrikeValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BinaryStrike(StrikeType.GreaterOrEqual, null, 5m));
        Assert.Throws<ArgumentException>(() => new BinaryStrike(StrikeType.Less, 5m, null));
        Assert.Throws<ArgumentException>(() => new BinaryStrike(StrikeType.Between, 5m, null));
    }

    [Fact]
    public void Constructor_BetweenWithFloorAboveCap_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BinaryStrike(StrikeType.Between, 10m, 9m));
    }

    [Fact]
    public void Constructor_IgnoredStrikeValue_IsDropped()
    {
        // A cap sent alongside a greater_or_equal strike plays no part in the rule.
        var strike = new BinaryStrike(StrikeType.GreaterOrEqual, 10m, 20m);
        Assert.Null(strike.Cap);
        Assert.Equal(10m, strike.Floor);
    }
}
