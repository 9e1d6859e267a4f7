using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Dashboard.Publishing;
using Edgewise.Dashboard.Snapshots;
using Edgewise.Engine.Risk;

namespace Edgewise.Tests.Dashboard;

/// <summary>The snapshots the dashboard publishes from the engine thread, checked against hand-computed figures.</summary>
public class DashboardPublisherTests
{
    [Fact]
    public async Task Publish_BuyThenSellAfterThePriceRises_PortfolioFiguresMatchHandComputedValues()
    {
        await using var h = new DashboardHarness().Start();
        h.Alpha.Market(OrderSide.Buy, 2m);
        h.Book(100.00m, 100.50m);
        h.Advance(TimeSpan.FromSeconds(1));

        // Bought 2 @ 100.50 = 201.00, taker fee 201.00 × 0.001 = 0.201. Mark = mid (100.00 + 100.50) / 2 = 100.25.
        // Unrealized 2 × 100.25 − 201.00 = −0.50; net −0.201 − 0.50 = −0.701; equity 10,000 − 0.701 = 9,999.299.
        var s = h.Publisher.Current;
        Assert.Equal(9_798.799m, s.Portfolio.Cash);                 // 10,000 − 201.00 − 0.201
        Assert.Equal(-0.50m, s.Portfolio.UnrealizedPnl);
        Assert.Equal(-0.701m, s.Portfolio.NetPnl);
        Assert.Equal(9_999.299m, s.Portfolio.Equity);
        var position = Assert.Single(s.Positions);
        Assert.Equal("BTCUSD.sim", position.Instrument);
        Assert.Equal(2m, position.Quantity);
        Assert.Equal(100.50m, position.AverageEntryPrice);
        Assert.Equal(100.25m, position.Mark);

        h.Alpha.Market(OrderSide.Sell, 1m);
        h.Book(101.00m, 101.50m);
        h.Advance(TimeSpan.FromSeconds(1));

        // Sold 1 @ 101.00: realized 101.00 − 100.50 = 0.50, fee 0.101 (fees 0.302). Left: 1 @ 100.50, mark 101.25,
        // unrealized 0.75. Net 0.50 − 0.302 + 0.75 = 0.948; equity 10,000.948; cash 9,798.799 + 101.00 − 0.101 = 9,899.698.
        s = h.Publisher.Current;
        Assert.Equal(0.50m, s.Portfolio.RealizedPnl);
        Assert.Equal(0.302m, s.Portfolio.Fees);
        Assert.Equal(0.75m, s.Portfolio.UnrealizedPnl);
        Assert.Equal(0.948m, s.Portfolio.NetPnl);
        Assert.Equal(10_000.948m, s.Portfolio.Equity);
        Assert.Equal(9_899.698m, s.Portfolio.Cash);
        Assert.Equal(1, s.Portfolio.OpenPositions);
        Assert.Equal(2, s.TotalFills);
        Assert.Equal([OrderSide.Sell, OrderSide.Buy], s.RecentFills.Select(f => f.Side));   // newest first
        Assert.Equal(0.50m, s.RecentFills[0].RealizedPnl);
        Assert.Equal(0.101m, s.RecentFills[0].Fee);
        Assert.Equal(LiquiditySide.Taker, s.RecentFills[0].Liquidity);
        Assert.Equal("alpha", s.RecentFills[0].StrategyId);
    }

    [Fact]
    public async Task Publish_TwoStrategiesTradeOneInstrument_EachStrategyPnlComesFromItsOwnFills()
    {
        await using var h = new DashboardHarness().Start();
        h.Alpha.Market(OrderSide.Buy, 2m);
        h.Book(100.00m, 100.50m);
        h.Beta.Market(OrderSide.Sell, 1m);
        h.Book(101.00m, 101.50m);
        h.Advance(TimeSpan.FromSeconds(1));

        var s = h.Publisher.Current;
        var alpha = s.Strategies.Single(r => r.StrategyId == "alpha");
        var beta = s.Strategies.Single(r => r.StrategyId == "beta");
        // alpha: long 2 @ 100.50, fee 0.201, unrealized 2 × (101.25 − 100.50) = 1.50, net 1.299.
        Assert.Equal((0m, 0.201m, 1.50m, 1.299m, 1L), (alpha.RealizedPnl, alpha.Fees, alpha.UnrealizedPnl, alpha.NetPnl, alpha.Fills));
        // beta: short 1 @ 101.00 on its own, fee 0.101, unrealized 101.00 − 101.25 = −0.25, net −0.351.
        Assert.Equal((0m, 0.101m, -0.25m, -0.351m, 1L), (beta.RealizedPnl, beta.Fees, beta.UnrealizedPnl, beta.NetPnl, beta.Fills));
        // The account nets the two: realized 0.50 on the shared position; without funding the nets add up.
        Assert.Equal(0.50m, s.Portfolio.RealizedPnl);
        Assert.Equal(s.Portfolio.NetPnl, alpha.NetPnl + beta.NetPnl);
        Assert.DoesNotContain(s.Strategies, r => r.StrategyId == DashboardTicker.StrategyId);
        Assert.All(s.Strategies, r => Assert.Equal("running", r.Status));
    }

