using Edgewise.Core.Collections;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Core;

public sealed class BoundedHistoryTests
{
    [Fact]
    public void Add_PastCapacity_KeepsNewestOldestFirstAndCountsEvicted()
    {
        var history = new BoundedHistory<int>(3);

        for (var i = 1; i <= 5; i++)
        {
            history.Add(i);
        }

        Assert.Equal([3, 4, 5], history);
        Assert.Equal((3, 3, 5L, 2L, true), (history.Count, history.Capacity, history.TotalAdded, history.Evicted, history.IsFull));
        Assert.Equal(3, history[0]);
        Assert.Equal(5, history[2]);
        Assert.True(history.TryGetNewest(out var newest));
        Assert.Equal(5, newest);
    }

    [Fact]
    public void Add_BelowCapacity_KeepsEverything()
    {
        var history = new BoundedHistory<string>(4);
        history.Add("a");
        history.Add("b");

        Assert.Equal(["a", "b"], history.ToArray());
        Assert.False(history.IsFull);
        Assert.Equal(0, history.Evicted);
        Assert.Throws<ArgumentOutOfRangeException>(() => history[2]);
    }

    [Fact]
    public void CopyNewest_SmallerDestination_CopiesTheNewestOldestFirst()
    {
        var history = new BoundedHistory<int>(4);
        for (var i = 1; i <= 6; i++)
        {
            history.Add(i);
        }

        Span<int> last2 = stackalloc int[2];
        var n = history.CopyNewest(last2);

        // Kept 3..6; the newest two are 5, 6.
        Assert.Equal(2, n);
        Assert.Equal([5, 6], last2.ToArray());
    }

    [Fact]
    public void Clear_AfterWrapping_StartsOver()
    {
        var history = new BoundedHistory<int>(2);
        history.Add(1);
        history.Add(2);
        history.Add(3);

        history.Clear();
        history.Add(9);

        Assert.Equal([9], history);
        Assert.Equal((1L, 0L), (history.TotalAdded, history.Evicted));
        Assert.False(new BoundedHistory<int>(1).TryGetNewest(out _));
    }

    [Fact]
    public void Enumerate_HistoryChangedMeanwhile_Throws()
    {
        var history = new BoundedHistory<int>(2);
        history.Add(1);

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in history)
            {
                history.Add(item);
            }
        });
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedHistory<int>(0));

    [Fact]
    public void Add_AnySequence_HoldsExactlyTheLastCapacityItems() =>
        Prop.ForAll(
            Gen.Choose(1, 8).ToArbitrary(),
            ArbMap.Default.ArbFor<int[]>(),
            (capacity, items) =>
            {
                var history = new BoundedHistory<int>(capacity);
                foreach (var item in items)
                {
                    history.Add(item);
                }

                var expected = items.Skip(Math.Max(0, items.Length - capacity)).ToArray();
                return history.ToArray().SequenceEqual(expected) && history.Count <= capacity
                    && history.Evicted == items.Length - expected.Length;
            }).QuickCheckThrowOnFailure();
}
