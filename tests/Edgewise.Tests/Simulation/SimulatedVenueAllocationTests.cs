using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Simulation;

[Collection(AllocationMeasurements.Name)]
public class SimulatedVenueAllocationTests
{
    [Fact]
    public void MarketData_WithRestingOrderAndTakenLiquidity_AllocatesNothingWhenNothingFills()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.30 100", "bid 0.29 50", "ask 0.40 10", "ask 0.41 10");
        h.Market(OrderSide.Buy, 5);                 // leaves a taken-liquidity record at 0.40
        var resting = h.Limit(OrderSide.Buy, "0.30", 10); // rests behind 100
        var update = new BookUpdate();
        var trade = new TradeTick(h.Contract.Id, Price.Parse("0.35"), VenueHarness.Qty(3), OrderSide.Sell, 1, 0, 0);

        void Pump(int count)
        {
            for (var i = 0; i < count; i++)
            {
                update.Reset(h.Contract.Id, BookUpdateKind.Delta, i, i);
                update.Add(BookSide.Bid, Price.Parse("0.30"), new Quantity((100 + (i % 7)) * FixedPoint.One)); // queue bookkeeping runs
                update.Add(BookSide.Ask, Price.Parse("0.41"), new Quantity((10 + (i % 3)) * FixedPoint.One));
                h.Engine.OnBookUpdate(update);
                h.Engine.OnTrade(trade); // above our bid: reaches no resting order
            }
        }

        Pump(2_000);
        var window = AllocationWindow.Open();
        Pump(20_000);
        window.AssertNothingAllocated();

        Assert.True(h.Venue.TryGetQueuePosition(resting, out var ahead));
        Assert.True(ahead.IsPositive);
    }
}
