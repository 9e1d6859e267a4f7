namespace Edgewise.Cli.Backtest;

/// <summary>A parsed settlements file (or none: every field empty when no file was given).</summary>
internal sealed record SettlementData(string? FileName, string? Sha256, IReadOnlyList<RecordedSettlement> Records)
{
    public static SettlementData None { get; } = new(null, null, []);
}
