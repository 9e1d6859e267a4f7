using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Simulation;

namespace Edgewise.Tests.Simulation;

public class SimulatedVenueRejectTests
{
    private static VenueHarness Healthy()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.40 10", "ask 0.45 10");
        return h;
    }

    private static void AssertRejected(VenueHarness h, string id, string code)
    {
        var (rejected, _) = Assert.Single(h.Events.Received);
        var reject = Assert.IsType<OrderRejected>(rejected);
        Assert.Equal(id, reject.ClientOrderId);
        Assert.StartsWith(code + ":", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(1, h.Venue.OrdersRejected);
    }

    [Fact]
    public void Submit_PriceOffTheTickGrid_RejectedOffTick()
    {
        var h = Healthy();

        var id = h.Limit(OrderSide.Buy, "0.105", 5); // 0.01 steps between 0.10 and 0.90

        AssertRejected(h, id, SimulatedRejectReasons.OffTick);
    }

    [Fact]
    public void Submit_FractionalQuantityOnWholeContracts_RejectedInvalidSize()
    {
        var h = Healthy();

        var id = h.Send(OrderRequest.Limit("o1", h.Contract.Id, OrderSide.Buy, Price.Parse("0.40"), VenueHarness.Qty("2.5")));

        AssertRejected(h, id, SimulatedRejectReasons.InvalidSize);
    }

    [Fact]
    public void Submit_InstrumentNotInTheCache_RejectedUnknownInstrument()
    {
        var h = Healthy();

        var id = h.Send(OrderRequest.Market("o1", new InstrumentId(VenueHarness.VenueName, "NOPE"), OrderSide.Buy, VenueHarness.Qty(1)));

        AssertRejected(h, id, SimulatedRejectReasons.UnknownInstrument);
    }

    [Theory]
    [InlineData(BookHealth.Gap)]
    [InlineData(BookHealth.Stale)]
    [InlineData(BookHealth.AwaitingSnapshot)]
    public void Submit_MarketOrderOnUnhealthyBook_RejectedWithoutAnyFill(BookHealth health)
    {
        var h = Healthy();
        h.Status(health);

        var id = h.Market(OrderSide.Buy, 5);

        AssertRejected(h, id, SimulatedRejectReasons.BookUnhealthy);
    }

    [Fact]
    public void Submit_MarketBuyOnEmptyAskSide_RejectedNoLiquidity()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.40 10");

        var id = h.Market(OrderSide.Buy, 5);

        AssertRejected(h, id, SimulatedRejectReasons.NoLiquidity);
    }

    [Fact]
    public void Submit_MarketBuyWhenAllAsksAlreadyTaken_RejectedNoLiquidity()
    {
        var h = Healthy();
        h.Market(OrderSide.Buy, 10);

        var id = h.Market(OrderSide.Buy, 1);

        var last = Assert.IsType<OrderRejected>(h.Events.Received[^1].Event);
        Assert.Equal(id, last.ClientOrderId);
        Assert.StartsWith(SimulatedRejectReasons.NoLiquidity + ":", last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_SameClientOrderIdTwice_SecondRejectedDuplicate()
    {
        var h = Healthy();
        var request = OrderRequest.Limit("dup", h.Contract.Id, OrderSide.Buy, Price.Parse("0.40"), VenueHarness.Qty(1));

        h.Send(request);
        h.Send(request);

        Assert.Equal(["accepted dup", "rejected dup"], h.Events.Lines);
        Assert.StartsWith(SimulatedRejectReasons.DuplicateOrderId + ":", ((OrderRejected)h.Events.Received[1].Event).Reason, StringComparison.Ordinal);
    }
}
