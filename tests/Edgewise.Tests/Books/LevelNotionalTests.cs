using Edgewise.Core.Books;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Books;

public sealed class LevelNotionalTests
{
    [Fact]
    public void Of_BtcLevel_ExactProduct()
    {
        // 60000.01 × 1.23456789 = 74074.0857456789 (60000 × 1.23456789 = 74074.0734, plus 0.01 × 1.23456789).
        var notional = LevelNotional.Of(Price.Parse("60000.01").Raw, Quantity.Parse("1.23456789").Raw);

        Assert.Equal(74074.0857456789m, notional);
    }

    [Fact]
    public void Of_SmallestUnits_OneE18()
    {
        Assert.Equal(0.000000000000000001m, LevelNotional.Of(1, 1));
        Assert.Equal(0m, LevelNotional.Of(0, 5 * FixedPoint.One));
    }

    [Fact]
    public void Of_ProductBeyond96Bits_MatchesGeneralMultiply()
    {
        // 1,000,000 × 1,000,000 = 1e12: raw product 1e30 > 2^96 ≈ 7.9e28, so the general path is taken.
        var price = 1_000_000L * FixedPoint.One;
        var size = 1_000_000L * FixedPoint.One;

        Assert.Equal(1_000_000_000_000m, LevelNotional.Of(price, size));
    }

    [Fact]
    public void Normalize_EighteenDecimals_TrailingZerosDropped()
    {
        var notional = LevelNotional.Of(Price.Parse("0.44").Raw, Quantity.Parse("20").Raw); // 8.800000000000000000

        Assert.Equal("8.8", LevelNotional.Normalize(notional).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("19.99999999956", LevelNotional.Normalize(19.999999999560000000m).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
