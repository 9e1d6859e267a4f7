// Cost of the engine's synchronous dispatch (the replay path) for a book delta and a trade, through the
// data engine, the cache's book, the bus and one subscribed strategy. Allocation must read zero.
// It uses the production SortedOrderBook (a few ns per update, see BookUpdateBenchmarks), so the figure is
// what replay pays per message in the engine.
using BenchmarkDotNet.Attributes;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Strategies;
using Edgewise.Engine.Time;

namespace Edgewise.Benchmarks;

[MemoryDiagnoser]
public class EngineDispatchBenchmarks
{
    private const int Batch = 1_000;

    private readonly BookUpdate _update = new();
    private EngineLoop _engine = null!;
    private InstrumentId _id = null!;
    private TradeTick _trade;

    [GlobalSetup]
    public void Setup()
    {
        var id = new InstrumentId("bench", "BTCUSD");
        var instrument = new SpotPair(id, new MakerTakerFeeModel(0m, 0m), "BTC", "USD", new Price(FixedPoint.One / 100), new Quantity(FixedPoint.One / 100_000_000));
        _id = instrument.Id;
        _engine = new EngineLoop(new EngineOptions
        {
            Clock = new ReplayTimeProvider(0),
            BookFactory = static i => OrderBookFactory.ForUnbounded(i.Id),
        });
        _engine.Cache.AddInstrument(instrument);
        _engine.Strategies.Add(new ReadingStrategy(_id));
        _engine.Start();
        _trade = new TradeTick(_id, new Price(100 * FixedPoint.One), new Quantity(FixedPoint.One), OrderSide.Buy, 1, 1, 1);
        BookDeltas();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void BookDeltas()
    {
        for (var i = 0; i < Batch; i++)
        {
            _update.Reset(_id, BookUpdateKind.Delta, i, i);
            _update.Add(BookSide.Bid, new Price((90 + (i % 10)) * FixedPoint.One), new Quantity((i % 3) * FixedPoint.One));
            _update.Add(BookSide.Ask, new Price((101 + (i % 10)) * FixedPoint.One), new Quantity(((i + 1) % 3) * FixedPoint.One));
            _engine.OnBookUpdate(_update);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Trades()
    {
        for (var i = 0; i < Batch; i++)
        {
            _engine.OnTrade(_trade);
        }
    }

    private sealed class ReadingStrategy(InstrumentId id) : Strategy("bench")
    {
        public long Seen { get; private set; }

        public override void OnStart() => Context.Subscribe(id);

        public override void OnBook(IOrderBook book)
        {
            if (book.TryGetBestBid(out var bid))
            {
                Seen += bid.Price.Raw;
            }
        }

        public override void OnTrade(in TradeTick trade) => Seen++;
    }
}
