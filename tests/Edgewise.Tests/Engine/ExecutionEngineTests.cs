using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Messaging;
using Edgewise.Engine.Risk;

namespace Edgewise.Tests.Engine;

public class ExecutionEngineTests
{
    [Fact]
    public void Submit_SameClientOrderIdTwice_SendsOnce()
    {
        var h = Started();
        var request = OrderRequest.Limit("my-1", h.Btc.Id, OrderSide.Buy, Price.Parse("100"), EngineHarness.Qty(1));

        var first = h.Submit(request);
        var second = h.Submit(request);

        Assert.Equal(SubmitOutcome.Sent, first.Outcome);
        Assert.Equal(SubmitOutcome.Duplicate, second.Outcome);
        Assert.Same(first.Order, second.Order);
        Assert.Single(h.Client.Submitted);
        Assert.Equal(1, h.Engine.Execution.DuplicateSubmits);
    }

    [Fact]
    public void Submit_SameIdAfterDenial_IsDuplicateNotResent()
    {
        var h = Started(new RiskLimits { MaxOrderQuantity = 1m });
        var tooBig = OrderRequest.Limit("my-1", h.Btc.Id, OrderSide.Buy, Price.Parse("100"), EngineHarness.Qty(2));
        Assert.Equal(SubmitOutcome.Denied, h.Submit(tooBig).Outcome);

        var again = h.Submit(tooBig with { Quantity = EngineHarness.Qty(1) });

        Assert.Equal(SubmitOutcome.Duplicate, again.Outcome);
        Assert.Empty(h.Client.Submitted);
    }

    [Fact]
    public void OnOrderEvent_AcceptPartialFillFill_UpdatesOrderPortfolioAndStrategy()
    {
        var h = Started();
        var order = h.Limit(OrderSide.Buy, "100", 10).Order!;
        var fills = new List<FillApplied>();
        h.Engine.Bus.Subscribe((in FillApplied f) => fills.Add(f));

        h.Accept(order.ClientOrderId);
        h.Fill(order.ClientOrderId, 4, "100");
        h.Fill(order.ClientOrderId, 6, "99.5", fee: 0.3m);

        Assert.Equal(OrderStatus.Filled, order.Status);
        // (4 × 100 + 6 × 99.5) / 10 = 997 / 10 = 99.7
        Assert.Equal(99.7m, order.AverageFillPrice);
        Assert.Empty(h.Engine.Cache.OpenOrders);
        Assert.True(h.Engine.Cache.TryGetPosition(h.Btc.Id, out var position));
        Assert.Equal(EngineHarness.Qty(10), position.NetQuantity);
        Assert.Equal(99.7m, position.AverageEntryPrice);
        // Cash −400 − 597 − 0.3 = −997.3.
        Assert.Equal(-997.3m, h.Engine.Cache.Portfolio.Ledger.Cash);
        Assert.Equal(2, fills.Count);
        Assert.Equal(
            ["OrderAccepted s1-1", "OrderFilled s1-1", "fill s1-1 x1 4@100", "OrderFilled s1-1", "fill s1-1 x2 6@99.5"],
            h.Strategy.Log.SkipWhile(l => !l.StartsWith("OrderAccepted", StringComparison.Ordinal)));
    }

    [Fact]
    public void OnOrderEvent_VenueAnswersInsideSubmit_EventIsHandledAfterTheCallback()
    {
        var h = Started();
        h.Client.OnSubmit = request => h.Engine.OnOrderEvent(new OrderAccepted(request.ClientOrderId, "v1", h.Now, h.Now));

        h.Engine.RunOnLoop(() =>
        {
            h.Strategy.Ctx.SubmitLimit(h.Btc.Id, OrderSide.Buy, Price.Parse("100"), EngineHarness.Qty(1));
            h.Strategy.Log.Add("callback done");
            return 0;
        });

        Assert.Equal(["callback done", "OrderAccepted s1-1"], h.Strategy.Log.TakeLast(2));
        Assert.True(h.Engine.Cache.TryGetOrder("s1-1", out var order));
        Assert.Equal(OrderStatus.Accepted, order.Status);
    }

