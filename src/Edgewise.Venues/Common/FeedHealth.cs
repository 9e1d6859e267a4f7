namespace Edgewise.Venues.Common;

/// <summary>
/// A point-in-time view of one feed, for the dashboard, logs and tests. Counters are totals since the feed was
/// created; <see cref="MessagesPerSecond"/> is averaged over the last <see cref="MessageRateWindow.DefaultSeconds"/> seconds.
/// </summary>
public sealed record FeedHealth
{
    /// <summary>The feed's name (its venue).</summary>
    public required string Feed { get; init; }

    public FeedState State { get; init; }

    /// <summary>One line for people: the state with its detail ("waiting 00:00:00.9000000 to reconnect after: stale").</summary>
    public string StateText { get; init; } = string.Empty;

    public bool Connected => State == FeedState.Connected;

    /// <summary>Time since the last WebSocket message (by the feed's clock); null before the first.</summary>
    public TimeSpan? LastMessageAge { get; init; }

    public double MessagesPerSecond { get; init; }

    /// <summary>WebSocket messages received (all kinds, malformed included).</summary>
    public long Messages { get; init; }

    /// <summary>Messages that could not be used: bad or truncated JSON, binary, oversized. Each was skipped, the connection kept.</summary>
    public long MalformedFrames { get; init; }

    /// <summary>The part of <see cref="MalformedFrames"/> that exceeded the size limit.</summary>
    public long OversizedFrames { get; init; }

    /// <summary>Connections opened successfully.</summary>
    public long Connections { get; init; }

    /// <summary>Connection attempts after the first (after a drop or a failed attempt).</summary>
    public long Reconnects { get; init; }

    public long ConnectFailures { get; init; }

    /// <summary>Connections closed because no message arrived within the stale limit.</summary>
    public long StaleDisconnects { get; init; }

    /// <summary>Sequence gaps (or refused snapshots) that made a book unhealthy.</summary>
    public long Gaps { get; init; }

    /// <summary>Snapshots applied to recover a book (after a gap or a reconnect).</summary>
    public long Resyncs { get; init; }

    public long ChecksumFailures { get; init; }

    /// <summary>REST snapshots fetched successfully, and fetch attempts that failed.</summary>
    public long SnapshotFetches { get; init; }

    public long SnapshotFailures { get; init; }

    /// <summary>The most recent connection error; null when none yet.</summary>
    public string? LastError { get; init; }

    /// <summary>The most recent snapshot fetch error; null when none yet.</summary>
    public string? LastSnapshotError { get; init; }
}
