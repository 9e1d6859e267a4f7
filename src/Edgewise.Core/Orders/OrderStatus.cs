namespace Edgewise.Core.Orders;

/// <summary>
/// Where an order is in its life. Only <see cref="OrderStateMachine"/> decides which changes are legal;
/// the last five values are terminal.
/// </summary>
public enum OrderStatus : byte
{
    /// <summary>Created and sent (or about to be); the venue has not answered yet.</summary>
    New = 0,
    /// <summary>The venue acknowledged the order and it is working.</summary>
    Accepted = 1,
    /// <summary>Some, not all, of the quantity has filled; the rest is working.</summary>
    PartiallyFilled = 2,
    Filled = 3,
    Canceled = 4,
    /// <summary>The venue refused the order.</summary>
    Rejected = 5,
    /// <summary>The time in force ran out (IOC/FOK remainder, venue expiry).</summary>
    Expired = 6,
    /// <summary>The engine's risk checks refused the order; it never reached a venue.</summary>
    Denied = 7,
}
