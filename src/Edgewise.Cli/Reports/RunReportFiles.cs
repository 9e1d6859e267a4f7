// The one call `edgewise report`, paper runs and the demo make to write a stored run's HTML report. Expected
// failures (no store at the path, a store from a newer schema or not a database, no such run) come back as one line, never thrown.
using System.Globalization;
using Edgewise.Storage.Store;
using Microsoft.Data.Sqlite;

namespace Edgewise.Cli.Reports;

internal static class RunReportFiles
{
    /// <summary>Writes the report of run <paramref name="runId"/> in the store at <paramref name="storePath"/> to <paramref name="outPath"/>.</summary>
    public static ReportWriteResult WriteForRun(string storePath, long runId, string outPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        ArgumentException.ThrowIfNullOrEmpty(outPath);
        var full = Path.GetFullPath(storePath);
        if (!File.Exists(full))
        {
            return ReportWriteResult.Failed($"store not found: {full}");
        }

        RunReport? report;
        try
        {
            using var reader = StoreReader.Open(full);
            report = StoreRunReport.Build(reader, runId);
        }
        catch (StoreSchemaException ex)
        {
            return ReportWriteResult.Failed(ex.Message);
        }
        catch (SqliteException ex)
        {
            return ReportWriteResult.Failed($"store {full} unreadable: {ex.Message}");
        }

        if (report is null)
        {
            return ReportWriteResult.Failed(string.Create(CultureInfo.InvariantCulture, $"run {runId} not found in {full}"));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        HtmlReportWriter.Write(outPath, report);
        return ReportWriteResult.Ok(outPath) with { Report = report };
    }
}
