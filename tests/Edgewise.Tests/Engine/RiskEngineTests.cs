using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Risk;

namespace Edgewise.Tests.Engine;

public class RiskEngineTests
{
    [Fact]
    public void Check_MaxOrderQuantity_AllowsAtLimitDeniesPast()
    {
        var h = Started(new RiskLimits { MaxOrderQuantity = 5m });

        Assert.Equal(SubmitOutcome.Sent, h.Limit(OrderSide.Buy, "100", 5).Outcome);
        AssertDenied(h.Limit(OrderSide.Buy, "100", 6), DenialReason.MaxOrderQuantity);
    }

    [Fact]
    public void Check_MaxNotionalPerInstrument_CountsOpenOrdersAndAllowsAtLimit()
    {
        var h = Started(new RiskLimits { MaxNotionalPerInstrument = 1000m });

        // 6 × 100 = 600 open, + 4 × 100 = 1000: exactly the limit.
        Assert.True(h.Limit(OrderSide.Buy, "100", 6).IsSent);
        Assert.True(h.Limit(OrderSide.Buy, "100", 4).IsSent);
        // 1000 + 1 × 0.01 = 1000.01 > 1000.
        AssertDenied(h.Limit(OrderSide.Buy, "0.01", 1), DenialReason.MaxNotionalPerInstrument);
    }

    [Fact]
    public void Check_MaxNotionalPerInstrument_CountsPositionCostAndExemptsReducingOrders()
    {
        var h = Started(new RiskLimits { MaxNotionalPerInstrument = 1000m });
        h.Trade(OrderSide.Buy, "100", 10);

        // Position cost 10 × 100 = 1000: adding anything is past the limit, reducing is not checked.
        AssertDenied(h.Limit(OrderSide.Buy, "0.01", 1), DenialReason.MaxNotionalPerInstrument);
        Assert.True(h.Limit(OrderSide.Sell, "100", 10).IsSent);
    }

    [Fact]
    public void Check_MarketOrderNotional_UsesOppositeBestPrice()
    {
        var h = Started(new RiskLimits { MaxNotionalPerInstrument = 1000m });
        h.Book("99", "100");

        // Ask 100: 10 × 100 = 1000 allowed; then 1 more at the ask is 1100 > 1000.
        Assert.True(h.Market(OrderSide.Buy, 10).IsSent);
        AssertDenied(h.Market(OrderSide.Buy, 1), DenialReason.MaxNotionalPerInstrument);
    }

    [Fact]
    public void Check_MaxNotionalPerEvent_SumsInstrumentsOfTheSameEvent()
    {
        var h = new EngineHarness(new RiskLimits { MaxNotionalPerEvent = 1000m });
        var a = AddInstrument(h, "KX-A", "EVT");
        var b = AddInstrument(h, "KX-B", "EVT");
        var c = AddInstrument(h, "KX-C", "OTHER");
        h.Start();
        h.Book(a, "99", "101");
        h.Book(b, "99", "101");
        h.Book(c, "99", "101");

        Assert.True(h.Limit(OrderSide.Buy, "100", 6, a).IsSent);
        // Event EVT: 600 + 400 = 1000, at the limit.
        Assert.True(h.Limit(OrderSide.Buy, "100", 4, b).IsSent);
        AssertDenied(h.Limit(OrderSide.Buy, "0.01", 1, b), DenialReason.MaxNotionalPerEvent);
        // Another event is not affected.
        Assert.True(h.Limit(OrderSide.Buy, "100", 9, c).IsSent);
    }

