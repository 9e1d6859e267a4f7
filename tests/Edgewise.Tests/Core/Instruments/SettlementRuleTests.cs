using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Core.Instruments;

public class SettlementRuleTests
{
    private static Price[] Prints(params decimal[] values) => values.Select(Price.FromDecimal).ToArray();

    [Fact]
    public void ComputeValue_SimpleAverageOfSixtyPrints_IsArithmeticMean()
    {
        // 100000 + 0.01·i for i = 0..59: mean = 100000 + 0.01 × 29.5 = 100000.295.
        var prints = Enumerable.Range(0, 60).Select(i => 100000m + 0.01m * i).ToArray();
        Assert.Equal(100000.295m, SettlementRule.SimpleAverage60Seconds.ComputeValue(Prints(prints)));
    }

    [Fact]
    public void ComputeValue_TrimmedMean_DropsTwentyPercentEachEnd()
    {
        // 36 prints at 100000, 12 spikes at 200000, 12 dips at 0.01. Trimmed: 12 dropped each end -> 100000.
        // Simple mean for contrast: (3,600,000 + 2,400,000 + 0.12) / 60 = 100000.002.
        var values = Enumerable.Repeat(100000m, 36).Concat(Enumerable.Repeat(200000m, 12)).Concat(Enumerable.Repeat(0.01m, 12)).ToArray();
        new Random(42).Shuffle(values);

        Assert.Equal(100000m, SettlementRule.TrimmedMean60Seconds.ComputeValue(Prints(values)));
        Assert.Equal(100000.002m, SettlementRule.SimpleAverage60Seconds.ComputeValue(Prints(values)));
    }

    [Fact]
    public void ComputeValue_TrimmedMeanWithOneOutlier_IgnoresIt()
    {
        // 1..59 and 1000. Sorted, drop 1..12 and the top 12 (49..59, 1000): mean of 13..48 = (13 + 48) / 2 = 30.5.
        // Simple: (1770 + 1000) / 60 = 46.1666…
        var values = Enumerable.Range(1, 59).Select(i => (decimal)i).Append(1000m).Reverse().ToArray();
        Assert.Equal(30.5m, SettlementRule.TrimmedMean60Seconds.ComputeValue(Prints(values)));
        Assert.Equal(2770m / 60m, SettlementRule.SimpleAverage60Seconds.ComputeValue(Prints(values)));
    }

    [Theory]
    [InlineData(60, 12)]
    [InlineData(59, 11)] // 59 × 0.2 = 11.8, floored
    [InlineData(5, 1)]
    [InlineData(4, 0)]
    public void TrimCount_TwentyPercent_FloorsPerEnd(int prints, int expected)
    {
        Assert.Equal(expected, SettlementRule.TrimmedMean60Seconds.TrimCount(prints));
    }

    [Fact]
    public void ComputeValue_AverageFinerThanNineDecimals_KeepsExactOrder()
    {
        // (0.000000001 + 0 + 0) / 3 is below 0.000000001 and above 0: a strike at 0.000000001 is not met.
        var value = SettlementRule.SimpleAverage60Seconds.ComputeValue(Prints(0.000000001m, 0m, 0m));
        Assert.True(value > 0m);
        Assert.False(BinaryStrike.AtLeast(0.000000001m).IsMetBy(value));
    }

    [Theory]
    [InlineData("2026-09-12T12:17:00Z", false)] // exactly close − 60 s: belongs to the previous window
    [InlineData("2026-09-12T12:17:01Z", true)]
    [InlineData("2026-09-12T12:18:00Z", true)]  // the close itself
    [InlineData("2026-09-12T12:18:01Z", false)]
    public void IsInWindow_PrintTimes_HalfOpenWindowEndingAtClose(string printTime, bool expected)
    {
        var close = DateTimeOffset.Parse("2026-09-12T12:18:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var at = DateTimeOffset.Parse(printTime, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, SettlementRule.SimpleAverage60Seconds.IsInWindow(at, close));
    }

    [Fact]
    public void ComputeValue_NoPrints_Throws()
    {
        Assert.Throws<ArgumentException>(() => SettlementRule.SimpleAverage60Seconds.ComputeValue([]));
    }

    [Fact]
    public void Constructor_InvalidParameters_Throw()
    {
        var minute = TimeSpan.FromSeconds(60);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SettlementRule(TimeSpan.Zero, SettlementAveraging.SimpleMean));
        Assert.Throws<ArgumentException>(() => new SettlementRule(minute, SettlementAveraging.SimpleMean, 0.2m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SettlementRule(minute, SettlementAveraging.TrimmedMean, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SettlementRule(minute, SettlementAveraging.TrimmedMean, 0.5m));
    }
}
