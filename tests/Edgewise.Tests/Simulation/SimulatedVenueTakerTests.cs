using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Simulation;

public class SimulatedVenueTakerTests
{
    private static Price P(string text) => Price.Parse(text);

    private static VenueHarness ThreeAskLevels()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.09 30", "ask 0.095 10", "ask 0.10 20", "ask 0.11 50");
        return h;
    }

    [Fact]
    public void Submit_MarketBuyThroughThreeAskLevels_OneFillPerLevelWithKalshiTakerFees()
    {
        var h = ThreeAskLevels();

        var id = h.Market(OrderSide.Buy, 40);

        Assert.Equal(
            [$"accepted {id}", $"fill {id} 10@0.095 Taker", $"fill {id} 20@0.1 Taker", $"fill {id} 10@0.11 Taker"],
            h.Events.Lines);
        var fills = h.Events.Fills;
        // Kalshi taker fee = roundup(0.07 × C × P × (1 − P), $0.000001):
        //   10 @ 0.095: 0.07 × 10 × 0.095 × 0.905 = 0.0601825 -> 0.060183 (rounded up)
        //   20 @ 0.10:  0.07 × 20 × 0.10 × 0.90  = 0.126
        //   10 @ 0.11:  0.07 × 10 × 0.11 × 0.89  = 0.06853
        Assert.Equal([0.060183m, 0.126m, 0.06853m], fills.Select(f => f.Fee));
        Assert.Equal(0.254713m, fills.Sum(f => f.Fee));
        // VWAP = (10 × 0.095 + 20 × 0.10 + 10 × 0.11) / 40 = (0.95 + 2.00 + 1.10) / 40 = 4.05 / 40 = 0.10125.
        var notional = fills.Sum(f => f.Price.ToDecimal() * f.Quantity.ToDecimal());
        Assert.Equal(4.05m, notional);
        Assert.Equal(0.10125m, notional / fills.Sum(f => f.Quantity.ToDecimal()));
        Assert.All(h.Events.Received, r => Assert.Equal(h.Now, r.Event.TsEvent));
        Assert.Equal(3, fills.Select(f => f.TradeId).Distinct().Count());
    }

    [Fact]
    public void Submit_TwoMarketBuysOnOneBookState_SecondDoesNotReuseTakenLiquidity()
    {
        var h = ThreeAskLevels();

        var first = h.Market(OrderSide.Buy, 15);
        var second = h.Market(OrderSide.Buy, 20);

        // The first takes 10 @ 0.095 and 5 of the 20 @ 0.10; the second finds 15 left @ 0.10, then 5 @ 0.11.
        Assert.Equal(
            [$"fill {first} 10@0.095 Taker", $"fill {first} 5@0.1 Taker", $"fill {second} 15@0.1 Taker", $"fill {second} 5@0.11 Taker"],
            h.Events.Lines.Where(l => l.StartsWith("fill", StringComparison.Ordinal)));
    }

    [Fact]
    public void Submit_AfterFeedReportsNewSizeAtTakenLevel_ThatLevelIsFreshLiquidityAgain()
    {
        var h = ThreeAskLevels();
        h.Market(OrderSide.Buy, 30); // takes 10 @ 0.095 and all 20 @ 0.10

        h.Delta("ask 0.10 25", "ask 0.095 10"); // 0.10 changed (fresh); 0.095 reported unchanged (still taken)
        var third = h.Market(OrderSide.Buy, 30);

        Assert.Equal(
            [$"fill {third} 25@0.1 Taker", $"fill {third} 5@0.11 Taker"],
            h.Events.Lines.Where(l => l.StartsWith($"fill {third}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Submit_GtcLimitThatPartlyCrosses_TakesThenRestsTheRest()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.38 50", "ask 0.40 10", "ask 0.42 10", "ask 0.45 10");

        var id = h.Limit(OrderSide.Buy, "0.42", 30);

        // Takes 0.40 and 0.42 (at or under the limit), never 0.45; 10 left rest at 0.42 with nothing ahead.
        Assert.Equal([$"accepted {id}", $"fill {id} 10@0.4 Taker", $"fill {id} 10@0.42 Taker"], h.Events.Lines);
        // 0.07 × 10 × 0.40 × 0.60 = 0.168; 0.07 × 10 × 0.42 × 0.58 = 0.17052.
        Assert.Equal([0.168m, 0.17052m], h.Events.Fills.Select(f => f.Fee));
        Assert.Equal(Quantity.Zero, h.QueueAhead(id));

        h.Trade("0.42", 4, OrderSide.Sell);

        // Maker fill at its own price; Kalshi maker fee 0.0175 × 4 × 0.42 × 0.58 = 0.0175 × 0.9744 = 0.017052.
        Assert.Equal($"fill {id} 4@0.42 Maker", h.Events.Lines[^1]);
        Assert.Equal(0.017052m, h.Events.Fills[^1].Fee);
    }

    [Fact]
    public void Submit_FokLargerThanLiquidityWithinLimit_ExpiresWithoutFillOrTakingAnything()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.38 50", "ask 0.40 10", "ask 0.42 10", "ask 0.45 10");

        var fok = h.Limit(OrderSide.Buy, "0.42", 25, TimeInForce.Fok); // only 20 at or under 0.42
        var ioc = h.Limit(OrderSide.Buy, "0.42", 25, TimeInForce.Ioc);

        Assert.Equal(
            [$"accepted {fok}", $"expired {fok}", $"accepted {ioc}", $"fill {ioc} 10@0.4 Taker", $"fill {ioc} 10@0.42 Taker", $"expired {ioc}"],
            h.Events.Lines);
    }

    [Fact]
    public void Submit_IocLimitWithPartialLiquidity_FillsWhatIsThereAndExpiresTheRest()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.38 50", "ask 0.40 10", "ask 0.42 10", "ask 0.45 10");

        var id = h.Limit(OrderSide.Buy, "0.44", 35, TimeInForce.Ioc);

        // 0.40 and 0.42 are within 0.44 (20 in all), 0.45 is not: 20 fill, 15 expire, nothing rests.
        Assert.Equal(
            [$"accepted {id}", $"fill {id} 10@0.4 Taker", $"fill {id} 10@0.42 Taker", $"expired {id}"],
            h.Events.Lines);
        Assert.False(h.Venue.TryGetQueuePosition(id, out _));
    }

    [Fact]
    public void Submit_FokWithEnoughLiquidity_FillsCompletely()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.38 50", "ask 0.40 10", "ask 0.42 10", "ask 0.45 10");

        var id = h.Limit(OrderSide.Buy, "0.45", 25, TimeInForce.Fok);

        Assert.Equal(
            [$"accepted {id}", $"fill {id} 10@0.4 Taker", $"fill {id} 10@0.42 Taker", $"fill {id} 5@0.45 Taker"],
            h.Events.Lines);
    }

    [Fact]
    public void Submit_IocMarketSellLargerThanBids_FillsBidsBestFirstAndExpiresTheRest()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.50 10", "bid 0.48 5", "ask 0.52 10");

        var id = h.Market(OrderSide.Sell, 20);

        Assert.Equal(
            [$"accepted {id}", $"fill {id} 10@0.5 Taker", $"fill {id} 5@0.48 Taker", $"expired {id}"],
            h.Events.Lines);
    }

    [Fact]
    public void Submit_RestingBuyAndBookRefillsCrossingAsk_FillsAsMakerAtItsOwnPrice()
    {
        var h = new VenueHarness();
        h.Snapshot("bid 0.38 50", "ask 0.40 10", "ask 0.42 10", "ask 0.45 10");
        var id = h.Limit(OrderSide.Buy, "0.42", 30); // 20 taken, 10 rest at 0.42
        var before = h.Events.Lines.Count;

        h.Delta("ask 0.45 8"); // unrelated level: 0.40 and 0.42 are still the sizes we emptied
        Assert.Equal(before, h.Events.Lines.Count);

        h.Delta("ask 0.40 12"); // fresh 12 at 0.40 now meets our bid at 0.42
        Assert.Equal($"fill {id} 10@0.42 Maker", h.Events.Lines[^1]);
        Assert.False(h.Venue.TryGetQueuePosition(id, out _));
    }

    [Fact]
    public void Submit_MarketBuy_FillPricesAreAlwaysPricesTheBookShowed()
    {
        var h = ThreeAskLevels();

        h.Market(OrderSide.Buy, 80);

        Assert.All(h.Events.Fills, f => Assert.Contains(f.Price, new[] { P("0.095"), P("0.10"), P("0.11") }));
        Assert.Equal(VenueHarness.Qty(80), h.Events.Fills.Aggregate(Quantity.Zero, (sum, f) => sum + f.Quantity));
    }
}
