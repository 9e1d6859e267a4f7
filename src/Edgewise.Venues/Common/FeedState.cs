namespace Edgewise.Venues.Common;

/// <summary>Where a supervised feed connection is in its life cycle.</summary>
public enum FeedState : byte
{
    /// <summary>Not running (before RunAsync, or after it returned).</summary>
    Stopped = 0,
    /// <summary>Opening the WebSocket.</summary>
    Connecting = 1,
    /// <summary>Open: subscribed and receiving.</summary>
    Connected = 2,
    /// <summary>Waiting out a backoff delay before the next connection attempt.</summary>
    WaitingToReconnect = 3,
}
