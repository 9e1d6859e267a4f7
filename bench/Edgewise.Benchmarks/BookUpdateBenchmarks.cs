// Cost of the order book hot path: level updates, inserts/removals near the top, deep updates, a
// snapshot rebuild, and the queries strategies make. Books are used through IOrderBook, as the engine
// does. The sorted book holds a BTC-like book (1000 levels a side, 0.02 apart around 60,000, so a
// price between two levels is free for inserts); the dense book a binary contract on a 0.001 grid with
// 200 levels a side, 0.002 apart around 0.5. Each benchmark performs Ops operations per invocation, so
// the reported time is per operation. Target: ≤ 50 ns for a top-of-book update or insert.
using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Benchmarks;

[MemoryDiagnoser]
public class BookUpdateBenchmarks
{
    private const int Ops = 1024;
    private const int SortedDepth = 1000;
    private const int DenseDepth = 200;

    private static readonly InstrumentId Instrument = new("bench", "BOOK");

    private readonly long[] _sortedTop = new long[Ops];
    private readonly long[] _sortedInsideTop = new long[Ops];
    private readonly long[] _sortedDeep = new long[Ops];
    private readonly long[] _denseTop = new long[Ops];
    private readonly long[] _denseInsideTop = new long[Ops];
    private readonly long[] _sizes = new long[Ops];

    // Through the interface on purpose: that is how the engine holds its books.
    [SuppressMessage("Performance", "CA1859:Use concrete types when possible for improved performance", Justification = "Measures the interface call the engine makes.")]
    private IOrderBook _sorted = null!;
    [SuppressMessage("Performance", "CA1859:Use concrete types when possible for improved performance", Justification = "Measures the interface call the engine makes.")]
    private IOrderBook _dense = null!;
    private long _sortedMid;
    private long _sortedStep;

    [GlobalSetup]
    public void Setup()
    {
        _sortedMid = Price.Parse("60000").Raw;
        _sortedStep = Price.Parse("0.02").Raw;
        var denseMid = Price.Parse("0.5").Raw;
        var denseStep = Price.Parse("0.002").Raw;
        _sorted = OrderBookFactory.ForUnbounded(Instrument);
        _dense = OrderBookFactory.ForBinaryContract(Instrument, Price.Parse("0.001"));
        FillSorted();
        for (var k = 1; k <= DenseDepth; k++)
        {
            _dense.Set(BookSide.Bid, new Price(denseMid - (k * denseStep)), new Quantity(k * FixedPoint.One));
            _dense.Set(BookSide.Ask, new Price(denseMid + (k * denseStep)), new Quantity(k * FixedPoint.One));
        }

        // Deterministic pseudo-random choice of levels, biased to the top as venue traffic is.
        var random = new Random(42);
        for (var i = 0; i < Ops; i++)
        {
            var top = random.Next(1, 11);
            _sortedTop[i] = _sortedMid - (top * _sortedStep);
            _sortedInsideTop[i] = _sortedMid - (top * _sortedStep) + (_sortedStep / 2);
            _sortedDeep[i] = _sortedMid - (random.Next(200, SortedDepth + 1) * _sortedStep);
            _denseTop[i] = denseMid - (top * denseStep);
            _denseInsideTop[i] = denseMid - (top * denseStep) + (denseStep / 2);
            _sizes[i] = random.Next(1, 1000) * (FixedPoint.One / 1000);
        }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public void SortedSetExistingTopLevel()
    {
        for (var i = 0; i < Ops; i++)
        {
            _sorted.Set(BookSide.Bid, new Price(_sortedTop[i]), new Quantity(_sizes[i]));
        }
    }

    /// <summary>Each operation is one insert of a new level among the top ten and its removal (two book changes).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void SortedInsertThenRemoveNearTop()
    {
        for (var i = 0; i < Ops; i++)
        {
            var price = new Price(_sortedInsideTop[i]);
            _sorted.Set(BookSide.Bid, price, new Quantity(_sizes[i]));
            _sorted.Set(BookSide.Bid, price, Quantity.Zero);
        }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public void SortedSetExistingDeepLevel()
    {
        for (var i = 0; i < Ops; i++)
        {
            _sorted.Set(BookSide.Bid, new Price(_sortedDeep[i]), new Quantity(_sizes[i]));
        }
    }

    /// <summary>Per operation: one level of a 1000-a-side snapshot (clear, then 2000 sets).</summary>
    [Benchmark(OperationsPerInvoke = 2 * SortedDepth)]
    public void SortedSnapshotRebuild() => FillSorted();

    [Benchmark(OperationsPerInvoke = Ops)]
    public void DenseSetExistingTopLevel()
    {
        for (var i = 0; i < Ops; i++)
        {
            _dense.Set(BookSide.Bid, new Price(_denseTop[i]), new Quantity(_sizes[i]));
        }
    }

    /// <summary>Each operation is a signed delta creating a level among the top ten and one removing it (Kalshi style).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void DenseAddThenRemoveNearTop()
    {
        for (var i = 0; i < Ops; i++)
        {
            var price = new Price(_denseInsideTop[i]);
            var size = new Quantity(_sizes[i]);
            _dense.Add(BookSide.Bid, price, size);
            _dense.Add(BookSide.Bid, price, -size);
        }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public long SortedBestBidAndAsk()
    {
        long sum = 0;
        for (var i = 0; i < Ops; i++)
        {
            _sorted.TryGetBestBid(out var bid);
            _sorted.TryGetBestAsk(out var ask);
            sum += bid.Size.Raw + ask.Size.Raw;
        }

        return sum;
    }

    /// <summary>A buy of 30 units walks the top 7 ask levels (sizes 1..7 sum to 28).</summary>
    [Benchmark]
    public DepthWalk SortedWalkQuantity() => _sorted.WalkQuantity(BookSide.Ask, new Quantity(30 * FixedPoint.One));

    [Benchmark]
    public DepthWalk DenseWalkNotional() => _dense.WalkNotional(BookSide.Ask, 25m);

    private void FillSorted()
    {
        _sorted.Clear();
        for (var k = 1; k <= SortedDepth; k++)
        {
            _sorted.Set(BookSide.Bid, new Price(_sortedMid - (k * _sortedStep)), new Quantity(k * FixedPoint.One));
            _sorted.Set(BookSide.Ask, new Price(_sortedMid + (k * _sortedStep)), new Quantity(k * FixedPoint.One));
        }
    }
}
