namespace Edgewise.Cli.Reports;

/// <summary>What writing a run's report came to: the file written, or one line saying why nothing was.</summary>
internal sealed record ReportWriteResult(bool Written, string? Path, string? Error)
{
    /// <summary>The report written (its trades and totals, for a summary line); null when none was.</summary>
    public RunReport? Report { get; init; }

    public static ReportWriteResult Ok(string path) => new(true, path, null);

    public static ReportWriteResult Failed(string error) => new(false, null, error);
}
