using System.Text.Json;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Core.Instruments;

[Collection(AllocationMeasurements.Name)]
public class TickGridTests
{
    private static Price P(string text) => Price.Parse(text);

    [Theory]
    [InlineData("0.095", true)]   // 0.001 step below 0.10
    [InlineData("0.105", false)]  // 0.01 step between 0.10 and 0.90
    [InlineData("0.11", true)]
    [InlineData("0.905", true)]   // 0.001 step above 0.90
    [InlineData("0.10", true)]    // boundary: a point of both neighbouring bands
    [InlineData("0.90", true)]
    [InlineData("0.099", true)]
    [InlineData("0.901", true)]
    [InlineData("0.895", false)]  // below 0.90, so the 0.01 band decides
    [InlineData("0.0955", false)] // finer than 0.001
    [InlineData("0.5", true)]
    [InlineData("0.55", true)]
    [InlineData("0.555", false)]
    [InlineData("0", true)]       // grid ends are grid points; tradability is the instrument's question
    [InlineData("1", true)]
    [InlineData("1.001", false)]
    [InlineData("-0.001", false)]
    public void IsOnTick_TaperedDeciCent_FollowsBands(string price, bool expected)
    {
        Assert.Equal(expected, TickGrid.TaperedDeciCent.IsOnTick(P(price)));
    }

    [Theory]
    [InlineData("0.01", true)]
    [InlineData("0.99", true)]
    [InlineData("0.095", false)]
    [InlineData("0.005", false)]
    public void IsOnTick_LinearCent_CentsOnly(string price, bool expected)
    {
        Assert.Equal(expected, TickGrid.LinearCent.IsOnTick(P(price)));
    }

    [Fact]
    public void MinTick_Presets_AreSmallestStep()
    {
        Assert.Equal(P("0.001"), TickGrid.TaperedDeciCent.MinTick);
        Assert.Equal(P("0.01"), TickGrid.LinearCent.MinTick);
        Assert.Equal(P("0.001"), TickGrid.DeciCent.MinTick);
        Assert.Equal(P("0"), TickGrid.TaperedDeciCent.Min);
        Assert.Equal(P("1"), TickGrid.TaperedDeciCent.Max);
    }

    [Theory]
    [InlineData("0.099", "0.1")]
    [InlineData("0.10", "0.11")]   // leaving the lower band: the upper band's step applies
    [InlineData("0.105", "0.11")]  // off-grid input
    [InlineData("0.89", "0.90")]
    [InlineData("0.90", "0.901")]  // leaving the middle band
    [InlineData("0.999", "1")]
    [InlineData("0.0955", "0.096")]
    [InlineData("-1", "0")]        // below the grid: its first point
    [InlineData("0", "0.001")]
    public void TryGetNextUp_TaperedDeciCent_GivesNextGridPoint(string from, string expected)
    {
        Assert.True(TickGrid.TaperedDeciCent.TryGetNextUp(P(from), out var next));
        Assert.Equal(P(expected), next);
    }

    [Theory]
    [InlineData("0.10", "0.099")]  // entering the lower band
    [InlineData("0.11", "0.10")]
    [InlineData("0.90", "0.89")]
    [InlineData("0.901", "0.90")]
    [InlineData("0.105", "0.10")]
    [InlineData("0.0955", "0.095")]
    [InlineData("1.5", "1")]       // above the grid: its last point
    [InlineData("1", "0.999")]
    [InlineData("0.001", "0")]
    public void TryGetNextDown_TaperedDeciCent_GivesPreviousGridPoint(string from, string expected)
    {
        Assert.True(TickGrid.TaperedDeciCent.TryGetNextDown(P(from), out var next));
        Assert.Equal(P(expected), next);
    }

    [Fact]
    public void TryGetNextUpAndDown_PastTheEnds_ReturnFalse()
    {
        Assert.False(TickGrid.TaperedDeciCent.TryGetNextUp(P("1"), out _));
        Assert.False(TickGrid.TaperedDeciCent.TryGetNextUp(P("2"), out _));
        Assert.False(TickGrid.TaperedDeciCent.TryGetNextDown(P("0"), out _));
        Assert.False(TickGrid.TaperedDeciCent.TryGetNextDown(P("-1"), out _));
    }

    [Theory]
    [InlineData("0.555", "0.55", "0.56")]
    [InlineData("0.55", "0.55", "0.55")]
    [InlineData("0.0955", "0.095", "0.096")]
    public void TryRound_OffGridPrice_GoesToNeighbouringPoints(string price, string down, string up)
    {
        Assert.True(TickGrid.TaperedDeciCent.TryRoundDown(P(price), out var roundedDown));
        Assert.True(TickGrid.TaperedDeciCent.TryRoundUp(P(price), out var roundedUp));
        Assert.Equal(P(down), roundedDown);
        Assert.Equal(P(up), roundedUp);
    }

