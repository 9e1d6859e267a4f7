using Edgewise.Core.Numerics;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Tests.Strategies.Indicators;

public class IndexTrackingErrorTests
{
    private const long Second = 1_000_000_000L;

    private static Price P(string usd) => Price.Parse(usd);

    [Fact]
    public void Stats_FourMatchedOneMissing_HandComputedPercentilesAndBias()
    {
        var history = new IndexHistory(60);
        history.Record(100 * Second, P("60000.00"), null);
        history.Record(101 * Second, P("60010.00"), null);
        history.Record(102 * Second, P("60000.00"), null);
        history.Record(104 * Second, P("60030.00"), null); // nothing recorded for second 103
        var tracking = new IndexTrackingError(history);

        // (60000 − 60006) / 60006 × 10^4 = −0.99990001 → −0.9999; (60010 − 60004) / 60004 × 10^4 = 0.99993334 → 0.9999;
        // 0; second 103 unmatched; (60030 − 60000) / 60000 × 10^4 = 5.
        Assert.Equal(-0.9999m, tracking.Add(100 * Second + 300_000_000, P("60006.00")));
        Assert.Equal(0.9999m, tracking.Add(101 * Second, P("60004.00")));
        Assert.Equal(0m, tracking.Add(102 * Second + 999_999_999, P("60000.00")));
        Assert.Null(tracking.Add(103 * Second, P("60000.00")));
        Assert.Equal(5m, tracking.Add(104 * Second, P("60000.00")));

        // |errors| sorted: 0, 0.9999, 0.9999, 5. Nearest rank: p50 = 2nd = 0.9999; p99 = ceil(3.96) = 4th = 5. Mean signed: 5 / 4 = 1.25.
        Assert.Equal(new IndexTrackingStats(4, 1, 0.9999m, 5m, 1.25m), tracking.Stats());
    }

    [Fact]
    public void Stats_NothingMatched_NoFiguresRatherThanZeros()
    {
        var tracking = new IndexTrackingError(new IndexHistory(60));

        Assert.Null(tracking.Add(5 * Second, P("60000")));
        Assert.Equal(new IndexTrackingStats(0, 1, null, null, null), tracking.Stats());
    }

    [Fact]
    public void Add_WindowFull_OldestErrorsLeaveTheStatistics()
    {
        var history = new IndexHistory(60);
        history.Record(1 * Second, P("100.10"), null); // +10 bps against 100.00
        history.Record(2 * Second, P("100.00"), null);
        history.Record(3 * Second, P("100.00"), null);
        var tracking = new IndexTrackingError(history, window: 2);

        tracking.Add(1 * Second, P("100.00"));
        tracking.Add(2 * Second, P("100.00"));
        tracking.Add(3 * Second, P("100.00"));

        Assert.Equal(new IndexTrackingStats(3, 0, 0m, 0m, 0m), tracking.Stats());
    }
}
