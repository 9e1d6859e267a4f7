namespace Edgewise.Cli.Record;

/// <summary>What `edgewise record` will do: which venues with which symbols, written where.</summary>
internal sealed record RecordPlan(IReadOnlyList<RecordVenue> Venues, string OutDirectory);