    [Fact]
    public void OnOrderEvent_UnknownOrIllegal_IsCountedAndPublishedAsAnomaly()
    {
        var h = Started();
        var anomalies = new List<OrderAnomaly>();
        h.Engine.Bus.Subscribe((in OrderAnomaly a) => anomalies.Add(a));
        var order = h.Limit(OrderSide.Buy, "100", 5).Order!;
        h.Fill(order.ClientOrderId, 5, "100");

        h.Engine.OnOrderEvent(new OrderCanceled("nobody", h.Now, h.Now));
        h.Engine.OnOrderEvent(new OrderCanceled(order.ClientOrderId, h.Now, h.Now));
        h.Fill(order.ClientOrderId, 1, "100");

        Assert.Equal(1, h.Engine.Execution.UnknownOrderEvents);
        Assert.Equal(2, h.Engine.Execution.RefusedOrderEvents);
        Assert.Equal([OrderApplyResult.WrongOrder, OrderApplyResult.IllegalTransition, OrderApplyResult.IllegalTransition], anomalies.Select(a => a.Result));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(EngineHarness.Qty(5), h.Engine.Cache.Portfolio.NetQuantity(h.Btc.Id));
    }

    [Fact]
    public void OnOrderEvent_Overfill_IsRefusedAndPortfolioUnchanged()
    {
        var h = Started();
        var order = h.Limit(OrderSide.Buy, "100", 5).Order!;
        h.Fill(order.ClientOrderId, 3, "100");

        h.Fill(order.ClientOrderId, 3, "100");

        Assert.Equal(1, h.Engine.Execution.RefusedOrderEvents);
        Assert.Equal(EngineHarness.Qty(3), h.Engine.Cache.Portfolio.NetQuantity(h.Btc.Id));
    }

    [Fact]
    public void Cancel_Twice_SendsOnceAndTerminalIsNotOpen()
    {
        var h = Started();
        var order = h.Limit(OrderSide.Buy, "100", 5).Order!;

        Assert.Equal(CancelOutcome.Sent, h.Cancel(order.ClientOrderId));
        Assert.Equal(CancelOutcome.AlreadyRequested, h.Cancel(order.ClientOrderId));
        h.Engine.OnOrderEvent(new OrderCanceled(order.ClientOrderId, h.Now, h.Now));
        Assert.Equal(CancelOutcome.NotOpen, h.Cancel(order.ClientOrderId));
        Assert.Equal(CancelOutcome.UnknownOrder, h.Cancel("nope"));

        Assert.Single(h.Client.Canceled);
        Assert.Equal(new CancelRequest(order.ClientOrderId, null, h.Btc.Id), h.Client.Canceled[0]);
    }

    [Fact]
    public void Cancel_OrderOfAnotherStrategy_IsUnknownToThisOne()
    {
        var h = new EngineHarness();
        var other = new ScriptedStrategy("s2");
        h.Engine.Strategies.Add(other);
        h.Start();
        h.Book("99", "101");
        var order = h.Limit(OrderSide.Buy, "100", 1).Order!;

        var outcome = h.Engine.RunOnLoop(() => other.Ctx.Cancel(order.ClientOrderId));

        Assert.Equal(CancelOutcome.UnknownOrder, outcome);
        Assert.Empty(h.Client.Canceled);
    }

    [Fact]
    public void Submit_OutsideALoopCallback_Throws()
    {
        var h = Started();

        Assert.Throws<InvalidOperationException>(() => h.Strategy.Ctx.SubmitLimit(h.Btc.Id, OrderSide.Buy, Price.Parse("100"), EngineHarness.Qty(1)));
    }

    private static EngineHarness Started(RiskLimits? limits = null)
    {
        var h = new EngineHarness(limits).Start();
        h.Book("99", "101");
        return h;
    }
}
