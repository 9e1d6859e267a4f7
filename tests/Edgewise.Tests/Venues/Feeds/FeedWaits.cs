using System.Threading.Channels;
using Edgewise.Simulators;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>
/// Records a connection's state changes (with the reconnect delay chosen at each wait) so a test can await
/// "the feed is now waiting to reconnect" before moving the manual clock: the delay's timer exists by then.
/// </summary>
internal sealed class FeedWaits
{
    private readonly FeedConnection _connection;
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();
    private readonly Channel<FeedState> _states = Channel.CreateUnbounded<FeedState>();

    public FeedWaits(FeedConnection connection)
    {
        _connection = connection;
        connection.StateChanged += state =>
        {
            _states.Writer.TryWrite(state);
            if (state == FeedState.WaitingToReconnect)
            {
                _waits.Writer.TryWrite(connection.LastReconnectDelay);
            }
        };
    }

    /// <summary>The delay of the next wait before a reconnect (in order of occurrence).</summary>
    public async Task<TimeSpan> NextReconnectWaitAsync()
    {
        try
        {
            return await _waits.Reader.ReadAsync().AsTask().WaitAsync(SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"The {_connection.Venue} feed did not start waiting to reconnect (state {_connection.State}).", ex);
        }
    }

    /// <summary>Completes at the next time the connection enters <paramref name="state"/>.</summary>
    public async Task NextStateAsync(FeedState state)
    {
        try
        {
            while (await _states.Reader.ReadAsync().AsTask().WaitAsync(SimVenueServer.DefaultTimeout) != state)
            {
            }
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"The {_connection.Venue} feed did not reach {state} (state {_connection.State}).", ex);
        }
    }
}
