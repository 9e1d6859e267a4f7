using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Engine;

public class PortfolioTests
{
    private readonly TestInstrument _btc = TestInstrument.Create("BTCUSD");

    [Fact]
    public void ApplyFill_IncreaseReduceFlip_MatchesHandCheckedNumbers()
    {
        var portfolio = new Portfolio();

        portfolio.ApplyFill(_btc, OrderSide.Buy, Fill("t1", 10, "100", ts: 1));
        portfolio.ApplyFill(_btc, OrderSide.Buy, Fill("t2", 10, "110", ts: 2));
        Assert.True(portfolio.TryGetPosition(_btc.Id, out var position));
        // (10 × 100 + 10 × 110) / 20 = 2100 / 20 = 105
        Assert.Equal(105m, position.AverageEntryPrice);
        Assert.Equal(1, position.OpenedAt);

        var reduce = portfolio.ApplyFill(_btc, OrderSide.Sell, Fill("t3", 15, "120", ts: 3));
        // 15 × (120 − 105) = 225; 5 left at 105.
        Assert.Equal(225m, reduce.RealizedDelta);
        Assert.Equal(Quantity.Parse("5"), position.NetQuantity);
        Assert.Equal(105m, position.AverageEntryPrice);
        Assert.False(reduce.RoundTripClosed);

        var flip = portfolio.ApplyFill(_btc, OrderSide.Sell, Fill("t4", 10, "90", ts: 4));
        // Close 5: 5 × (90 − 105) = −75; the other 5 open a short at 90.
        Assert.Equal(-75m, flip.RealizedDelta);
        Assert.Equal(Quantity.Parse("-5"), position.NetQuantity);
        Assert.Equal(90m, position.AverageEntryPrice);
        Assert.Equal(4, position.OpenedAt);
        Assert.Equal(150m, position.RealizedPnl);
        // The long round trip closed at 225 − 75 = 150.
        Assert.True(flip.RoundTripClosed);
        Assert.Equal(150m, flip.RoundTripPnl);

        // Cash: −1000 − 1100 + 1800 + 900 = 600; short cost −450; 600 − 450 = 150 = realized.
        Assert.Equal(600m, portfolio.Ledger.Cash);
        Assert.Equal(-450m, position.CostBasis);
        Assert.True(portfolio.IsReconciled());
    }

    [Fact]
    public void UnrealizedPnl_ShortBelowEntry_IsProfit()
    {
        var portfolio = new Portfolio();
        portfolio.ApplyFill(_btc, OrderSide.Sell, Fill("t1", 5, "90", ts: 1));
        portfolio.TryGetPosition(_btc.Id, out var position);

        // Short 5 at 90 marked at 80: 5 × (90 − 80) = 50.
        Assert.Equal(50m, position.UnrealizedPnl(Price.Parse("80")));
        Assert.Equal(-25m, position.UnrealizedPnl(Price.Parse("95")));
    }

    [Fact]
    public void ApplyFill_CoverShortPartly_RealizesAndKeepsAverage()
    {
        var portfolio = new Portfolio();
        portfolio.ApplyFill(_btc, OrderSide.Sell, Fill("t1", 4, "50", ts: 1));

        var cover = portfolio.ApplyFill(_btc, OrderSide.Buy, Fill("t2", 1, "45", ts: 2));

        // 1 × (50 − 45) = 5; 3 short left at 50.
        Assert.Equal(5m, cover.RealizedDelta);
        portfolio.TryGetPosition(_btc.Id, out var position);
        Assert.Equal(50m, position.AverageEntryPrice);
        Assert.Equal(Quantity.Parse("-3"), position.NetQuantity);
    }

