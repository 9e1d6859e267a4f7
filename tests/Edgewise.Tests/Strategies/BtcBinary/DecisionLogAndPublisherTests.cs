using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Time;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class DecisionLogAndPublisherTests
{
    [Fact]
    public void DecisionLog_PastCapacity_KeepsTheNewestAndCountsTheDropped()
    {
        var log = new DecisionLog(3);
        for (var i = 1; i <= 5; i++)
        {
            log.Add(new DecisionRecord(log.NextSequence, i, "m", DecisionKind.Skip, null, null, "x", null, null, null, null, null, null));
        }

        Assert.Equal([3L, 4L, 5L], log.Snapshot().Select(static r => r.Sequence).ToList());
        Assert.Equal(5, log.Recorded);
        Assert.Equal(2, log.Dropped);
    }

    [Theory]
    [InlineData(2, new long[] { 4, 5 })]          // ring wrapped (3..5 held): the last two
    [InlineData(3, new long[] { 3, 4, 5 })]
    [InlineData(10, new long[] { 3, 4, 5 })]      // more than held: all held
    [InlineData(0, new long[] { })]
    public void DecisionLog_Newest_TakesTheNewestOldestFirst(int count, long[] expected)
    {
        var log = new DecisionLog(3);
        for (var i = 1; i <= 5; i++)
        {
            log.Add(new DecisionRecord(log.NextSequence, i, "m", DecisionKind.Skip, null, null, "x", null, null, null, null, null, null));
        }

        Assert.Equal(expected, log.Newest(count).Select(static r => r.Sequence).ToArray());
    }

    [Fact]
    public void DecisionLog_OutOfSequence_Throws()
    {
        var log = new DecisionLog(3);
        Assert.Throws<ArgumentException>(() => log.Add(new DecisionRecord(2, 0, "m", DecisionKind.Skip, null, null, null, null, null, null, null, null, null)));
    }

    [Fact]
    public void IndexTickPublisher_RecordedSource_PublishesEachSampleAtItsOwnTime()
    {
        const long T0 = 1_770_000_000_000_000_000L;
        var clock = new ReplayTimeProvider(T0);
        var engine = new EngineLoop(new EngineOptions { Clock = clock, BookFactory = static i => OrderBookFactory.ForUnbounded(i.Id) });
        var seen = new List<(long Clock, IndexTick Tick)>();
        engine.Bus.Subscribe((in IndexTick tick) => seen.Add((clock.UnixNs, tick)));
        var samples = new[]
        {
            IndexTick.Usable(Price.FromDecimal(76_925.27m), T0),
            IndexTick.Usable(Price.FromDecimal(76_919.16m), T0 + 30_497_000_000L),
            IndexTick.Outage(T0 + 61_000_000_000L),
        };
        var publisher = new IndexTickPublisher("index", engine.Bus, new RecordedIndexTickSource(samples));
        engine.Strategies.Add(publisher);
        engine.Start();

        clock.AdvanceTo(T0 + 30_000_000_000L);
        Assert.Single(seen);
        clock.AdvanceTo(T0 + 120_000_000_000L);

        Assert.Equal(samples.Select(static s => (s.TsNs, s)).ToList(), seen);
        Assert.Equal(3, publisher.Published);
        Assert.Null(publisher.Fault);
    }

    [Fact]
    public void RecordedIndexTickSource_SamplesOutOfOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => new RecordedIndexTickSource([IndexTick.Outage(2), IndexTick.Outage(1)]));

    [Fact]
    public void ProxyIndexTickSource_Read_KeepsTheEvaluationItReportedAsLast()
    {
        const long T0 = 1_770_000_000_000_000_000L;
        var source = new ProxyIndexTickSource(new BtcIndexProxy(new BtcIndexOptions(), static _ => null));
        Assert.Null(source.Last);

        Assert.True(source.TryRead(T0, out var tick));

        // No venue at all: an outage tick, and the kept evaluation is the same unusable one, at the same time.
        Assert.False(tick.IsUsable);
        Assert.NotNull(source.Last);
        Assert.Equal((T0, false, 0), (source.Last.TsNs, source.Last.IsUsable, source.Last.IncludedVenues));
    }
}
