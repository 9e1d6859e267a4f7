using Edgewise.Core.Contracts;

namespace Edgewise.Venues.Common;

/// <summary>
/// What a venue data client plugs into a <see cref="FeedConnection"/>. All three calls come from the connection's
/// own loop, one at a time; an exception from any of them ends the current connection (it is counted and the
/// connection reopened), never the process.
/// </summary>
public interface IFeedHandler
{
    /// <summary>
    /// The socket is open and nothing has been read yet: send subscriptions (<see cref="FeedConnection.SendTextAsync"/>)
    /// and start resyncs. <paramref name="connectionNumber"/> is 1 for the first connection, higher for reconnects.
    /// </summary>
    ValueTask OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct);

    /// <summary>
    /// One complete text message with its local receive time. The bytes are the connection's buffer: valid only
    /// during the call. Return the parser's verdict; <see cref="ParseOutcome.Malformed"/> is counted.
    /// </summary>
    ParseOutcome OnFrame(in RawFrame frame);

    /// <summary>The connection ended (<paramref name="reason"/> says why); a reconnect follows unless the feed is stopping.</summary>
    void OnDisconnected(string reason, long tsNs);
}
