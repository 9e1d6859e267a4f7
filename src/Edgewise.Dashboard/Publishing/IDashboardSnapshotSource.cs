using Edgewise.Dashboard.Snapshots;

namespace Edgewise.Dashboard.Publishing;

/// <summary>Where the dashboard's HTTP side reads snapshots: safe from any thread.</summary>
public interface IDashboardSnapshotSource
{
    /// <summary>The latest snapshot (the empty one, sequence 0, before the first publish).</summary>
    DashboardSnapshot Current { get; }

    /// <summary>Snapshots that could not be built because something threw; the engine went on.</summary>
    long PublishErrors { get; }

    /// <summary>The last such error's message; null when none.</summary>
    string? LastPublishError { get; }

    /// <summary>Completes with the first snapshot whose sequence is greater than <paramref name="sequence"/>.</summary>
    Task<DashboardSnapshot> WaitForNewerAsync(long sequence, CancellationToken ct);
}
