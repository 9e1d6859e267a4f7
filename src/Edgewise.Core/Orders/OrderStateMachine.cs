namespace Edgewise.Core.Orders;

/// <summary>
/// The legal status changes of an order, in one table. <see cref="Order"/> consults it for every event, so
/// no other code can move an order between states.
/// From New every outcome is legal, because venues may answer a new order with a fill, a cancel or an
/// expiry without a separate acknowledgement (market and IOC orders). Nothing leaves a terminal state.
/// </summary>
public static class OrderStateMachine
{
    public static bool CanTransition(OrderStatus from, OrderStatus to) => from switch
    {
        OrderStatus.New => to is OrderStatus.Accepted or OrderStatus.Rejected or OrderStatus.Denied
            or OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired,
        OrderStatus.Accepted or OrderStatus.PartiallyFilled => to is OrderStatus.PartiallyFilled
            or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired,
        _ => false,
    };

    /// <summary>True for statuses no event can leave.</summary>
    public static bool IsTerminal(OrderStatus status) => status is OrderStatus.Filled or OrderStatus.Canceled
        or OrderStatus.Rejected or OrderStatus.Expired or OrderStatus.Denied;
}
