using System.Globalization;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Tests.Strategies.Indicators;

public class DecimalMathTests
{
    [Theory]
    [InlineData("0", "1")]
    [InlineData("1", "2.71828182845904523536")] // e
    [InlineData("0.5", "1.64872127070012814685")] // √e
    [InlineData("3.333333333333333333333333333", "28.03162489452613411197")] // ≈ e^(10/3), the RTI weight ratio at K = 1
    public void Exp_KnownValues_MatchTo20Decimals(string x, string expected)
    {
        var value = DecimalMath.Exp(decimal.Parse(x, CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), decimal.Round(value, 20));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1")]
    [InlineData("49", "7")]
    [InlineData("0.04296875", "0.2072890493972124905697")] // the tiny RTI book's size variance
    [InlineData("2", "1.4142135623730950488017")]
    public void Sqrt_KnownValues_Match(string value, string expected)
    {
        var root = DecimalMath.Sqrt(decimal.Parse(value, CultureInfo.InvariantCulture));
        var e = decimal.Parse(expected, CultureInfo.InvariantCulture);

        Assert.Equal(e, decimal.Round(root, e.Scale));
    }
}
