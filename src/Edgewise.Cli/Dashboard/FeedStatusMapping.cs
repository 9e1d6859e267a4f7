// The dashboard does not reference the venues (it sits on Core and Engine), so the composition maps each feed
// client's FeedHealth onto the dashboard's FeedStatus row. Pass `() => clients.Select(c => c.GetHealth().ToFeedStatus()).ToList()`
// to DashboardPublisher.Attach; feed clients' GetHealth is thread-safe.
using Edgewise.Dashboard.Snapshots;
using Edgewise.Venues.Common;

namespace Edgewise.Cli.Dashboard;

internal static class FeedStatusMapping
{
    public static FeedStatus ToFeedStatus(this FeedHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return new FeedStatus
        {
            Feed = health.Feed,
            State = health.State.ToString(),
            StateText = health.StateText,
            Connected = health.Connected,
            LastMessageAgeMs = health.LastMessageAge is { } age ? (long)age.TotalMilliseconds : null,
            MessagesPerSecond = health.MessagesPerSecond,
            Messages = health.Messages,
            MalformedFrames = health.MalformedFrames,
            Reconnects = health.Reconnects,
            ConnectFailures = health.ConnectFailures,
            StaleDisconnects = health.StaleDisconnects,
            Gaps = health.Gaps,
            Resyncs = health.Resyncs,
            ChecksumFailures = health.ChecksumFailures,
            LastError = health.LastError ?? health.LastSnapshotError,
        };
    }
}
