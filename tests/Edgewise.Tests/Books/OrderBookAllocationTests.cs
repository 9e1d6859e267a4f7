// Once warmed (storage grown to working depth, code jitted), the hot path must not allocate: level
// updates, inserts and removals within capacity, a snapshot rebuild, and the queries strategies make
// per message. Measured with the current thread's allocation counter, around a second run of the same
// code so the first run pays for JIT and type initialization.
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Books;

[Collection(AllocationMeasurements.Name)]
public sealed class OrderBookAllocationTests
{
    private const int Depth = 200;
    private static readonly InstrumentId Instrument = new("test", "ALLOC");

    [Fact]
    public void Updates_SortedBookWarmedUp_AllocateNothing()
    {
        // BTC-like: 0.01 ticks around 60,000, 200 levels a side.
        var book = new SortedOrderBook(Instrument, initialCapacity: 256);
        var bytes = MeasureUpdates(book, mid: Price.Parse("60000").Raw, tick: Price.Parse("0.01").Raw);

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Updates_DenseBookWarmedUp_AllocateNothing()
    {
        // Binary contract: 0.001 ticks around 0.5, 200 levels a side fit inside [0, 1].
        var book = OrderBookFactory.ForBinaryContract(Instrument, Price.Parse("0.001"));
        var bytes = MeasureUpdates(book, mid: Price.Parse("0.5").Raw, tick: Price.Parse("0.001").Raw);

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Queries_BothBooks_AllocateNothing()
    {
        IOrderBook[] books =
        [
            new SortedOrderBook(Instrument),
            OrderBookFactory.ForBinaryContract(Instrument, Price.Parse("0.001")),
        ];
        foreach (var book in books)
        {
            Snapshot(book, Price.Parse("0.5").Raw, Price.Parse("0.001").Raw);
            long sink = 0;
            sink += Query(book); // warm-up
            var window = AllocationWindow.Open();
            for (var i = 0; i < 1_000; i++)
            {
                sink += Query(book);
            }

            window.AssertNothingAllocated();
            Assert.True(sink > 0); // keeps the queries from being optimized away
        }
    }

    private static long MeasureUpdates(IOrderBook book, long mid, long tick)
    {
        Snapshot(book, mid, tick);
        RunUpdates(book, mid, tick, rounds: 100); // warm-up: JIT and any remaining growth
        var window = AllocationWindow.Open();
        RunUpdates(book, mid, tick, rounds: 10_000);
        var allocated = window.Allocated;

        // The updates really happened: the book still has its depth and the best levels moved back.
        Assert.Equal(Depth, book.BidCount);
        Assert.Equal(Depth, book.AskCount);
        return allocated;
    }

    private static void Snapshot(IOrderBook book, long mid, long tick)
    {
        book.Clear();
        for (var k = 1; k <= Depth; k++)
        {
            book.Set(BookSide.Bid, new Price(mid - (k * tick)), new Quantity(k * FixedPoint.One));
            book.Set(BookSide.Ask, new Price(mid + (k * tick)), new Quantity(k * FixedPoint.One));
        }

        book.Touch(1, 2);
    }

    private static void RunUpdates(IOrderBook book, long mid, long tick, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            var level = (i % 10) + 1;
            var size = new Quantity(((i % 7) + 1) * FixedPoint.One);

            // Existing levels near the top and deep in the book.
            book.Set(BookSide.Bid, new Price(mid - (level * tick)), size);
            book.Set(BookSide.Ask, new Price(mid + ((level + 150) * tick)), size);
            book.Add(BookSide.Ask, new Price(mid + (level * tick)), new Quantity(FixedPoint.One));
            book.Add(BookSide.Ask, new Price(mid + (level * tick)), new Quantity(-FixedPoint.One));

            // Insert a new best level inside the spread, then remove it again.
            book.Set(BookSide.Bid, new Price(mid), size);
            book.Set(BookSide.Bid, new Price(mid), Quantity.Zero);
            book.Add(BookSide.Ask, new Price(mid), size);
            book.Add(BookSide.Ask, new Price(mid), -size);

            book.Touch(i, i);
        }

        Snapshot(book, mid, tick); // a rebuild within capacity
    }

    private static long Query(IOrderBook book)
    {
        Span<BookLevel> top = stackalloc BookLevel[10];
        long sink = 0;
        if (book.TryGetBestBid(out var bid))
        {
            sink += bid.Size.Raw;
        }

        if (book.TryGetBestAsk(out var ask))
        {
            sink += ask.Size.Raw;
        }

        sink += book.SizeAt(BookSide.Bid, bid.Price).Raw;
        sink += book.CopyLevels(BookSide.Ask, top);
        sink += book.WalkQuantity(BookSide.Ask, new Quantity(15 * FixedPoint.One)).Levels;
        sink += book.WalkNotional(BookSide.Bid, 7.5m).Levels;
        sink += book.IsCrossed ? 1 : 0;
        sink += book.IsStale(10, 5) ? 1 : 0;
        return sink;
    }
}
