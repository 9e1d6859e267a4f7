namespace Edgewise.Storage.Store;

/// <summary>The kinds of order event the store keeps; the state machine lets each non-fill kind happen once per order.</summary>
public enum OrderEventKind : byte
{
    Accepted = 1,
    Filled = 2,
    Canceled = 3,
    Expired = 4,
    Rejected = 5,
    Denied = 6,
}
