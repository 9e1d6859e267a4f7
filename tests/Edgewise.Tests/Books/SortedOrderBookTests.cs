using Edgewise.Core.Books;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Books;

public sealed class SortedOrderBookTests : OrderBookContractTests
{
    protected override IOrderBook CreateBook() => new SortedOrderBook(TestInstrument, initialCapacity: 2);

    [Fact]
    public void Set_ThousandsOfBtcLevelsPastCapacity_GrowsAndKeepsBestFirstOrder()
    {
        var book = new SortedOrderBook(TestInstrument, initialCapacity: 4);
        var tick = P("0.01").Raw;
        var mid = P("60000.00").Raw;
        const int depth = 3000;

        // Insert in an order that is neither ascending nor descending: k × 7 mod 3000 visits every level once.
        for (var i = 0; i < depth; i++)
        {
            var k = (i * 7 % depth) + 1;
            book.Set(BookSide.Bid, new Price(mid - (k * tick)), new Quantity(k * FixedPoint.One));
            book.Set(BookSide.Ask, new Price(mid + (k * tick)), new Quantity(k * FixedPoint.One));
        }

        Assert.Equal(depth, book.BidCount);
        Assert.Equal(depth, book.AskCount);
        Assert.True(book.CapacityOf(BookSide.Bid) >= depth);
        var levels = new BookLevel[depth];
        Assert.Equal(depth, book.CopyLevels(BookSide.Bid, levels));
        for (var rank = 0; rank < depth; rank++)
        {
            // Best bid is 59999.99 (k = 1, size 1), then 59999.98 (size 2), ...
            Assert.Equal(new Price(mid - ((rank + 1) * tick)), levels[rank].Price);
            Assert.Equal(new Quantity((rank + 1) * FixedPoint.One), levels[rank].Size);
        }

        Assert.Equal(depth, book.CopyLevels(BookSide.Ask, levels));
        Assert.Equal(P("60000.01"), levels[0].Price);
        Assert.Equal(P("60030.00"), levels[depth - 1].Price); // 60000 + 3000 × 0.01
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Set_LargeSnapshotBestFirstOrWorstFirst_AllLevelsInOrderWithBoundedCapacity(bool bestFirst)
    {
        // A Coinbase-sized side: 20,000 levels from 1 to 20,000 (0.01 apart below 60,000).
        var book = new SortedOrderBook(TestInstrument, initialCapacity: 16);
        const int depth = 20_000;
        for (var i = 0; i < depth; i++)
        {
            var k = bestFirst ? i + 1 : depth - i;
            book.Set(BookSide.Bid, new Price(P("60000").Raw - (k * P("0.01").Raw)), new Quantity(k));
        }

        var levels = new BookLevel[depth];
        Assert.Equal(depth, book.CopyLevels(BookSide.Bid, levels));
        for (var rank = 0; rank < depth; rank++)
        {
            Assert.Equal(new Quantity(rank + 1), levels[rank].Size);
        }

        // Doubling from 16 while more than 80% full: 20,000 levels need at most 32,768 slots.
        Assert.InRange(book.CapacityOf(BookSide.Bid), depth, 32_768);
    }

    [Fact]
    public void Set_DeepLevelThenRemove_OnlyThatLevelChanges()
    {
        var book = new SortedOrderBook(TestInstrument);
        for (var k = 1; k <= 100; k++)
        {
            book.Set(BookSide.Ask, new Price(P("60000").Raw + (k * P("0.01").Raw)), Q("1"));
        }

        // 60000.50 is the 50th level, far below the linear top scan: exercises the binary search.
        book.Set(BookSide.Ask, P("60000.50"), Q("7"));
        Assert.Equal(Q("7"), book.SizeAt(BookSide.Ask, P("60000.50")));
        book.Set(BookSide.Ask, P("60000.50"), Quantity.Zero);
        book.Set(BookSide.Ask, P("60000.505"), Q("3")); // between two levels: inserted in order

        var levels = new BookLevel[100];
        Assert.Equal(100, book.CopyLevels(BookSide.Ask, levels));
        Assert.Equal(P("60000.49"), levels[48].Price);
        Assert.Equal(new BookLevel(P("60000.505"), Q("3")), levels[49]);
        Assert.Equal(P("60000.51"), levels[50].Price);
    }

    [Fact]
    public void WalkNotional_BtcAsks_PartialLevelTruncatedToNanoUnits()
    {
        var book = new SortedOrderBook(TestInstrument);
        book.Set(BookSide.Ask, P("60000.00"), Q("0.5"));
        book.Set(BookSide.Ask, P("60000.01"), Q("0.25"));

        var walk = book.WalkNotional(BookSide.Ask, 40_000m);

        // 0.5 × 60000.00 = 30000 leaves 10000; 10000 / 60000.01 = 0.16666663888... → 0.166666638 and
        // 60000.01 × 0.166666638 = 9999.99994666638 (one more 1e-9 would cost 10000.00000666639).
        Assert.Equal(Q("0.666666638"), walk.Filled);
        Assert.Equal(39_999.99994666638m, walk.Notional);
        Assert.Equal(P("60000.01"), walk.WorstPrice);
        Assert.Equal(2, walk.Levels);
        Assert.True(walk.Complete);
    }

    [Fact]
    public void Set_NegativePrice_Throws()
    {
        var book = new SortedOrderBook(TestInstrument);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => book.Set(BookSide.Bid, P("-1"), Q("1")));

        Assert.Equal("price", ex.ParamName);
        Assert.Equal(0, book.BidCount);
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SortedOrderBook(TestInstrument, initialCapacity: 0));
    }

    [Fact]
    public void ForUnbounded_Default_SortedBookWithDefaultCapacity()
    {
        var book = OrderBookFactory.ForUnbounded(TestInstrument);

        Assert.Equal(TestInstrument, book.Instrument);
        Assert.Equal(SortedOrderBook.DefaultCapacity, book.CapacityOf(BookSide.Ask));
    }
}
