namespace Edgewise.Cli.Record;

/// <summary>How a recording ended: what each venue wrote, and the error that stopped it (null for a normal stop).</summary>
internal sealed record RecordOutcome(IReadOnlyList<VenueRecording> Venues, string? Error);
