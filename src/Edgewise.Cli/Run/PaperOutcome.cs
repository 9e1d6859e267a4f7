namespace Edgewise.Cli.Run;

/// <summary>How a paper run ended: its store id, where its files are, why it stopped.</summary>
internal sealed record PaperOutcome(long RunId, string OutDirectory, string ResultsPath, string ExitReason);
