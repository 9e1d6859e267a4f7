namespace Edgewise.Venues.Kalshi;

/// <summary>Where a Kalshi data client's books come from.</summary>
public enum KalshiFeedMode : byte
{
    /// <summary>The signed WebSocket: snapshots and sequenced deltas, tickers, trades, index ticks.</summary>
    WebSocket = 0,

    /// <summary>
    /// The WebSocket was refused (HTTP 401/403 on the upgrade) or unreachable: every active market's book is polled from REST as
    /// whole snapshots, and the WebSocket is tried again at an interval. No tickers, trades or index ticks meanwhile.
    /// </summary>
    RestPolling = 1,
}
