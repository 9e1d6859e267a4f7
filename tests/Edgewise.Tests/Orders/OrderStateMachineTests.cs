using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Orders;

public class OrderStateMachineTests
{
    private static readonly InstrumentId Btc = new("testvenue", "BTCUSD");

    // The table written out by hand: from New anything but New; from a working state only fills and endings.
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> Legal =
    [
        (OrderStatus.New, OrderStatus.Accepted),
        (OrderStatus.New, OrderStatus.Rejected),
        (OrderStatus.New, OrderStatus.Denied),
        (OrderStatus.New, OrderStatus.PartiallyFilled),
        (OrderStatus.New, OrderStatus.Filled),
        (OrderStatus.New, OrderStatus.Canceled),
        (OrderStatus.New, OrderStatus.Expired),
        (OrderStatus.Accepted, OrderStatus.PartiallyFilled),
        (OrderStatus.Accepted, OrderStatus.Filled),
        (OrderStatus.Accepted, OrderStatus.Canceled),
        (OrderStatus.Accepted, OrderStatus.Expired),
        (OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled),
        (OrderStatus.PartiallyFilled, OrderStatus.Filled),
        (OrderStatus.PartiallyFilled, OrderStatus.Canceled),
        (OrderStatus.PartiallyFilled, OrderStatus.Expired),
    ];

    public static TheoryData<OrderStatus, OrderStatus> AllPairs()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanTransition_EveryPair_MatchesHandWrittenTable(OrderStatus from, OrderStatus to) =>
        Assert.Equal(Legal.Contains((from, to)), OrderStateMachine.CanTransition(from, to));

    /// <summary>Drives a real order into <paramref name="from"/> with events, then applies the event that targets <paramref name="to"/>.</summary>
    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Apply_EventFromEveryState_AppliesOnlyLegalTransitions(OrderStatus from, OrderStatus to)
    {
        if (to == OrderStatus.New)
        {
            // No event targets New: whatever arrives, an order never goes back to it.
            foreach (var target in Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.New))
            {
                var other = OrderIn(from);
                var applied = other.Apply(EventFor(other, target)) == OrderApplyResult.Applied;
                Assert.False(applied && other.Status == OrderStatus.New);
            }

            Assert.False(OrderStateMachine.CanTransition(from, to));
            return;
        }

        var order = OrderIn(from);
        Assert.Equal(from, order.Status);
        var filledBefore = order.FilledQuantity;

        var result = order.Apply(EventFor(order, to));