    [Fact]
    public void ApplyFill_WithFees_LedgerPostsFeesAndRoundTripIsNet()
    {
        var portfolio = new Portfolio();
        portfolio.Deposit(1000m, 0);

        portfolio.ApplyFill(_btc, OrderSide.Buy, Fill("t1", 2, "100", ts: 1, fee: 0.5m));
        var close = portfolio.ApplyFill(_btc, OrderSide.Sell, Fill("t2", 2, "103", ts: 2, fee: 0.25m));

        // Gross 2 × 3 = 6, fees 0.75, net 5.25; cash 1000 − 200 − 0.5 + 206 − 0.25 = 1005.25.
        Assert.Equal(6m, close.RealizedDelta);
        Assert.True(close.RoundTripClosed);
        Assert.Equal(5.25m, close.RoundTripPnl);
        Assert.Equal(1005.25m, portfolio.Ledger.Cash);
        Assert.Equal(0.75m, portfolio.FeesPaid);
        Assert.Equal(5, portfolio.Ledger.Entries.Count);
        portfolio.TryGetPosition(_btc.Id, out var position);
        Assert.Null(position.OpenedAt);
        Assert.True(portfolio.IsReconciled());
    }

    [Fact]
    public void Settle_BinaryLongPaysOne_RealizesAndFlattens()
    {
        var contract = TestInstrument.Create("KXBTC-YES");
        var portfolio = new Portfolio();
        portfolio.ApplyFill(contract, OrderSide.Buy, Fill("t1", 10, "0.30", ts: 1));

        var settle = portfolio.Settle(contract, Price.Parse("1"), 5);

        // Paid 10 × 0.30 = 3, payout 10 × 1 = 10, realized 7; cash −3 + 10 = 7.
        Assert.Equal(7m, settle.RealizedDelta);
        Assert.True(settle.RoundTripClosed);
        Assert.Equal(7m, portfolio.Ledger.Cash);
        Assert.Equal(LedgerEntryKind.SettlementPayout, portfolio.Ledger.Entries[^1].Kind);
        Assert.True(portfolio.IsReconciled());
    }

    [Fact]
    public void ApplyFunding_Received_CashAndFundingReconcile()
    {
        var perp = TestInstrument.Create("BTC-PERP", multiplier: 0.001m);
        var portfolio = new Portfolio();
        portfolio.ApplyFill(perp, OrderSide.Buy, Fill("t1", 100, "60000", ts: 1));

        portfolio.ApplyFunding(perp, 2.5m, 2);

        // 100 contracts × 60000 × 0.001 = 6000 paid; funding +2.5 → cash −5997.5.
        Assert.Equal(-5997.5m, portfolio.Ledger.Cash);
        Assert.Equal(2.5m, portfolio.Funding);
        Assert.True(portfolio.IsReconciled());
    }

    [Fact]
    public void ApplyFill_ThirdsOfCost_StaysExactlyReconciled()
    {
        var portfolio = new Portfolio();
        portfolio.ApplyFill(_btc, OrderSide.Buy, Fill("t1", 1, "100", ts: 1));
        portfolio.ApplyFill(_btc, OrderSide.Buy, Fill("t2", 2, "101", ts: 2));

        // Cost 302 over 3: closing 1 removes 302 / 3 (rounded to 18 places); realized is cash minus that.
        portfolio.ApplyFill(_btc, OrderSide.Sell, Fill("t3", 1, "101", ts: 3));

        Assert.Equal(0m, portfolio.ReconciliationDifference());
    }

    [Fact]
    public void ReconciliationDifference_RandomFillSequences_AlwaysZero()
    {
        var step = Gen.Choose(0, 1).SelectMany(
            side => Gen.Choose(1, 30).SelectMany(qty => Gen.Choose(1, 9999), (qty, cents) => (qty, cents)),
            (side, rest) => (buy: side == 1, rest.qty, rest.cents));
        Prop.ForAll(Gen.ListOf(step).ToArbitrary(), steps =>
        {
            var portfolio = new Portfolio();
            var n = 0;
            foreach (var (buy, qty, cents) in steps)
            {
                var fill = new Fill($"t{n}", new Price(cents * (FixedPoint.One / 100)), new Quantity(qty * FixedPoint.One), LiquiditySide.Taker, cents % 7 / 100m, n);
                portfolio.ApplyFill(_btc, buy ? OrderSide.Buy : OrderSide.Sell, fill);
                n++;
                if (!portfolio.IsReconciled())
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static Fill Fill(string tradeId, int quantity, string price, long ts, decimal fee = 0m) =>
        new(tradeId, Price.Parse(price), new Quantity(quantity * FixedPoint.One), LiquiditySide.Taker, fee, ts);
}
