namespace Edgewise.Dashboard.Snapshots;

/// <summary>
/// One market-data feed's health, as the composition reports it (it maps the venue clients' own health records onto
/// this, so the dashboard does not depend on the venues). Counters are totals since the feed was created.
/// </summary>
public sealed record FeedStatus
{
    public required string Feed { get; init; }

    /// <summary>The feed's state name (Connected, Connecting, WaitingToReconnect…).</summary>
    public required string State { get; init; }

    /// <summary>One line for people: the state with its detail.</summary>
    public string StateText { get; init; } = string.Empty;

    public bool Connected { get; init; }

    /// <summary>Milliseconds since the feed's last message; null before the first.</summary>
    public long? LastMessageAgeMs { get; init; }

    public double MessagesPerSecond { get; init; }

    public long Messages { get; init; }

    public long MalformedFrames { get; init; }

    public long Reconnects { get; init; }

    public long ConnectFailures { get; init; }

    public long StaleDisconnects { get; init; }

    public long Gaps { get; init; }

    public long Resyncs { get; init; }

    public long ChecksumFailures { get; init; }

    public string? LastError { get; init; }
}
