using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Data;
using Edgewise.Engine.Messaging;
using Edgewise.Engine.Risk;

namespace Edgewise.Tests.Engine;

public class EngineLoopTests
{
    [Fact]
    public void Dispatch_MarketDataAndOrderFlow_StrategyReceivesEventsInOrder()
    {
        var h = new EngineHarness().Start();
        h.Strategy.TradeHook = (s, trade) => s.Ctx.SubmitLimit(h.Btc.Id, OrderSide.Buy, trade.Price, EngineHarness.Qty(2));

        h.Book("99", "101");
        h.Engine.OnQuote(new QuoteTick(h.Btc.Id, Price.Parse("99"), Quantity.Parse("1"), Price.Parse("101"), Quantity.Parse("1"), null, h.Now, h.Now));
        h.Engine.OnTrade(new TradeTick(h.Btc.Id, Price.Parse("100"), Quantity.Parse("1"), OrderSide.Sell, 42, h.Now, h.Now));
        h.Accept("s1-1");
        h.Fill("s1-1", 2, "100");

        Assert.Equal(
            ["start", "book BTCUSD", "status BTCUSD Healthy", "quote BTCUSD", "trade BTCUSD 42", "OrderAccepted s1-1", "OrderFilled s1-1", "fill s1-1 x1 2@100"],
            h.Strategy.Log);
        Assert.Single(h.Client.Submitted);
    }

    [Fact]
    public void Dispatch_UnsubscribedInstrumentOrUnknownInstrument_NotDelivered()
    {
        var h = new EngineHarness();
        var other = TestInstrument.Create("ETHUSD");
        h.Engine.Cache.AddInstrument(other);
        h.Start();

        h.Engine.OnTrade(new TradeTick(other.Id, Price.Parse("1"), Quantity.Parse("1"), OrderSide.Buy, 1, 0, 0));
        h.Engine.OnTrade(new TradeTick(TestInstrument.Create("NOPE").Id, Price.Parse("1"), Quantity.Parse("1"), OrderSide.Buy, 2, 0, 0));

        Assert.Equal(["start"], h.Strategy.Log);
        Assert.True(h.Engine.Cache.TryGetLastTrade(other.Id, out var last));
        Assert.Equal(1, last.TradeId);
        Assert.Equal(1, h.Engine.Data.UnknownInstrumentMessages);
    }

    [Fact]
    public void OnBookUpdate_CrossedThenUncrossed_TogglesHealthAndTellsStrategy()
    {
        var h = new EngineHarness().Start();
        h.Book("99", "101");
        var update = new BookUpdate();

        update.Reset(h.Btc.Id, BookUpdateKind.Delta, 1, 1);
        update.Add(BookSide.Bid, Price.Parse("102"), Quantity.Parse("1"));
        h.Engine.OnBookUpdate(update);
        Assert.True(h.Engine.Cache.TryGetBook(h.Btc.Id, out var book));
        Assert.Equal(BookHealth.Crossed, book.Health);

        update.Reset(h.Btc.Id, BookUpdateKind.Delta, 2, 2);
        update.Add(BookSide.Bid, Price.Parse("102"), Quantity.Zero);
        h.Engine.OnBookUpdate(update);
        Assert.Equal(BookHealth.Healthy, book.Health);
        Assert.Equal(["status BTCUSD Crossed", "book BTCUSD", "status BTCUSD Healthy", "book BTCUSD"], h.Strategy.Log.TakeLast(4));
    }

