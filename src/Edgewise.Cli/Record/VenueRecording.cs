namespace Edgewise.Cli.Record;

/// <summary>What one venue's recorder wrote: frames, files in order, and frames it could not write after a failure.</summary>
internal sealed record VenueRecording(string Venue, long Frames, IReadOnlyList<string> Files, long FramesNotWritten);
