// Cost of the engine's synchronous dispatch (the replay path) for a book delta and a trade, through the
// data engine, the cache's book, the bus and one subscribed strategy. Allocation must read zero.
// The book here is a small private linear-scan book so the benchmark measures the engine, not a book
// implementation (the production books have their own benchmarks).
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
        var instrument = new BenchInstrument(new InstrumentId("bench", "BTCUSD"));
        _id = instrument.Id;
        _engine = new EngineLoop(new EngineOptions
        {
            Clock = new ReplayTimeProvider(0),
            BookFactory = static i => new LinearBook(i.Id),
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

    private sealed class NoFees : IFeeModel
    {
        public decimal Fee(Price price, Quantity quantity, LiquiditySide liquidity) => 0m;
    }

    private sealed class BenchInstrument(InstrumentId id) : Instrument(id, new NoFees())
    {
        public override Price MinTick => new(FixedPoint.One / 100);

        public override Quantity SizeIncrement => new(FixedPoint.One);

        public override decimal Multiplier => 1m;

        public override bool IsOnTick(Price price) => price.Raw % MinTick.Raw == 0;
    }

    /// <summary>Unsorted levels, best found by scanning: enough for a handful of levels.</summary>
    private sealed class LinearBook(InstrumentId instrument) : IOrderBook
    {
        private readonly BookLevel[][] _sides = [new BookLevel[64], new BookLevel[64]];
        private readonly int[] _counts = new int[2];

        public InstrumentId Instrument { get; } = instrument;

        public BookHealth Health { get; private set; }

        public long? LastUpdateId { get; set; }

        public long TsEvent { get; private set; }

        public long TsRecv { get; private set; }

        public int BidCount => _counts[0];

        public int AskCount => _counts[1];

        public bool IsCrossed => TryGetBestBid(out var bid) && TryGetBestAsk(out var ask) && bid.Price >= ask.Price;

        public void Clear()
        {
            _counts[0] = _counts[1] = 0;
            Health = BookHealth.AwaitingSnapshot;
        }

        public void Set(BookSide side, Price price, Quantity size)
        {
            var levels = _sides[(int)side];
            ref var count = ref _counts[(int)side];
            for (var i = 0; i < count; i++)
            {
                if (levels[i].Price == price)
                {
                    if (size.IsPositive)
                    {
                        levels[i] = new BookLevel(price, size);
                    }
                    else
                    {
                        levels[i] = levels[--count];
                    }

                    return;
                }
            }

            if (size.IsPositive && count < levels.Length)
            {
                levels[count++] = new BookLevel(price, size);
            }
        }

        public void Add(BookSide side, Price price, Quantity delta) => Set(side, price, SizeAt(side, price) + delta);

        public void Touch(long tsEvent, long tsRecv)
        {
            TsEvent = tsEvent;
            TsRecv = tsRecv;
        }

        public bool TryGetBestBid(out BookLevel level) => TryBest(BookSide.Bid, out level);

        public bool TryGetBestAsk(out BookLevel level) => TryBest(BookSide.Ask, out level);

        public Quantity SizeAt(BookSide side, Price price)
        {
            var levels = _sides[(int)side];
            for (var i = 0; i < _counts[(int)side]; i++)
            {
                if (levels[i].Price == price)
                {
                    return levels[i].Size;
                }
            }

            return Quantity.Zero;
        }

        // Depth copies and walks are not on the dispatch path measured here.
        public int CopyLevels(BookSide side, Span<BookLevel> destination) => 0;

        public DepthWalk WalkQuantity(BookSide side, Quantity quantity) => default;

        public DepthWalk WalkNotional(BookSide side, decimal cash) => default;

        public bool IsStale(long nowNs, long maxAgeNs) => nowNs - TsRecv > maxAgeNs;

        public void SetHealth(BookHealth health) => Health = health;

        private bool TryBest(BookSide side, out BookLevel level)
        {
            var levels = _sides[(int)side];
            var count = _counts[(int)side];
            level = default;
            for (var i = 0; i < count; i++)
            {
                var better = side == BookSide.Bid ? levels[i].Price > level.Price : levels[i].Price < level.Price;
                if (i == 0 || better)
                {
                    level = levels[i];
                }
            }

            return count > 0;
        }
    }
}
