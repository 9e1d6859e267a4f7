namespace Edgewise.Venues.Kalshi;

/// <summary>Where Kalshi says an order is (its order object's <c>status</c>).</summary>
public enum KalshiOrderStatus : byte
{
    /// <summary>A status text this client does not know: treated as still working, and looked at again.</summary>
    Unknown = 0,

    /// <summary>Working on the book; may fill later.</summary>
    Resting = 1,

    /// <summary>Done without filling completely: canceled on request, an IOC/FOK remainder, or ended by the venue (market close).</summary>
    Canceled = 2,

    /// <summary>Filled completely.</summary>
    Executed = 3,

    /// <summary>Accepted but not yet on the book.</summary>
    Pending = 4,
}