    [Fact]
    public void Constructor_RangesOutOfOrder_SortsThem()
    {
        var grid = TickGrid.FromText([("0.9000", "1.0000", "0.0010"), ("0.0000", "0.1000", "0.0010"), ("0.1000", "0.9000", "0.0100")]);
        Assert.Equal(TickGrid.TaperedDeciCent.Ranges, grid.Ranges);
    }

    [Theory]
    [InlineData("0.2000", "gap")]     // second band starts after the first ends
    [InlineData("0.0500", "overlap")] // second band starts inside the first
    public void Constructor_NonContiguousRanges_ThrowsNamingTheProblem(string secondStart, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TickGrid.FromText([("0.0000", "0.1000", "0.0010"), (secondStart, "1.0000", "0.0100")]));
        Assert.Contains("not contiguous", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("ranges", error.ParamName);
    }

    [Fact]
    public void Constructor_StepNotDividingRange_Throws()
    {
        // 0.1 / 0.03 is not whole.
        var error = Assert.Throws<ArgumentException>(() => TickGrid.FromText([("0.0000", "0.1000", "0.0300")]));
        Assert.Contains("does not divide", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0000", "0.1000", "0.0000", "not positive")]
    [InlineData("0.0000", "0.1000", "-0.0100", "not positive")]
    [InlineData("0.1000", "0.1000", "0.0100", "does not end above")]
    [InlineData("0.2000", "0.1000", "0.0100", "does not end above")]
    public void Constructor_BadRange_ThrowsNamingTheProblem(string start, string end, string step, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => TickGrid.FromText([(start, end, step)]));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoRanges_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TickGrid([]));
    }

    [Fact]
    public void FromText_BadNumber_ThrowsNamingIndexAndField()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TickGrid.FromText([("0.0000", "0.1000", "0.0010"), ("0.1000", "1.0000", "abc")]));
        Assert.Contains("price_ranges[1].step 'abc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForKalshiStructure_KnownAndUnknownNames()
    {
        Assert.Same(TickGrid.TaperedDeciCent, TickGrid.ForKalshiStructure("tapered_deci_cent"));
        Assert.Same(TickGrid.LinearCent, TickGrid.ForKalshiStructure("linear_cent"));
        Assert.Same(TickGrid.DeciCent, TickGrid.ForKalshiStructure("deci_cent"));
        var error = Assert.Throws<ArgumentException>(() => TickGrid.ForKalshiStructure("quarter_cent"));
        Assert.Contains("quarter_cent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromText_RecordedKxbtc15mMarket_IsTaperedDeciCent()
    {
        var path = SharedSamples.Find("venues/kalshi/rest_market_KXBTC15M_partial.json");
        if (path is null)
        {
            Assert.Skip("../shared/venues/kalshi/rest_market_KXBTC15M_partial.json is not present next to the repository.");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var market = json.RootElement;
        Assert.Equal("tapered_deci_cent", market.GetProperty("price_level_structure").GetString());
        var ranges = market.GetProperty("price_ranges").EnumerateArray()
            .Select(r => (r.GetProperty("start").GetString()!, r.GetProperty("end").GetString()!, r.GetProperty("step").GetString()!))
            .ToList();

        var grid = TickGrid.FromText(ranges);

        Assert.Equal(TickGrid.TaperedDeciCent.Ranges, grid.Ranges);
        Assert.True(grid.IsOnTick(P("0.095")));
        Assert.False(grid.IsOnTick(P("0.105")));
    }

    [Fact]
    public void IsOnTickAndNextTick_WarmGrid_AllocateNothing()
    {
        var grid = TickGrid.TaperedDeciCent;
        var price = P("0.555");
        grid.IsOnTick(price);
        grid.TryGetNextUp(price, out _);
        grid.TryGetNextDown(price, out _);

        var window = AllocationWindow.Open();
        var onTick = 0;
        for (var i = 0; i < 1_000; i++)
        {
            onTick += grid.IsOnTick(price) ? 1 : 0;
            grid.TryGetNextUp(price, out var up);
            grid.TryGetNextDown(up, out price);
        }

        window.AssertNothingAllocated();
        // 0.555 is off the grid; up (0.56) then down lands on 0.55, which is on it for the remaining 999 passes.
        Assert.Equal(999, onTick);
        Assert.Equal(P("0.55"), price);
    }
}
