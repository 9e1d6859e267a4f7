using Edgewise.Core.Numerics;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Tests.Strategies.Indicators;

public class IndexHistoryTests
{
    private const long Second = 1_000_000_000L;

    [Fact]
    public void Record_SameSecondTwice_KeepsTheLaterPrint()
    {
        var history = new IndexHistory(60);
        history.Record(100 * Second + 1, new Price(1), null);
        history.Record(100 * Second + 999_999_999, new Price(2), null);

        Assert.True(history.TryGet(100, out var print));
        Assert.Equal(new Price(2), print.Rti);
        Assert.Equal(100, history.LatestSecond);
    }

    [Fact]
    public void Record_EarlierSecond_ThrowsBecauseTheClockWentBack()
    {
        var history = new IndexHistory(60);
        history.Record(100 * Second, new Price(1), null);

        Assert.Throws<InvalidOperationException>(() => history.Record(99 * Second, new Price(1), null));
    }

    [Fact]
    public void TryGet_SecondOverwrittenByTheRing_IsNoLongerThere()
    {
        // Capacity 60: second 160 takes the slot of second 100.
        var history = new IndexHistory(60);
        history.Record(100 * Second, new Price(1), null);
        history.Record(160 * Second, new Price(2), null);

        Assert.False(history.TryGet(100, out _));
        Assert.True(history.TryGet(160, out _));
        Assert.False(history.TryGet(101, out _));
    }
}
