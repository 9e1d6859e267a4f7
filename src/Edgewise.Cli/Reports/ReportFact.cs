namespace Edgewise.Cli.Reports;

/// <summary>A labelled line of the report's header ("profile", "started", "exit reason"), already formatted as text.</summary>
internal sealed record ReportFact(string Label, string Value);
