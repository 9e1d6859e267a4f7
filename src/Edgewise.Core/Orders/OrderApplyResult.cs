namespace Edgewise.Core.Orders;

/// <summary>
/// What <see cref="Order.Apply"/> did with an event. Order events come from venues, so an event that does
/// not fit the order is bad input, reported here rather than thrown; the order is left unchanged.
/// </summary>
public enum OrderApplyResult : byte
{
    Applied = 0,
    /// <summary>The event's status change is not legal from the order's current status.</summary>
    IllegalTransition = 1,
    /// <summary>The fill would take the filled quantity past the order quantity.</summary>
    Overfill = 2,
    /// <summary>A fill with this trade id was already applied (a venue's replayed message).</summary>
    DuplicateFill = 3,
    /// <summary>The fill's quantity or price is not positive.</summary>
    InvalidFill = 4,
    /// <summary>The event names a different client order id.</summary>
    WrongOrder = 5,
}
