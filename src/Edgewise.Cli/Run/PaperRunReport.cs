// Every paper run and demo leaves an HTML report of itself: report.html in the run's output folder, built from the
// store after the session has closed it (the same report `edgewise report RUN_ID` writes).
using Edgewise.Cli.Reports;

namespace Edgewise.Cli.Run;

internal static class PaperRunReport
{
    public const string FileName = "report.html";

    public static ReportWriteResult Write(string storePath, PaperOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return RunReportFiles.WriteForRun(storePath, outcome.RunId, Path.Combine(outcome.OutDirectory, FileName));
    }

    /// <summary>The line that tells the user where the report is, or why there is none.</summary>
    public static string Line(ReportWriteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Written ? $"report: {result.Path}" : $"report: not written ({result.Error})";
    }
}
