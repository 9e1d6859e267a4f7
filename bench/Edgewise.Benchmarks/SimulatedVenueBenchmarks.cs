// Cost of the simulated venue: a market order walking three levels of a dense binary-contract book (events and
// fills included, so it allocates), and the engine's book dispatch with the venue listening and an order resting
// (queue bookkeeping on every delta), which must allocate nothing.
using BenchmarkDotNet.Attributes;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Simulation;
using Edgewise.Engine.Time;

namespace Edgewise.Benchmarks;

[MemoryDiagnoser]
public class SimulatedVenueBenchmarks
{
    private const int Batch = 1_000;

    private readonly BookUpdate _update = new();
    private EngineLoop _engine = null!;
    private SimulatedVenue _venue = null!;
    private InstrumentId _id = null!;
    private long _orders;

    [GlobalSetup]
    public void Setup()
    {
        var contract = new BinaryContract(
            new InstrumentId("kalshi", "KXBENCH"), new KalshiFeeModel(KalshiFeeType.Quadratic), TickGrid.TaperedDeciCent,
            new Quantity(FixedPoint.One), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), null, null);
        _id = contract.Id;
        _engine = new EngineLoop(new EngineOptions
        {
            Clock = new ReplayTimeProvider(0),
            BookFactory = static i => OrderBookFactory.ForBinaryContract(i.Id, i.MinTick),
        });
        _engine.Cache.AddInstrument(contract);
        _venue = new SimulatedVenue(_engine, "kalshi", events: new DiscardingSink());
        _update.Reset(_id, BookUpdateKind.Snapshot, 0, 0);
        _update.Add(BookSide.Bid, P(30), Q(100));
        _update.Add(BookSide.Ask, P(40), Q(10));
        _update.Add(BookSide.Ask, P(41), Q(10));
        _update.Add(BookSide.Ask, P(42), Q(10));
        _engine.OnBookUpdate(_update);
        _engine.OnBookStatus(new BookStatus(_id, BookHealth.Healthy, "snapshot", 0));
        _venue.Submit(OrderRequest.Limit("rest", _id, OrderSide.Buy, P(30), Q(10)));
    }

    /// <summary>A delta that refreshes the three ask levels, then a market buy of 25 that takes 10 + 10 + 5.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void MarketOrderThreeLevels()
    {
        for (var i = 0; i < Batch; i++)
        {
            var size = Q(10 + (i % 2));
            _update.Reset(_id, BookUpdateKind.Delta, i, i);
            _update.Add(BookSide.Ask, P(40), size);
            _update.Add(BookSide.Ask, P(41), size);
            _update.Add(BookSide.Ask, P(42), size);
            _engine.OnBookUpdate(_update);
            _venue.Submit(OrderRequest.Market("m" + (++_orders).ToString(System.Globalization.CultureInfo.InvariantCulture), _id, OrderSide.Buy, Q(25)));
        }
    }

    /// <summary>Deltas at the resting order's level: the venue moves it in the queue on each one.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void BookDeltasWithRestingOrder()
    {
        for (var i = 0; i < Batch; i++)
        {
            _update.Reset(_id, BookUpdateKind.Delta, i, i);
            _update.Add(BookSide.Bid, P(30), Q(100 + (i % 7)));
            _engine.OnBookUpdate(_update);
        }
    }

    private static Price P(int cents) => new(cents * (FixedPoint.One / 100));

    private static Quantity Q(int units) => new(units * FixedPoint.One);

    private sealed class DiscardingSink : IExecutionEventSink
    {
        public void OnOrderEvent(OrderEvent orderEvent)
        {
        }
    }
}
