using Edgewise.Core.Orders;

namespace Edgewise.Engine.Messaging;

/// <summary>
/// An order event the engine could not apply: for an unknown client order id (<paramref name="Order"/> null),
/// or refused by the order's state machine. The order is unchanged; reconciliation should look at it.
/// </summary>
public readonly record struct OrderAnomaly(OrderEvent Event, Order? Order, OrderApplyResult Result);
