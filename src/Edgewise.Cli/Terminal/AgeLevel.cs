namespace Edgewise.Cli.Terminal;

/// <summary>How old a book, feed or index value is against the dashboard's thresholds.</summary>
public enum AgeLevel : byte
{
    /// <summary>No update yet: nothing to judge, shown as a warning.</summary>
    Unknown = 0,

    /// <summary>At most WarnAge old.</summary>
    Fresh = 1,

    /// <summary>Older than WarnAge, at most StaleAge: shown in yellow.</summary>
    Lagging = 2,

    /// <summary>Older than StaleAge: shown in red.</summary>
    Stale = 3,
}
