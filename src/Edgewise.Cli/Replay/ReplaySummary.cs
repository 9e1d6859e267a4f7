namespace Edgewise.Cli.Replay;

/// <summary>
/// What a replay did, in figures that are the same on every run of the same input (timings are printed, not kept here).
/// The totals cover every venue; <see cref="PerVenue"/> breaks them down by venue (those that had frames, by name).
/// </summary>
internal sealed record ReplaySummary(
    string Venue,
    long Frames,
    long Events,
    long BookUpdates,
    long Trades,
    long Quotes,
    int Instruments,
    long Gaps,
    long Resyncs,
    long ChecksumFailures,
    int UnhealthyBooks,
    long MalformedFrames,
    long MalformedLines,
    long ControlFrames,
    long IgnoredFrames,
    long UnroutedFrames,
    IReadOnlyList<VenueReplaySummary> PerVenue,
    string? FirstProblem);