    [Fact]
    public void Check_MaxNotionalTotal_SumsAllInstruments()
    {
        var h = new EngineHarness(new RiskLimits { MaxNotionalTotal = 1000m });
        var a = AddInstrument(h, "A", null);
        var b = AddInstrument(h, "B", null);
        h.Start();
        h.Book(a, "99", "101");
        h.Book(b, "99", "101");

        Assert.True(h.Limit(OrderSide.Buy, "100", 6, a).IsSent);
        Assert.True(h.Limit(OrderSide.Sell, "100", 4, b).IsSent);
        AssertDenied(h.Limit(OrderSide.Buy, "0.01", 1, a), DenialReason.MaxNotionalTotal);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "105", true)]
    [InlineData(OrderSide.Buy, "105.01", false)]
    [InlineData(OrderSide.Sell, "95", true)]
    [InlineData(OrderSide.Sell, "94.99", false)]
    public void Check_PriceBand_AllowsAtBandDeniesPast(OrderSide side, string price, bool allowed)
    {
        // Mid (99 + 101) / 2 = 100; band 5% = 5, so [95, 105] passes.
        var h = Started(new RiskLimits { PriceBandFraction = 0.05m });

        var result = h.Limit(side, price, 1);

        if (allowed)
        {
            Assert.True(result.IsSent);
        }
        else
        {
            AssertDenied(result, DenialReason.PriceBand);
        }
    }

    [Fact]
    public void Check_PriceBandWithoutMidOrTrade_DeniesNoReferencePrice()
    {
        var h = new EngineHarness(new RiskLimits { PriceBandFraction = 0.05m, RequireHealthyBook = false }).Start();

        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.NoReferencePrice);
    }

    [Fact]
    public void Check_PriceBandWithOnlyLastTrade_UsesTradePrice()
    {
        var h = new EngineHarness(new RiskLimits { PriceBandFraction = 0.10m, RequireHealthyBook = false }).Start();
        h.Engine.OnTrade(new TradeTick(h.Btc.Id, Price.Parse("50"), Quantity.Parse("1"), OrderSide.Buy, 1, h.Now, h.Now));

        // 50 ± 10% = [45, 55].
        Assert.True(h.Limit(OrderSide.Buy, "55", 1).IsSent);
        AssertDenied(h.Limit(OrderSide.Buy, "55.01", 1), DenialReason.PriceBand);
    }

    [Fact]
    public void Check_OrderRate_AllowsMaxPerWindowThenDeniesUntilWindowPasses()
    {
        var h = Started(new RiskLimits { MaxOrdersPerWindow = 3, OrderRateWindow = TimeSpan.FromSeconds(1) });

        for (var i = 0; i < 3; i++)
        {
            Assert.True(h.Limit(OrderSide.Buy, "100", 1).IsSent);
        }

        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.OrderRate);
        h.Clock.Advance(TimeSpan.FromMilliseconds(999));
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.OrderRate);
        // One full second after the first three, they leave the window.
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(h.Limit(OrderSide.Buy, "100", 1).IsSent);
    }

    [Fact]
    public void Check_DailyLoss_AllowsAtLimitDeniesPastAndResetsNextDay()
    {
        var h = Started(new RiskLimits { MaxDailyLoss = 75m });
        h.Trade(OrderSide.Buy, "100", 10);
        h.Trade(OrderSide.Sell, "92.5", 10);
        // 10 × (92.5 − 100) = −75: at the limit, still allowed.
        Assert.Equal(-75m, h.Engine.Risk.DailyRealizedPnl);
        h.Trade(OrderSide.Buy, "100", 1);

        // Closing 1 × (99.99 − 100) = −0.01 (a reducing order, so allowed): −75.01 is past the limit.
        h.Trade(OrderSide.Sell, "99.99", 1);
        Assert.Equal(-75.01m, h.Engine.Risk.DailyRealizedPnl);
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.DailyLoss);

        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0m, h.Engine.Risk.DailyRealizedPnl);
        Assert.True(h.Limit(OrderSide.Buy, "100", 1).IsSent);
    }

    [Fact]
    public void Check_DailyLoss_CountsFees()
    {
        var h = Started(new RiskLimits { MaxDailyLoss = 1m });
        var buy = h.Limit(OrderSide.Buy, "100", 1).Order!;
        h.Fill(buy.ClientOrderId, 1, "100", fee: 0.6m);
        var sell = h.Limit(OrderSide.Sell, "100", 1).Order!;
        h.Fill(sell.ClientOrderId, 1, "100", fee: 0.41m);

        // Flat trade, fees 0.6 + 0.41 = 1.01 > 1.
        Assert.Equal(-1.01m, h.Engine.Risk.DailyRealizedPnl);
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.DailyLoss);
    }

    [Fact]
    public void Check_ConsecutiveLosses_AllowsAtLimitDeniesPast()
    {
        var h = Started(new RiskLimits { MaxConsecutiveLosses = 2 });
        for (var i = 0; i < 2; i++)
        {
            h.Trade(OrderSide.Buy, "100", 1);
            h.Trade(OrderSide.Sell, "99", 1);
        }

        Assert.Equal(2, h.Engine.Risk.ConsecutiveLosses);
        // Two losses in a row: at the limit, opening is still allowed.
        h.Trade(OrderSide.Buy, "100", 1);
        h.Trade(OrderSide.Sell, "99", 1);

        Assert.Equal(3, h.Engine.Risk.ConsecutiveLosses);
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.ConsecutiveLosses);
    }

    [Fact]
    public void Check_WinningRoundTrip_ResetsConsecutiveLosses()
    {
        var h = Started(new RiskLimits { MaxConsecutiveLosses = 5 });
        h.Trade(OrderSide.Buy, "100", 1);
        h.Trade(OrderSide.Sell, "99", 1);
        h.Trade(OrderSide.Buy, "100", 1);
        h.Trade(OrderSide.Sell, "101", 1);

        Assert.Equal(0, h.Engine.Risk.ConsecutiveLosses);
    }

    [Fact]
    public void Check_Reducing_AllowsOnlyOrdersThatReduceThePosition()
    {
        var h = Started(new RiskLimits());
        h.Trade(OrderSide.Buy, "100", 10);
        h.Engine.SetTradingState(TradingState.Reducing, "test");

        Assert.True(h.Limit(OrderSide.Sell, "100", 6).IsSent);
        // 6 already working + 5 = 11 > 10 would flip the position.
        AssertDenied(h.Limit(OrderSide.Sell, "100", 5), DenialReason.TradingReducing);
        Assert.True(h.Limit(OrderSide.Sell, "100", 4).IsSent);
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.TradingReducing);
    }

    [Fact]
    public void Check_ReducingWhenFlat_DeniesEverything()
    {
        var h = Started(new RiskLimits());
        h.Engine.SetTradingState(TradingState.Reducing, "test");

        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.TradingReducing);
        AssertDenied(h.Limit(OrderSide.Sell, "100", 1), DenialReason.TradingReducing);
    }

    [Fact]
    public void Check_Halted_DeniesNewOrdersButAllowsCancels()
    {
        var h = Started(new RiskLimits());
        var open = h.Limit(OrderSide.Buy, "100", 1).Order!;
        h.Engine.SetTradingState(TradingState.Halted, "manual");

        AssertDenied(h.Limit(OrderSide.Sell, "100", 1), DenialReason.TradingHalted);
        Assert.Equal(CancelOutcome.Sent, h.Cancel(open.ClientOrderId));
        Assert.Single(h.Client.Canceled);
    }

    [Fact]
    public void Check_UnhealthyBook_Denies()
    {
        var h = new EngineHarness().Start();
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.BookUnhealthy);

        h.Book("99", "101");
        Assert.True(h.Limit(OrderSide.Buy, "100", 1).IsSent);

        h.Engine.OnBookStatus(new BookStatus(h.Btc.Id, BookHealth.Gap, "seq gap", h.Now));
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.BookUnhealthy);
    }

    [Fact]
    public void Check_OffTickPriceOrBadSize_DeniesInvalidOrder()
    {
        var h = Started(new RiskLimits());

        AssertDenied(h.Limit(OrderSide.Buy, "100.001", 1), DenialReason.InvalidOrder);
        AssertDenied(h.Submit(OrderRequest.Limit("c-half", h.Btc.Id, OrderSide.Buy, Price.Parse("100"), Quantity.Parse("1.5"))), DenialReason.InvalidOrder);
        AssertDenied(h.Submit(OrderRequest.Limit("c-zero", h.Btc.Id, OrderSide.Buy, Price.Parse("100"), Quantity.Zero)), DenialReason.InvalidOrder);
    }

    [Fact]
    public void Check_UnknownInstrumentOrVenueWithoutClient_Denies()
    {
        var h = new EngineHarness(new RiskLimits { RequireHealthyBook = false });
        var elsewhere = TestInstrument.Create("ETHUSD", venue: "othervenue");
        h.Engine.Cache.AddInstrument(elsewhere);
        h.Start();

        AssertDenied(h.Limit(OrderSide.Buy, "100", 1, TestInstrument.Create("NOPE")), DenialReason.UnknownInstrument);
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1, elsewhere), DenialReason.NoExecutionClient);
    }

    [Fact]
    public void Submit_Denied_OrderIsDeniedAndStrategyGetsEventAfterItsCallback()
    {
        var h = Started(new RiskLimits { MaxOrderQuantity = 1m });
        var trade = new TradeTick(h.Btc.Id, Price.Parse("100"), Quantity.Parse("1"), OrderSide.Buy, 7, h.Now, h.Now);
        h.Strategy.TradeHook = (s, _) =>
        {
            var result = s.Ctx.SubmitLimit(h.Btc.Id, OrderSide.Buy, Price.Parse("100"), EngineHarness.Qty(2));
            s.Log.Add($"submit returned {result.Outcome} {result.Reason}");
        };

        h.Engine.OnTrade(trade);

        Assert.Equal(
            ["start", "status BTCUSD Healthy", "trade BTCUSD 7", "submit returned Denied MaxOrderQuantity", "denied s1-1 MaxOrderQuantity"],
            h.Strategy.Log.Where(l => !l.StartsWith("book", StringComparison.Ordinal)));
        Assert.True(h.Engine.Cache.TryGetOrder("s1-1", out var order));
        Assert.Equal(OrderStatus.Denied, order.Status);
        Assert.Empty(h.Client.Submitted);
    }

    [Fact]
    public void Validate_BadLimits_NameTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new RiskLimits { MaxDailyLoss = -1m, PriceBandFraction = 1.5m, MaxOrdersPerWindow = 0 }.EnsureValid());

        Assert.Contains(nameof(RiskLimits.MaxDailyLoss), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RiskLimits.PriceBandFraction), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RiskLimits.MaxOrdersPerWindow), error.Message, StringComparison.Ordinal);
    }

    private static EngineHarness Started(RiskLimits limits)
    {
        var h = new EngineHarness(limits).Start();
        h.Book("99", "101");
        return h;
    }

    private static TestInstrument AddInstrument(EngineHarness h, string symbol, string? eventKey)
    {
        var instrument = TestInstrument.Create(symbol);
        h.Engine.Cache.AddInstrument(instrument, eventKey);
        return instrument;
    }

    private static void AssertDenied(SubmitResult result, DenialReason reason)
    {
        Assert.Equal(SubmitOutcome.Denied, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }
}
