using System.Text;
using System.Text.Json;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Common;

public class DecimalTextTests
{
    private static bool Read(string json, out long raw, out int decimals)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return DecimalText.TryRead(ref reader, out raw, out decimals);
    }

    private static bool BeyondRange(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return DecimalText.IsBeyondRange(ref reader);
    }

    [Theory]
    [InlineData("45283.5", 45_283_500_000_000L, 1)] // a Kraken v2 number, read as written
    [InlineData("0.10000000", 100_000_000L, 8)] // trailing zeros kept in the decimals count
    [InlineData("\"3805.44\"", 3_805_440_000_000L, 2)] // a string
    [InlineData("1.5e-5", 15_000L, 6)] // 0.000015 -> 15_000 at 1e-9
    [InlineData("1E+2", 100_000_000_000L, 0)] // 100
    [InlineData("-2.5E-1", -250_000_000L, 2)] // -0.25
    [InlineData("12.5e1", 125_000_000_000L, 0)] // 125
    [InlineData("1.23456789e2", 123_456_789_000L, 6)] // 123.456789
    public void TryRead_NumberOrString_ExactFixedPoint(string json, long raw, int decimals)
    {
        Assert.True(Read(json, out var value, out var places));
        Assert.Equal(raw, value);
        Assert.Equal(decimals, places);
    }

    [Theory]
    [InlineData("1e-10")] // finer than 1e-9
    [InlineData("1e25")] // beyond the range
    [InlineData("1e999")]
    [InlineData("\"1e2\"")] // exponent text inside a string is not a venue decimal
    [InlineData("\"abc\"")]
    [InlineData("true")]
    public void TryRead_NotAFixedPointDecimal_ReturnsFalse(string json)
    {
        Assert.False(Read(json, out _, out _));
    }

    [Theory]
    [InlineData("\"9999999999.00\"", true)] // Bitstamp's placeholder ask: 10 integer digits above 9_223_372_036
    [InlineData("\"9223372037\"", true)] // one more than the largest whole number held
    [InlineData("\"9223372036\"", false)] // held
    [InlineData("\"123456789012345678901234\"", true)]
    [InlineData("\"3805.44\"", false)]
    [InlineData("\"99999999999x\"", false)] // garbage, not a large number
    [InlineData("\"-99999999999\"", false)] // negative: invalid anyway, never "too large"
    [InlineData("\"99999999999.\"", false)]
    public void IsBeyondRange_TellsLargeNumbersFromGarbage(string json, bool expected)
    {
        Assert.Equal(expected, BeyondRange(json));
    }
}
