namespace Edgewise.Cli.Replay;

/// <summary>One venue's part of a replay: frames its parser was given, its events, and its book sync's verdicts.</summary>
internal sealed record VenueReplaySummary(
    string Venue,
    long Frames,
    long BookUpdates,
    long Trades,
    long Quotes,
    int Instruments,
    long Gaps,
    long Resyncs,
    long ChecksumFailures,
    int UnhealthyBooks,
    long MalformedFrames);
