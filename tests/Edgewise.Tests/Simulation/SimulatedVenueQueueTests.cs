using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Simulation;

public class SimulatedVenueQueueTests
{
    /// <summary>A book with 100 bid at 0.50, and our GTC buy of 20 at 0.50 resting behind them.</summary>
    private static (VenueHarness H, string Id) RestingBehindHundred()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.50 100", "ask 0.52 100");
        var id = h.Limit(OrderSide.Buy, "0.50", 20);
        Assert.Equal([$"accepted {id}"], h.Events.Lines);
        return (h, id);
    }

    [Fact]
    public void OnTrade_QueueAheadHundred_FillsOnlyWhatTradesPastIt()
    {
        var (h, id) = RestingBehindHundred();
        Assert.Equal(VenueHarness.Qty(100), h.QueueAhead(id));

        h.Trade("0.50", 60, OrderSide.Sell);
        Assert.Equal([$"accepted {id}"], h.Events.Lines);
        Assert.Equal(VenueHarness.Qty(40), h.QueueAhead(id));

        h.Delta("bid 0.50 40"); // the feed shows the 60 traded: not a cancellation, the queue stays at 40
        Assert.Equal(VenueHarness.Qty(40), h.QueueAhead(id));

        h.Trade("0.50", 50, OrderSide.Sell);

        // 60 + 50 = 110 traded at 0.50; 100 were ahead, so 10 reach our order.
        Assert.Equal([$"accepted {id}", $"fill {id} 10@0.5 Maker"], h.Events.Lines);
        // Maker fee: 0.0175 × 10 × 0.50 × 0.50 = 0.04375.
        Assert.Equal(0.04375m, h.Events.Fills[0].Fee);
        Assert.Equal(Quantity.Zero, h.QueueAhead(id));
    }

    [Fact]
    public void OnTrade_BuyAggressorAtOurBidPrice_DoesNotTouchOurBid()
    {
        var (h, id) = RestingBehindHundred();

        h.Trade("0.50", 500, OrderSide.Buy); // a buyer lifting asks cannot have traded with bids

        Assert.Equal(VenueHarness.Qty(100), h.QueueAhead(id));
        Assert.Empty(h.Events.Fills);
    }

    [Fact]
    public void OnBookChanged_LevelShrinksWithoutTrades_ProportionalShareOfCancellationsIsAhead()
    {
        var (h, id) = RestingBehindHundred();

        h.Delta("bid 0.50 150"); // 50 join behind us: ahead stays 100
        Assert.Equal(VenueHarness.Qty(100), h.QueueAhead(id));

        h.Delta("bid 0.50 120"); // 30 canceled; 100 of the 150 were ahead: 30 × 100 / 150 = 20 of them ahead of us
        Assert.Equal(VenueHarness.Qty(80), h.QueueAhead(id));

        h.Trade("0.50", 90, OrderSide.Sell); // 80 ahead, 10 reach us
        Assert.Equal($"fill {id} 10@0.5 Maker", h.Events.Lines[^1]);
    }

    [Fact]
    public void OnBookChanged_LevelEmptied_NothingLeftAheadButNoFill()
    {
        var (h, id) = RestingBehindHundred();

        h.Delta("bid 0.50 0");

        Assert.Equal(Quantity.Zero, h.QueueAhead(id));
        Assert.Empty(h.Events.Fills);
    }

    [Fact]
    public void OnTrade_ThroughOurPrice_FillsUpToTradeSizeWhateverTheQueue()
    {
        var (h, id) = RestingBehindHundred();

        h.Trade("0.49", 15, OrderSide.Sell); // a sale below our bid: everything at 0.50 was taken first
        Assert.Equal([$"accepted {id}", $"fill {id} 15@0.5 Maker"], h.Events.Lines);
        Assert.Equal(Quantity.Zero, h.QueueAhead(id));

        h.Trade("0.49", 10, OrderSide.Sell); // 5 left of 20

        Assert.Equal($"fill {id} 5@0.5 Maker", h.Events.Lines[^1]);
        Assert.False(h.Venue.TryGetQueuePosition(id, out _));
    }

    [Fact]
    public void OnTrade_OneTradeReachingTwoOfOurOrders_SizeIsNotUsedTwice()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.50 10", "ask 0.60 10");
        var high = h.Limit(OrderSide.Buy, "0.55", 8); // alone at 0.55
        var low = h.Limit(OrderSide.Buy, "0.50", 8);  // behind 10 at 0.50

        h.Trade("0.50", 12, OrderSide.Sell);

        // Price priority: 0.55 is traded through and takes 8 of the 12; the 12 also pass the 10 ahead at 0.50,
        // which would let 2 reach the 0.50 order, but only 12 − 8 = 4 are unused, so it gets min(2, 4) = 2.
        Assert.Equal([$"fill {high} 8@0.55 Maker", $"fill {low} 2@0.5 Maker"], h.Events.Lines.Where(l => l.StartsWith("fill", StringComparison.Ordinal)));
    }

    [Fact]
    public void OnTrade_UnhealthyBook_TradesStillFillRestingOrders()
    {
        var (h, id) = RestingBehindHundred();
        h.Status(Edgewise.Core.Books.BookHealth.Gap);

        h.Trade("0.49", 5, OrderSide.Sell);

        Assert.Equal($"fill {id} 5@0.5 Maker", h.Events.Lines[^1]);
    }

    [Fact]
    public void Cancel_RestingOrder_CanceledAndNoLongerFilled()
    {
        var (h, id) = RestingBehindHundred();

        h.Cancel(id);
        h.Trade("0.49", 50, OrderSide.Sell);

        Assert.Equal([$"accepted {id}", $"canceled {id}"], h.Events.Lines);
        Assert.Empty(h.CancelRejects);
    }

    [Fact]
    public void Cancel_TerminalOrUnknownOrder_RejectedWithReasonAndNoOrderEvent()
    {
        var (h, id) = RestingBehindHundred();
        h.Cancel(id);

        h.Cancel(id);
        h.Cancel("never-sent");

        Assert.Equal([$"accepted {id}", $"canceled {id}"], h.Events.Lines);
        Assert.Equal(2, h.CancelRejects.Count);
        Assert.Equal(id, h.CancelRejects[0].ClientOrderId);
        Assert.StartsWith(Edgewise.Engine.Simulation.SimulatedRejectReasons.OrderClosed + ":", h.CancelRejects[0].Reason, StringComparison.Ordinal);
        Assert.Equal("never-sent", h.CancelRejects[1].ClientOrderId);
        Assert.StartsWith(Edgewise.Engine.Simulation.SimulatedRejectReasons.UnknownOrder + ":", h.CancelRejects[1].Reason, StringComparison.Ordinal);
        Assert.Equal(2, h.Venue.CancelsRejected);
    }
}
