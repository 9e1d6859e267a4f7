using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Strategies;
using Edgewise.TestKit;

namespace Edgewise.Tests.Engine;

[Collection(AllocationMeasurements.Name)]
public class DispatchAllocationTests
{
    [Fact]
    public void OnBookUpdateAndOnTrade_AfterWarmUp_AllocateNothing()
    {
        var instrument = TestInstrument.Create("BTCUSD");
        var engine = new EngineLoop(new EngineOptions
        {
            Clock = new ManualTimeProvider(),
            BookFactory = static i => new TestOrderBook(i.Id),
        });
        engine.Cache.AddInstrument(instrument);
        var strategy = new CountingStrategy(instrument);
        engine.Strategies.Add(strategy);
        engine.Start();
        var update = new BookUpdate();
        var trade = new TradeTick(instrument.Id, Price.Parse("100"), Quantity.Parse("1"), OrderSide.Buy, 1, 1, 1);

        void Pump(int count)
        {
            for (var i = 0; i < count; i++)
            {
                update.Reset(instrument.Id, BookUpdateKind.Delta, i, i);
                update.Add(BookSide.Bid, new Price((90 + (i % 10)) * FixedPoint.One), new Quantity((i % 3) * FixedPoint.One));
                update.Add(BookSide.Ask, new Price((101 + (i % 10)) * FixedPoint.One), new Quantity(((i + 1) % 3) * FixedPoint.One));
                engine.OnBookUpdate(update);
                engine.OnTrade(trade);
            }
        }

        Pump(2_000);
        var window = AllocationWindow.Open();
        Pump(20_000);
        window.AssertNothingAllocated();

        Assert.Equal(22_000, strategy.Books);
        Assert.Equal(22_000, strategy.Trades);
        Assert.NotEqual(0, strategy.BidSum);
    }

    /// <summary>Reads the book on every update, as a real strategy would, without allocating.</summary>
    private sealed class CountingStrategy(TestInstrument instrument) : Strategy("counter")
    {
        public int Books { get; private set; }

        public int Trades { get; private set; }

        public long BidSum { get; private set; }

        public override void OnStart() => Context.Subscribe(instrument.Id);

        public override void OnBook(IOrderBook book)
        {
            Books++;
            if (book.TryGetBestBid(out var bid))
            {
                BidSum += bid.Price.Raw;
            }
        }

        public override void OnTrade(in TradeTick trade) => Trades++;
    }
}
