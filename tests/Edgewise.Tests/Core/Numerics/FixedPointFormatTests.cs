using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Core.Numerics;

public class FixedPointFormatTests
{
    [Theory]
    [InlineData("61837.63000000")]
    [InlineData("0.0000")]
    [InlineData("0.0550")]
    [InlineData("-3.5")]
    [InlineData("12")]
    [InlineData("100.00")]
    [InlineData("0.000000001")]
    [InlineData("-0.100000000")]
    [InlineData("9223372036.854775807")]
    [InlineData("-9223372036.854775808")]
    public void Format_WithParsedDecimals_ReproducesVenueText(string text)
    {
        Assert.True(FixedPoint.TryParse(text.AsSpan(), out var raw, out var decimals));
        Assert.Equal(text, FixedPoint.Format(raw, decimals));
    }

    [Theory]
    [InlineData(61_837_630_000_000L, "61837.63")]
    [InlineData(0L, "0")]
    [InlineData(1_000_000_000L, "1")]
    [InlineData(-3_500_000_000L, "-3.5")]
    [InlineData(1L, "0.000000001")]
    [InlineData(55_000_000L, "0.055")]
    [InlineData(-1L, "-0.000000001")]
    [InlineData(long.MinValue, "-9223372036.854775808")]
    public void FormatMinimal_Value_DropsTrailingZeros(long raw, string expected)
    {
        Assert.Equal(expected, FixedPoint.FormatMinimal(raw));
    }

    [Theory]
    // 0.055 needs 3 decimals; asking for 2 would lose the 5.
    [InlineData(55_000_000L, 2)]
    [InlineData(1L, 8)]
    public void Format_FewerDecimalsThanTheValueHas_Throws(long raw, int decimals)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint.Format(raw, decimals));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void Format_DecimalsOutsideScale_Throws(int decimals)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint.Format(0, decimals));
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_ReturnsFalse()
    {
        Span<char> buffer = stackalloc char[5];
        // "61837.63" is 8 characters.
        Assert.False(FixedPoint.TryFormat(61_837_630_000_000L, 2, buffer, out _));
    }

    [Fact]
    public void TryFormat_ExactSizeDestination_WritesAll()
    {
        Span<char> buffer = stackalloc char[8];
        Assert.True(FixedPoint.TryFormat(61_837_630_000_000L, 2, buffer, out var written));
        Assert.Equal("61837.63", buffer[..written].ToString());
    }
}
