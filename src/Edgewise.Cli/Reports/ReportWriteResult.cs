namespace Edgewise.Cli.Reports;

/// <summary>What writing a run's report came to: the file written, or one line saying why nothing was.</summary>
internal sealed record ReportWriteResult(bool Written, string? Path, string? Error)
{
    public static ReportWriteResult Ok(string path) => new(true, path, null);

    public static ReportWriteResult Failed(string error) => new(false, null, error);
}
