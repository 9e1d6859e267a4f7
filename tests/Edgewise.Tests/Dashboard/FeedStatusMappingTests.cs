using Edgewise.Cli.Dashboard;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Dashboard;

public class FeedStatusMappingTests
{
    [Fact]
    public void ToFeedStatus_VenueFeedHealth_EveryShownFieldCarriedOver()
    {
        var health = new FeedHealth
        {
            Feed = "binanceus",
            State = FeedState.WaitingToReconnect,
            StateText = "waiting 00:00:01 to reconnect after: stale",
            LastMessageAge = TimeSpan.FromMilliseconds(1_234.9),
            MessagesPerSecond = 12.5,
            Messages = 1_000,
            MalformedFrames = 3,
            Reconnects = 2,
            ConnectFailures = 1,
            StaleDisconnects = 1,
            Gaps = 4,
            Resyncs = 5,
            ChecksumFailures = 6,
            LastSnapshotError = "HTTP 503",
        };

        var status = health.ToFeedStatus();

        Assert.Equal(("binanceus", "WaitingToReconnect", false), (status.Feed, status.State, status.Connected));
        Assert.Equal(health.StateText, status.StateText);
        Assert.Equal(1_234, status.LastMessageAgeMs);   // whole milliseconds, truncated
        Assert.Equal((12.5, 1_000L, 3L, 2L, 1L, 1L), (status.MessagesPerSecond, status.Messages, status.MalformedFrames, status.Reconnects, status.ConnectFailures, status.StaleDisconnects));
        Assert.Equal((4L, 5L, 6L), (status.Gaps, status.Resyncs, status.ChecksumFailures));
        Assert.Equal("HTTP 503", status.LastError);      // no connection error: the snapshot error is shown
    }
}
