using System.Text.Json.Serialization;

namespace Edgewise.Cli.Replay;

/// <summary>Source-generated JSON for the replay summary (snake_case, indented, stable property order).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ReplaySummary))]
internal sealed partial class SummaryJson : JsonSerializerContext;