        if (Legal.Contains((from, to)))
        {
            Assert.Equal(OrderApplyResult.Applied, result);
            Assert.Equal(to, order.Status);
        }
        else
        {
            Assert.Equal(OrderApplyResult.IllegalTransition, result);
            Assert.Equal(from, order.Status);
            Assert.Equal(filledBefore, order.FilledQuantity);
        }
    }

    [Fact]
    public void Apply_FillPastQuantity_ReturnsOverfillAndKeepsState()
    {
        var order = NewOrder(10);
        Assert.Equal(OrderApplyResult.Applied, order.Apply(Filled(order, "t1", 6, "100")));

        // 6 + 5 = 11 > 10.
        var result = order.Apply(Filled(order, "t2", 5, "100"));

        Assert.Equal(OrderApplyResult.Overfill, result);
        Assert.Equal(Quantity.Parse("6"), order.FilledQuantity);
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        Assert.Single(order.Fills);
    }

    [Fact]
    public void Apply_FillExactlyToQuantity_IsFilled()
    {
        var order = NewOrder(10);
        order.Apply(Filled(order, "t1", 6, "100"));

        Assert.Equal(OrderApplyResult.Applied, order.Apply(Filled(order, "t2", 4, "100")));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.True(order.LeavesQuantity.IsZero);
    }

    [Fact]
    public void Apply_SameTradeIdTwice_ReturnsDuplicateFill()
    {
        var order = NewOrder(10);
        order.Apply(Filled(order, "t1", 3, "100"));

        Assert.Equal(OrderApplyResult.DuplicateFill, order.Apply(Filled(order, "t1", 3, "100")));
        Assert.Equal(Quantity.Parse("3"), order.FilledQuantity);
    }

    [Fact]
    public void Apply_TwoFills_AveragePriceIsVolumeWeighted()
    {
        var order = NewOrder(10);
        order.Apply(Filled(order, "t1", 4, "100", fee: 0.4m));
        order.Apply(Filled(order, "t2", 6, "101", fee: 0.6m));

        // (4 × 100 + 6 × 101) / 10 = 1006 / 10 = 100.6
        Assert.Equal(100.6m, order.AverageFillPrice);
        Assert.Equal(1.0m, order.FeesPaid);
    }

    [Fact]
    public void Apply_EventForAnotherOrder_ReturnsWrongOrder()
    {
        var order = NewOrder(10);

        Assert.Equal(OrderApplyResult.WrongOrder, order.Apply(new OrderAccepted("other", "v1", 1, 1)));
        Assert.Equal(OrderStatus.New, order.Status);
    }

    [Fact]
    public void Apply_ZeroQuantityFill_ReturnsInvalidFill()
    {
        var order = NewOrder(10);

        Assert.Equal(OrderApplyResult.InvalidFill, order.Apply(Filled(order, "t1", 0, "100")));
    }

    [Fact]
    public void Apply_Accepted_RecordsVenueOrderIdAndTime()
    {
        var order = NewOrder(10);

        order.Apply(new OrderAccepted(order.ClientOrderId, "venue-42", 123, 456));

        Assert.Equal("venue-42", order.VenueOrderId);
        Assert.Equal(123, order.TsLastEvent);
    }

    [Theory]
    [InlineData(OrderSide.None, OrderType.Limit, TimeInForce.Gtc, "100", "1")]
    [InlineData(OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, "0", "1")]
    [InlineData(OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, "100", "0")]
    [InlineData(OrderSide.Buy, OrderType.Market, TimeInForce.Ioc, "100", "1")]
    [InlineData(OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, "0", "1")]
    public void Constructor_MalformedRequest_Throws(OrderSide side, OrderType type, TimeInForce tif, string price, string quantity)
    {
        var request = new OrderRequest("c1", Btc, side, type, tif, Price.Parse(price), Quantity.Parse(quantity));

        Assert.NotNull(request.ShapeError());
        Assert.Throws<ArgumentException>(() => new Order(request, "s1", 0));
    }

    [Fact]
    public void Apply_RandomEventSequences_NeverOverfillsOrLeavesTerminalState()
    {
        // Property: whatever venues send, filled ≤ quantity, and once terminal the status never changes.
        var gen = Gen.ListOf(Gen.Choose(0, 5).SelectMany(kind => Gen.Choose(1, 6), (kind, qty) => (kind, qty)));
        Prop.ForAll(gen.ToArbitrary(), steps =>
        {
            var order = NewOrder(10);
            var n = 0;
            foreach (var (kind, qty) in steps)
            {
                var before = order.Status;
                var terminalBefore = order.IsTerminal;
                var result = order.Apply(kind switch
                {
                    0 => new OrderAccepted(order.ClientOrderId, "v", n, n),
                    1 => Filled(order, $"t{n % 4}", qty, "100"),
                    2 => new OrderCanceled(order.ClientOrderId, n, n),
                    3 => new OrderExpired(order.ClientOrderId, n, n),
                    4 => new OrderRejected(order.ClientOrderId, "no", n, n),
                    _ => Filled(order, $"u{n}", qty, "100"),
                });
                n++;
                if (order.FilledQuantity > order.Quantity || (terminalBefore && order.Status != before))
                {
                    return false;
                }

                if (result == OrderApplyResult.Applied && !OrderStateMachine.CanTransition(before, order.Status))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static Order NewOrder(int quantity) =>
        new(OrderRequest.Limit("c1", Btc, OrderSide.Buy, Price.Parse("100"), Quantity.Parse(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture))), "s1", 0);

    private static OrderFilled Filled(Order order, string tradeId, int quantity, string price, decimal fee = 0m) =>
        new(order.ClientOrderId, new Fill(tradeId, Price.Parse(price), new Quantity(quantity * FixedPoint.One), LiquiditySide.Maker, fee, 10), 11);

    /// <summary>An order of 10 driven to <paramref name="status"/> through legal events.</summary>
    private static Order OrderIn(OrderStatus status)
    {
        var order = NewOrder(10);
        switch (status)
        {
            case OrderStatus.New:
                break;
            case OrderStatus.Accepted:
                order.Apply(new OrderAccepted(order.ClientOrderId, "v1", 1, 1));
                break;
            case OrderStatus.PartiallyFilled:
                order.Apply(new OrderAccepted(order.ClientOrderId, "v1", 1, 1));
                order.Apply(Filled(order, "p1", 3, "100"));
                break;
            case OrderStatus.Filled:
                order.Apply(Filled(order, "p1", 10, "100"));
                break;
            case OrderStatus.Canceled:
                order.Apply(new OrderCanceled(order.ClientOrderId, 1, 1));
                break;
            case OrderStatus.Rejected:
                order.Apply(new OrderRejected(order.ClientOrderId, "no", 1, 1));
                break;
            case OrderStatus.Expired:
                order.Apply(new OrderExpired(order.ClientOrderId, 1, 1));
                break;
            case OrderStatus.Denied:
                order.Apply(new OrderDenied(order.ClientOrderId, DenialReason.MaxOrderQuantity, "10 > 5", 1, 1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }

        return order;
    }

    /// <summary>The event whose legal outcome is <paramref name="to"/>; for New, an acceptance (New is never a target).</summary>
    private static OrderEvent EventFor(Order order, OrderStatus to) => to switch
    {
        OrderStatus.Accepted => new OrderAccepted(order.ClientOrderId, "v2", 2, 2),
        // Partial: 2 more (never completes an order of 10 that has at most 3 filled).
        OrderStatus.PartiallyFilled => Filled(order, "x1", 2, "100"),
        OrderStatus.Filled => Filled(order, "x1", (int)(order.LeavesQuantity.Raw / FixedPoint.One) is > 0 and var q ? q : 1, "100"),
        OrderStatus.Canceled => new OrderCanceled(order.ClientOrderId, 2, 2),
        OrderStatus.Rejected => new OrderRejected(order.ClientOrderId, "no", 2, 2),
        OrderStatus.Expired => new OrderExpired(order.ClientOrderId, 2, 2),
        OrderStatus.Denied => new OrderDenied(order.ClientOrderId, DenialReason.OrderRate, "x", 2, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(to)),
    };
}
