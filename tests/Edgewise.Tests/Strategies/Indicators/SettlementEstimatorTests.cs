using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Tests.Strategies.Indicators;

public class SettlementEstimatorTests
{
    private const long Second = 1_000_000_000L;

    /// <summary>Close time in whole Unix seconds (a quarter-hour boundary: 1_700_000_100 = 2023-11-14T22:15:00Z).</summary>
    private const long CloseSecond = 1_700_000_100L;

    private const long Close = CloseSecond * Second;

    private static Price P(decimal value) => Price.FromDecimal(value);

    /// <summary>
    /// Prints for seconds close − 60 .. close + 1, taken 250 ms into each second: close − 60 (outside the window) is 99999,
    /// second close − 60 + j is 60000 + j for j = 1..60, except close − 30 (j = 30), which has no print.
    /// </summary>
    private static IndexHistory HistoryWithOneMissingSecond()
    {
        var history = new IndexHistory(3600);
        history.Record((CloseSecond - 60) * Second + 250_000_000, P(99_999m), P(99_999m));
        for (var j = 1; j <= 61; j++)
        {
            if (j == 30)
            {
                continue;
            }

            var second = CloseSecond - 60 + j;
            history.Record(second * Second + 250_000_000, P(60_000m + j), P(1m));
        }

        return history;
    }

    [Fact]
    public void Estimate_MidWindowWithAMissingSecond_AveragesOnlyThePrintsThereAre()
    {
        var estimator = new SettlementEstimator(HistoryWithOneMissingSecond());

        // Now = close − 29.5 s: seconds close − 59 .. close − 30 have begun (30 of them); close − 30 has no print.
        // Prints 60001 .. 60029 (29 of them): average (60001 + 60029) / 2 = 60015.
        var estimate = estimator.Estimate(Close, Close - 29 * Second - Second / 2);

        Assert.Equal((60, 30, 29, 1), (estimate.WindowSeconds, estimate.SecondsElapsed, estimate.PrintCount, estimate.MissingSeconds));
        Assert.Equal(60015m, estimate.Value);
        Assert.False(estimate.IsFinal);
    }

    [Fact]
    public void Estimate_AtClose_FinalAverageOfFiftyNinePrintsAndNextStrike()
    {
        var estimator = new SettlementEstimator(HistoryWithOneMissingSecond());

        // Window (close − 60 s, close]: seconds close − 59 .. close, values 60001 .. 60060 without 60030.
        // Sum = 60 × 60000 + (1 + … + 60) − 60030 = 3,600,000 + 1,830 − 60,030 = 3,541,800; / 59 = 60030.508474576271…
        // The print of close − 60 (99999) and of close + 1 are outside the window.
        var estimate = estimator.Estimate(Close, Close);

        Assert.Equal((60, 60, 59, 1), (estimate.WindowSeconds, estimate.SecondsElapsed, estimate.PrintCount, estimate.MissingSeconds));
        Assert.Equal(60030.508474576m, decimal.Round(estimate.Value!.Value, 9));
        Assert.True(estimate.IsFinal);
        Assert.False(estimate.IsComplete);
        Assert.Equal(estimate.Value, estimate.NextWindowStrikeEstimate);

        // Later calls give the same final value.
        Assert.Equal(estimate.Value, estimator.Estimate(Close, Close + 5 * Second).Value);
    }

    [Fact]
    public void Estimate_BeforeTheWindow_NoValueNothingMissing()
    {
        var estimate = new SettlementEstimator(HistoryWithOneMissingSecond()).Estimate(Close, Close - 60 * Second);

        Assert.Equal((0, 0, 0), (estimate.SecondsElapsed, estimate.PrintCount, estimate.MissingSeconds));
        Assert.Null(estimate.Value);
        Assert.Null(estimate.NextWindowStrikeEstimate);
    }

    [Fact]
    public void Estimate_OutageSecond_MissingForThatSeriesOnly()
    {
        // A 3-second rule over seconds close − 2, close − 1, close. The RTI had an outage at close − 1, the weighted mid did not.
        var history = new IndexHistory(3600);
        history.Record((CloseSecond - 2) * Second, P(100m), P(90m));
        history.Record((CloseSecond - 1) * Second, null, P(91m));
        history.Record(CloseSecond * Second, P(102m), P(92m));
        var rule = new SettlementRule(TimeSpan.FromSeconds(3), SettlementAveraging.SimpleMean);

        var rti = new SettlementEstimator(history, rule, IndexSeries.Rti).Estimate(Close, Close);
        var mid = new SettlementEstimator(history, rule, IndexSeries.WeightedMid).Estimate(Close, Close);

        Assert.Equal((2, 1, 101m), (rti.PrintCount, rti.MissingSeconds, rti.Value!.Value)); // (100 + 102) / 2
        Assert.Equal((3, 0, 91m), (mid.PrintCount, mid.MissingSeconds, mid.Value!.Value)); // (90 + 91 + 92) / 3
        Assert.True(mid.IsComplete);
    }

    [Fact]
    public void Constructor_WindowLongerThanHistory_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SettlementEstimator(new IndexHistory(30)));
    }
}