    [Fact]
    public async Task RunAsync_KillSwitchRequestedWhileDataQueued_HaltsBeforeTheNextMessage()
    {
        var h = new EngineHarness().Start();
        h.Book("99", "101");
        var books = 0;
        h.Strategy.BookHook = (s, _) =>
        {
            books++;
            var result = s.Ctx.SubmitLimit(h.Btc.Id, OrderSide.Buy, Price.Parse("100"), EngineHarness.Qty(1));
            s.Log.Add($"submit {result.Outcome} {result.Reason}");
            if (books == 1)
            {
                // As an operator's thread would: through the queue, while books 2 and 3 are already waiting.
                h.Engine.Inbox.RequestKillSwitch("operator");
            }

            if (books == 3)
            {
                h.Engine.Inbox.Complete();
            }
        };
        var update = new BookUpdate();
        for (var i = 1; i <= 3; i++)
        {
            update.Reset(h.Btc.Id, BookUpdateKind.Delta, i, i);
            update.Add(BookSide.Bid, Price.Parse("98"), Quantity.Parse("1"));
            h.Engine.Inbox.OnBookUpdate(update);
        }

        await h.Engine.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            ["submit Sent None", "submit Denied TradingHalted", "submit Denied TradingHalted"],
            h.Strategy.Log.Where(l => l.StartsWith("submit", StringComparison.Ordinal)));
        Assert.Equal(TradingState.Halted, h.Engine.Risk.State);
        // The kill switch canceled the one order that got out.
        Assert.Equal(["s1-1"], h.Client.Canceled.Select(c => c.ClientOrderId));
    }

    [Fact]
    public async Task Inbox_MarketDataOverCapacity_DropsOldestAndCounts()
    {
        var h = new EngineHarness(dataCapacity: 4).Start();
        for (var i = 1; i <= 10; i++)
        {
            h.Engine.Inbox.OnTrade(new TradeTick(h.Btc.Id, Price.Parse("100"), Quantity.Parse("1"), OrderSide.Buy, i, i, i));
        }

        Assert.Equal(6, h.Engine.Inbox.DataDropped);
        Assert.Equal(4, h.Engine.Inbox.PendingData);
        h.Engine.Inbox.Complete();
        await h.Engine.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["trade BTCUSD 7", "trade BTCUSD 8", "trade BTCUSD 9", "trade BTCUSD 10"], h.Strategy.Log.Skip(1));
    }

    [Fact]
    public async Task Inbox_DroppedBookUpdate_MarksBookGapBeforeNextMessage()
    {
        var h = new EngineHarness(dataCapacity: 2).Start();
        h.Book("99", "101");
        var statuses = new List<BookStatus>();
        h.Engine.Bus.Subscribe((in BookStatus s) => statuses.Add(s));
        var update = new BookUpdate();
        update.Reset(h.Btc.Id, BookUpdateKind.Delta, 5, 5);
        update.Add(BookSide.Bid, Price.Parse("98"), Quantity.Parse("1"));
        h.Engine.Inbox.OnBookUpdate(update);
        h.Engine.Inbox.OnTrade(new TradeTick(h.Btc.Id, Price.Parse("100"), Quantity.Parse("1"), OrderSide.Buy, 1, 6, 6));
        h.Engine.Inbox.OnTrade(new TradeTick(h.Btc.Id, Price.Parse("100"), Quantity.Parse("1"), OrderSide.Buy, 2, 7, 7));

        h.Engine.Inbox.Complete();
        await h.Engine.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, h.Engine.Inbox.DataDropped);
        Assert.True(h.Engine.Cache.TryGetBook(h.Btc.Id, out var book));
        Assert.Equal(BookHealth.Gap, book.Health);
        Assert.Equal(DataEngine.DroppedUpdateReason, Assert.Single(statuses).Reason);
        Assert.Equal(["status BTCUSD Gap", "trade BTCUSD 1", "trade BTCUSD 2"], h.Strategy.Log.TakeLast(3));
    }

    [Fact]
    public async Task RunAsync_OrderEventsFromAnotherThread_AreAppliedOnTheLoop()
    {
        var h = new EngineHarness().Start();
        h.Book("99", "101");
        var order = h.Limit(OrderSide.Buy, "100", 3).Order!;
        var run = h.Engine.RunAsync(TestContext.Current.CancellationToken);

        await Task.Run(() =>
        {
            // EngineLoop routes to the inbox while RunAsync runs; the inbox itself is the other way in.
            h.Engine.OnOrderEvent(new OrderAccepted(order.ClientOrderId, "v1", 1, 1));
            h.Engine.Inbox.OnOrderEvent(new OrderFilled(order.ClientOrderId, new Fill("t1", Price.Parse("100"), EngineHarness.Qty(3), LiquiditySide.Maker, 0m, 2), 2));
            h.Engine.Inbox.Complete();
        }, TestContext.Current.CancellationToken);
        await run;

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(EngineHarness.Qty(3), h.Engine.Cache.Portfolio.NetQuantity(h.Btc.Id));
    }

    [Fact]
    public async Task RunAsync_Canceled_ReturnsWithoutThrowing()
    {
        var h = new EngineHarness().Start();
        using var cts = new CancellationTokenSource();
        var run = h.Engine.RunAsync(cts.Token);

        await cts.CancelAsync();
        await run;

        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public void Stop_FromInsideACallback_Throws()
    {
        var h = new EngineHarness().Start();
        Exception? error = null;
        h.Strategy.TradeHook = (_, _) => error = Record.Exception(h.Engine.Stop);

        h.Engine.OnTrade(new TradeTick(h.Btc.Id, Price.Parse("1"), Quantity.Parse("1"), OrderSide.Buy, 1, 0, 0));

        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public void Dispatch_StrategyThrows_IsFaultedAndOthersContinue()
    {
        var h = new EngineHarness();
        var second = new ScriptedStrategy("s2") { Started = s => s.Ctx.Subscribe(h.Btc.Id) };
        h.Engine.Strategies.Add(second);
        var faults = new List<StrategyFaulted>();
        h.Engine.Bus.Subscribe((in StrategyFaulted f) => faults.Add(f));
        h.Start();
        h.Strategy.TradeHook = (_, _) => throw new InvalidOperationException("boom");

        h.Engine.OnTrade(new TradeTick(h.Btc.Id, Price.Parse("1"), Quantity.Parse("1"), OrderSide.Buy, 1, 0, 0));
        h.Engine.OnTrade(new TradeTick(h.Btc.Id, Price.Parse("1"), Quantity.Parse("1"), OrderSide.Buy, 2, 0, 0));

        Assert.Equal("s1", Assert.Single(faults).StrategyId);
        Assert.Equal(["start", "trade BTCUSD 1"], h.Strategy.Log);
        Assert.Equal(["start", "trade BTCUSD 1", "trade BTCUSD 2"], second.Log);
    }

    [Fact]
    public void Replay_SameInputTwice_GivesIdenticalResults()
    {
        static string Run()
        {
            var h = new EngineHarness().Start();
            h.Strategy.TradeHook = (s, trade) => s.Ctx.SubmitLimit(h.Btc.Id, trade.Aggressor == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy, trade.Price, EngineHarness.Qty(1));
            h.Client.OnSubmit = r => h.Engine.OnOrderEvent(new OrderFilled(r.ClientOrderId, new Fill("f-" + r.ClientOrderId, r.Price, r.Quantity, LiquiditySide.Taker, 0.01m, h.Now), h.Now));
            h.Book("99", "101");
            for (var i = 0; i < 50; i++)
            {
                h.Clock.Advance(TimeSpan.FromMilliseconds(7));
                var price = new Price((95 + (i * 7 % 11)) * FixedPoint.One);
                h.Engine.OnTrade(new TradeTick(h.Btc.Id, price, Quantity.Parse("1"), i % 3 == 0 ? OrderSide.Buy : OrderSide.Sell, i, h.Now, h.Now));
            }

            var ledger = h.Engine.Cache.Portfolio.Ledger.Entries.Select(e => $"{e.Ts}:{e.Kind}:{e.Amount}:{e.BalanceAfter}");
            return string.Join('\n', h.Strategy.Log.Concat(ledger));
        }

        var first = Run();

        Assert.Equal(first, Run());
        Assert.Contains("OrderFilled s1-50", first, StringComparison.Ordinal);
    }

    [Fact]
    public void OnSettlement_LongBinaryPaysOne_BooksPayoutAndPublishes()
    {
        var h = new EngineHarness().Start();
        h.Book("0.29", "0.31");
        h.Trade(OrderSide.Buy, "0.30", 10);
        var settled = new List<PositionSettled>();
        h.Engine.Bus.Subscribe((in PositionSettled s) => settled.Add(s));

        h.Engine.OnSettlement(h.Btc.Id, Price.Parse("1"), h.Now);

        // Paid 10 × 0.30 = 3, payout 10 × 1 = 10: realized 7, cash −3 + 10 = 7, flat.
        var update = Assert.Single(settled).Position;
        Assert.Equal(7m, update.RealizedDelta);
        Assert.Equal(7m, h.Engine.Cache.Portfolio.Ledger.Cash);
        Assert.Equal(Quantity.Zero, h.Engine.Cache.Portfolio.NetQuantity(h.Btc.Id));
        Assert.Equal(7m, h.Engine.Risk.DailyRealizedPnl);
        Assert.True(h.Engine.Cache.Portfolio.IsReconciled());
    }

    [Fact]
    public async Task InboxOnFunding_WhileRunning_IsBookedOnTheLedger()
    {
        var h = new EngineHarness().Start();
        var run = h.Engine.RunAsync(TestContext.Current.CancellationToken);

        h.Engine.Inbox.OnFunding(h.Btc.Id, -1.25m, h.Now);
        h.Engine.Inbox.OnFunding(TestInstrument.Create("NOPE").Id, 5m, h.Now);
        h.Engine.Inbox.Complete();
        await run;

        Assert.Equal(-1.25m, h.Engine.Cache.Portfolio.Ledger.Cash);
        Assert.Equal(1, h.Engine.UnknownInstrumentAdjustments);
        Assert.True(h.Engine.Cache.Portfolio.IsReconciled());
    }
}
