using Edgewise.Dashboard.Publishing;

namespace Edgewise.Tests.Dashboard;

public class EquityHistoryTests
{
    private const long Second = 1_000_000_000L;

    [Fact]
    public void Record_SameSecondTwice_TheLaterValueReplacesThePoint()
    {
        var history = new EquityHistory(capacity: 10, bucketSeconds: 1);

        history.Record((100 * Second) + 100, 1_000m, 0m);
        var points = history.Record((100 * Second) + 900_000_000, 1_001m, 1m);

        var point = Assert.Single(points);
        Assert.Equal((100L, 1_001m, 1m), (point.Time, point.Equity, point.NetPnl));
    }

    [Fact]
    public void Record_FiveSecondBuckets_TimesAreTheBucketStarts()
    {
        var history = new EquityHistory(capacity: 10, bucketSeconds: 5);

        history.Record(101 * Second, 1m, 0m);
        history.Record(104 * Second, 2m, 0m);   // same bucket [100, 105)
        var points = history.Record(107 * Second, 3m, 0m);

        Assert.Equal([(100L, 2m), (105L, 3m)], points.Select(p => (p.Time, p.Equity)));
    }

    [Fact]
    public void Record_PastCapacity_TheOldestPointsDropOff()
    {
        var history = new EquityHistory(capacity: 3, bucketSeconds: 1);

        for (var s = 1; s <= 5; s++)
        {
            history.Record(s * Second, s, 0m);
        }

        Assert.Equal([3L, 4L, 5L], history.Points.Select(p => p.Time));
    }

    [Fact]
    public void Record_EarlierPointArrivesOnceItsSnapshotIsTaken_EarlierSnapshotKeepsItsCurve()
    {
        var history = new EquityHistory(capacity: 3, bucketSeconds: 1);
        var early = history.Record(1 * Second, 1m, 0m);

        history.Record(2 * Second, 2m, 0m);

        Assert.Single(early);                   // immutable: a published snapshot never changes under a reader
        Assert.Equal(2, history.Points.Count);
    }
}
