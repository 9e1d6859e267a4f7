using System.Text;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Core.Numerics;

public class FixedPointParseTests
{
    [Theory]
    // 61837.63 × 10^9 = 61_837_630_000_000; the text had 8 digits after the point.
    [InlineData("61837.63000000", 61_837_630_000_000L, 8)]
    [InlineData("0.0000", 0L, 4)]
    // −3.5 × 10^9
    [InlineData("-3.5", -3_500_000_000L, 1)]
    [InlineData("+1", 1_000_000_000L, 0)]
    [InlineData("12", 12_000_000_000L, 0)]
    // 0.055 × 10^9 = 55_000_000 (a Kalshi sub-penny price)
    [InlineData("0.0550", 55_000_000L, 4)]
    // Nine decimals is the full scale: the last digit is raw unit 1.
    [InlineData("0.000000001", 1L, 9)]
    // Digits past the 9th are accepted only when zero; decimals still counts them.
    [InlineData("1.0000000000", 1_000_000_000L, 10)]
    // Largest representable value: long.MaxValue = 9_223_372_036_854_775_807.
    [InlineData("9223372036.854775807", long.MaxValue, 9)]
    [InlineData("-9223372036.854775808", long.MinValue, 9)]
    public void TryParse_ValidText_GivesRawAndDecimals(string text, long expectedRaw, int expectedDecimals)
    {
        Assert.True(FixedPoint.TryParse(text.AsSpan(), out var raw, out var decimals));
        Assert.Equal(expectedRaw, raw);
        Assert.Equal(expectedDecimals, decimals);

        Assert.True(FixedPoint.TryParse(Encoding.UTF8.GetBytes(text), out var utf8Raw, out var utf8Decimals));
        Assert.Equal(expectedRaw, utf8Raw);
        Assert.Equal(expectedDecimals, utf8Decimals);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("1e5")]
    [InlineData("1.0000000001")] // a non-zero 10th decimal would have to be rounded away
    [InlineData("9223372036.854775808")] // long.MaxValue + 1 raw unit
    [InlineData("-9223372036.854775809")] // long.MinValue − 1 raw unit
    [InlineData("9223372037")]
    [InlineData("99999999999999999999")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,5")]
    [InlineData("--1")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("١")] // Arabic-Indic digit one: only ASCII digits count
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(FixedPoint.TryParse(text.AsSpan(), out _, out _));
        Assert.False(FixedPoint.TryParse(Encoding.UTF8.GetBytes(text), out _, out _));
    }

    [Fact]
    public void Parse_InvalidText_ThrowsFormatExceptionNamingTheText()
    {
        var error = Assert.Throws<FormatException>(() => FixedPoint.Parse("1e5"));
        Assert.Contains("'1e5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Utf16TextLongerThanBuffer_ReturnsFalse()
    {
        // 64 chars is the stack buffer; 65 zeros after "0." would otherwise be a valid zero.
        var text = "0." + new string('0', 65);
        Assert.False(FixedPoint.TryParse(text.AsSpan(), out _, out _));
        Assert.True(FixedPoint.TryParse(Encoding.UTF8.GetBytes(text), out var raw, out _));
        Assert.Equal(0L, raw);
    }
}
