using System.Text;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Core.Numerics;

public class PriceQuantityTests
{
    [Fact]
    public void PriceParse_VenueText_KeepsExactValueAndFormatsBack()
    {
        var price = Price.Parse("61837.63000000");
        Assert.Equal(61_837_630_000_000L, price.Raw);
        Assert.Equal("61837.63000000", price.ToString(8));
        Assert.Equal("61837.63", price.ToString());
        Assert.Equal(61837.63m, price.ToDecimal());
    }

    [Fact]
    public void PriceTryParse_Utf8_ReturnsDecimals()
    {
        Assert.True(Price.TryParse("0.4900"u8, out var price, out var decimals));
        Assert.Equal(Price.FromDecimal(0.49m), price);
        Assert.Equal(4, decimals);
    }

    [Fact]
    public void PriceTryParse_BadText_ReturnsFalse()
    {
        Assert.False(Price.TryParse("abc".AsSpan(), out _));
        Assert.False(Price.TryParse(Encoding.UTF8.GetBytes("1e5"), out _, out _));
    }

    [Fact]
    public void QuantityParse_SignedKalshiDelta_IsNegative()
    {
        var delta = Quantity.Parse("-54.00");
        Assert.Equal(-54_000_000_000L, delta.Raw);
        Assert.False(delta.IsPositive);
        Assert.Equal("-54.00", delta.ToString(2));
    }

    [Fact]
    public void PriceArithmetic_AddSubtractCompare_OnRaw()
    {
        var a = Price.Parse("0.55");
        var b = Price.Parse("0.45");
        Assert.Equal(Price.Parse("1"), a + b);
        Assert.Equal(Price.Parse("0.10"), a - b);
        Assert.True(a > b);
        Assert.Equal(b, Price.Min(a, b));
        Assert.Equal(a, Price.Max(a, b));
        Assert.Equal(Price.Parse("-0.55"), -a);
    }

    [Fact]
    public void PriceAdd_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => new Price(long.MaxValue) + new Price(1));
    }

    [Fact]
    public void QuantityParse_BadText_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Quantity.Parse("1.5.0"));
    }
}
