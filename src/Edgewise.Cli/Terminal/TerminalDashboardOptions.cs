namespace Edgewise.Cli.Terminal;

/// <summary>How the terminal dashboard refreshes and when it warns. Ages are local receive-time ages as the snapshot states them.</summary>
public sealed record TerminalDashboardOptions
{
    /// <summary>The longest refresh interval the issue allows.</summary>
    public static readonly TimeSpan MaxRefreshInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the live view redraws; more than 0 and at most <see cref="MaxRefreshInterval"/>.</summary>
    public TimeSpan RefreshInterval { get; init; } = MaxRefreshInterval;

    /// <summary>A book (or feed, or index) whose last update is older than this is shown in yellow as lagging.</summary>
    public TimeSpan WarnAge { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Older than this it is shown in red as stale.</summary>
    public TimeSpan StaleAge { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Decision records shown, newest first.</summary>
    public int MaxDecisions { get; init; } = 12;

    /// <summary>Throws when an option is out of range.</summary>
    public void EnsureValid()
    {
        if (RefreshInterval <= TimeSpan.Zero || RefreshInterval > MaxRefreshInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshInterval), RefreshInterval, $"The refresh interval must be more than 0 and at most {MaxRefreshInterval.TotalSeconds} s.");
        }

        if (WarnAge <= TimeSpan.Zero || StaleAge < WarnAge)
        {
            throw new ArgumentOutOfRangeException(nameof(StaleAge), StaleAge, "WarnAge must be positive and StaleAge at least WarnAge.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDecisions);
    }
}