    [Fact]
    public async Task Ticker_EngineClockAdvances_PublishesEveryPublishIntervalOfEngineTime()
    {
        await using var h = new DashboardHarness(new DashboardPublisherOptions { PublishInterval = TimeSpan.FromMilliseconds(500) });
        Assert.Equal(1, h.Publisher.Current.Sequence);     // Attach publishes once
        h.Start();
        Assert.Equal(2, h.Publisher.Current.Sequence);     // and the ticker once when the engine starts

        h.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(2, h.Publisher.Current.Sequence);
        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, h.Publisher.Current.Sequence);
        h.Advance(TimeSpan.FromMilliseconds(1_000));
        Assert.Equal(5, h.Publisher.Current.Sequence);
        Assert.Equal(h.Clock.GetUtcNow(), h.Publisher.Current.Time);
    }

    [Fact]
    public async Task Publish_BurstOfOrderEventsWithinMinEventInterval_OnePublishThenTheTickerCatchesUp()
    {
        await using var h = new DashboardHarness(new DashboardPublisherOptions { MinEventInterval = TimeSpan.FromMilliseconds(100) }).Start();
        h.Book(100.00m, 100.50m);
        h.Advance(TimeSpan.FromMilliseconds(200));
        var before = h.Publisher.Current.Sequence;

        // Two market orders at the same engine instant: four order events (accepted, filled, accepted, filled).
        h.Alpha.Market(OrderSide.Buy, 1m);
        h.Book(100.00m, 100.50m);
        h.Alpha.Market(OrderSide.Buy, 1m);
        h.Book(100.00m, 100.50m);

        Assert.Equal(before + 1, h.Publisher.Current.Sequence);   // the first event published, the rest were held back
        h.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(before + 2, h.Publisher.Current.Sequence);   // the ticker's next turn
        Assert.Equal(2, h.Publisher.Current.TotalFills);
    }

    [Fact]
    public async Task Publish_KillSwitch_SnapshotShowsHaltedAtOnceWithTheReason()
    {
        await using var h = new DashboardHarness().Start();
        var before = h.Publisher.Current.Sequence;

        h.Engine.RequestKillSwitch("operator");

        var s = h.Publisher.Current;
        Assert.Equal(before + 1, s.Sequence);
        Assert.Equal(TradingState.Halted, s.Risk.State);
        Assert.Equal("operator", s.Risk.Reason);
        Assert.Equal(5m, s.Risk.Limits.MaxOrderQuantity);
    }

    [Fact]
    public async Task Publish_RestingLimitOrder_ListedAsOpenWithPriceAndLeaves()
    {
        await using var h = new DashboardHarness().Start();
        h.Alpha.Limit(OrderSide.Buy, 99.00m, 1.5m);
        h.Book(100.00m, 100.50m);
        h.Advance(TimeSpan.FromSeconds(1));

        var s = h.Publisher.Current;
        var order = Assert.Single(s.OpenOrders);
        Assert.Equal(1, s.OpenOrderCount);
        Assert.Equal(("alpha-1", "alpha", "BTCUSD.sim", OrderSide.Buy, OrderType.Limit), (order.ClientOrderId, order.StrategyId, order.Instrument, order.Side, order.Type));
        Assert.Equal((99.00m, 1.5m, 0m, 1.5m), (order.Price, order.Quantity, order.Filled, order.Leaves));
        Assert.Equal(OrderStatus.Accepted, order.Status);
        Assert.Equal(1, s.Strategies.Single(r => r.StrategyId == "alpha").OpenOrders);
    }

    [Fact]
    public async Task Publish_RecentFillsBound_KeepsTheNewestAndCountsAll()
    {
        await using var h = new DashboardHarness(new DashboardPublisherOptions { RecentFills = 2 }).Start();
        foreach (var quantity in new[] { 1m, 2m, 3m })
        {
            h.Alpha.Market(OrderSide.Buy, quantity);
            h.Book(100.00m, 100.50m, size: 10m);    // 1 + 2 + 3 fit in one level: liquidity taken stays taken
        }

        h.Advance(TimeSpan.FromSeconds(1));

        var s = h.Publisher.Current;
        Assert.Equal(3, s.TotalFills);
        Assert.Equal([3m, 2m], s.RecentFills.Select(f => f.Quantity));
    }

    [Fact]
    public async Task Publish_BookTops_AgeIsEngineTimeSinceTheLastChange()
    {
        await using var h = new DashboardHarness().Start();
        h.Book(100.00m, 100.50m, size: 2.5m);
        h.Advance(TimeSpan.FromMilliseconds(1_500));

        var book = Assert.Single(h.Publisher.Current.Books);
        Assert.Equal("BTCUSD.sim", book.Instrument);
        Assert.Equal(BookHealth.Healthy, book.Health);
        Assert.Equal((100.00m, 2.5m, 100.50m, 2.5m), (book.BidPrice, book.BidSize, book.AskPrice, book.AskSize));
        Assert.Equal((100.25m, 0.50m), (book.Mid, book.Spread));
        Assert.Equal(1_500, book.AgeMs);
    }

    [Fact]
    public async Task Publish_BookUnhealthy_PositionHasNoMarkAndCountsAtCost()
    {
        await using var h = new DashboardHarness().Start();
        h.Alpha.Market(OrderSide.Buy, 2m);
        h.Book(100.00m, 100.50m);
        h.Engine.OnBookStatus(new BookStatus(h.Btc.Id, BookHealth.Gap, "gap", h.Clock.GetUnixNs()));
        h.Advance(TimeSpan.FromSeconds(1));

        var s = h.Publisher.Current;
        var position = Assert.Single(s.Positions);
        Assert.Null(position.Mark);                       // a gapped book's mid is not a mark, and there was no trade
        Assert.Null(position.UnrealizedPnl);
        Assert.Equal(0m, s.Portfolio.UnrealizedPnl);
        Assert.Equal(10_000m - 0.201m, s.Portfolio.Equity);  // valued at cost: only the fee is lost
        Assert.Equal(BookHealth.Gap, s.Books[0].Health);
    }

    [Fact]
    public async Task Publish_FeedProviderThrows_ErrorCountedAndTheEngineGoesOn()
    {
        var failing = false;
        await using var h = new DashboardHarness();
        h.Feeds = [new FeedStatus { Feed = "sim", State = "Connected", Connected = true }];
        var publisher = h.Publisher;
        h.Start();
        var good = publisher.Current;
        failing = true;
        h.Feeds = new ThrowingList(() => failing);

        h.Alpha.Market(OrderSide.Buy, 1m);
        h.Book(100.00m, 100.50m);
        h.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(1, publisher.PublishErrors);
        Assert.Contains("feed source broke", publisher.LastPublishError, StringComparison.Ordinal);
        Assert.Equal(good.Sequence, publisher.Current.Sequence);                    // the last good snapshot stays
        Assert.Equal(1m, h.Engine.Cache.Portfolio.NetQuantity(h.Btc.Id).ToDecimal());  // the fill was applied all the same

        failing = false;
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, publisher.Current.TotalFills);                               // recorded while publishing failed
    }

    [Fact]
    public async Task Attach_EngineAlreadyStarted_Throws()
    {
        await using var h = new DashboardHarness().Start();

        var error = Assert.Throws<InvalidOperationException>(() => DashboardPublisher.Attach(h.Engine));

        Assert.Contains("before the engine starts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForNewerAsync_NextPublish_CompletesWithIt()
    {
        await using var h = new DashboardHarness().Start();
        var current = h.Publisher.Current.Sequence;
        var wait = h.Publisher.WaitForNewerAsync(current, TestContext.Current.CancellationToken);
        Assert.False(wait.IsCompleted);

        h.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(current + 1, (await wait).Sequence);
    }

    /// <summary>A feed list whose enumeration throws while <paramref name="failing"/> says so.</summary>
    private sealed class ThrowingList(Func<bool> failing) : IReadOnlyList<FeedStatus>
    {
        public FeedStatus this[int index] => throw new InvalidOperationException("feed source broke");

        public int Count => failing() ? throw new InvalidOperationException("feed source broke") : 0;

        public IEnumerator<FeedStatus> GetEnumerator() =>
            failing() ? throw new InvalidOperationException("feed source broke") : Enumerable.Empty<FeedStatus>().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
