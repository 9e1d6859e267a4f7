using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Core.Numerics;

public class FixedPointDecimalTests
{
    [Theory]
    [InlineData("61837.63", 61_837_630_000_000L)]
    [InlineData("0.000000001", 1L)]
    [InlineData("-0.5", -500_000_000L)]
    [InlineData("0", 0L)]
    [InlineData("9223372036.854775807", long.MaxValue)]
    [InlineData("-9223372036.854775808", long.MinValue)]
    public void FromDecimal_ExactValue_GivesRaw_AndToDecimalGivesItBack(string text, long raw)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(raw, FixedPoint.FromDecimal(value));
        Assert.Equal(value, FixedPoint.ToDecimal(raw));
    }

    [Fact]
    public void FromDecimal_TenDecimals_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint.FromDecimal(0.0000000001m));
    }

    [Fact]
    public void FromDecimal_TrailingZerosBeyondScale_Accepted()
    {
        // 1.50000000000 has 11 decimals written but is exactly 1.5.
        Assert.Equal(1_500_000_000L, FixedPoint.FromDecimal(1.50000000000m));
    }

    [Fact]
    public void FromDecimal_BeyondLongRange_Throws()
    {
        Assert.Throws<OverflowException>(() => FixedPoint.FromDecimal(9223372037m));
    }

    [Fact]
    public void Multiply_PriceTimesQuantity_IsExact()
    {
        // 61837.63 × 0.00012345 = 7.6338554235 (61837.63 × 12345 = 763,385,542.35, then × 10^-8).
        var product = FixedPoint.Multiply(61_837_630_000_000L, 123_450L);
        Assert.Equal(7.6338554235m, product);
    }

    [Fact]
    public void ToDecimal_SmallestUnit_IsOneBillionth()
    {
        Assert.Equal(0.000000001m, FixedPoint.ToDecimal(1));
    }
}
