// The pre-flight check of the store (store.path): can it be read, is the file sound (SQLite quick_check), and do the
// books of every run reconcile (StoreReader.CheckConsistency: ledger sequence and balances, cash + cost basis against
// deposits + realized − fees + funding, fills against positions and orders). A problem is a FAIL naming the run and the
// first difference. A run that never ended is what `edgewise run` will resume: its journal must replay (else FAIL, the
// run would refuse to start), and the row says so as a WARN with its open positions and orders. A missing file passes:
// the first run creates it. A store another process has locked is a WARN (a run is going). Nothing is written.
using System.Globalization;
using Edgewise.Cli.Recovery;
using Edgewise.Storage.Store;
using Microsoft.Data.Sqlite;

namespace Edgewise.Cli.Verify;

internal static class StoreCheck
{
    public const string Name = "store";

    public static CheckResult Run(string storePath, long nowNs)
    {
        var path = Path.GetFullPath(storePath);
        if (!File.Exists(path))
        {
            return new CheckResult(Name, CheckStatus.Pass, $"no store yet at {path}: the first run creates it");
        }

        try
        {
            using var reader = StoreReader.Open(path);
            var structural = reader.QuickCheck();
            if (structural.Count > 0)
            {
                return new CheckResult(Name, CheckStatus.Fail, $"{path} is damaged: {structural[0]}{More(structural.Count)}");
            }

            var runs = reader.LoadRuns();
            var problems = runs.SelectMany(r => reader.CheckConsistency(r.Id).Problems.Select(p => $"run {r.Id}: {p}")).ToList();
            if (problems.Count > 0)
            {
                return new CheckResult(Name, CheckStatus.Fail, $"{path} does not reconcile: {problems[0]}{More(problems.Count)}");
            }

            var summary = string.Create(CultureInfo.InvariantCulture, $"{path}: {runs.Count} run(s), books reconcile");
            return runs.LastOrDefault(static r => r.StoppedAt is null) is { } unfinished
                ? Unfinished(reader, unfinished, summary, nowNs)
                : Locked(path, summary) ?? new CheckResult(Name, CheckStatus.Pass, summary);
        }
        catch (Exception e) when (e is SqliteException or StoreSchemaException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new CheckResult(Name, CheckStatus.Fail, $"{path} is not a readable Edgewise store: {e.Message}");
        }
    }

    /// <summary>The run a restart resumes: FAIL when its journal does not replay, else WARN saying what will be taken over.</summary>
    private static CheckResult Unfinished(StoreReader reader, RunInfo run, string summary, long nowNs)
    {
        try
        {
            var plan = RunRecovery.Plan(reader, new RecoveryRequest(run.Profile, run.ConfigHash, NewRun: false, nowNs));
            var open = plan.Portfolio.Positions.Count(static p => !p.IsFlat);
            var differences = plan.Differences.Count == 0 ? string.Empty : $"; {plan.Differences.Count} difference(s), first: {plan.Differences[0]}";
            var state = StoreRunLock.IsHeldElsewhere(reader.Path) ? "is still running (another process holds the store's lock)" : "did not end cleanly";
            return new CheckResult(Name, CheckStatus.Warn, string.Create(CultureInfo.InvariantCulture,
                $"{summary}; run {run.Id} ({run.Profile}) {state}: `edgewise run --profile {run.Profile}` resumes it with {open} open position(s) and cancels {plan.CanceledOrders.Count} open order(s){differences}"));
        }
        catch (RecoveryException e)
        {
            return new CheckResult(Name, CheckStatus.Fail, $"{summary}; run {run.Id} cannot be resumed: {e.Message}");
        }
    }

    /// <summary>A WARN when another process holds the store's run lock, else null.</summary>
    private static CheckResult? Locked(string path, string summary) => StoreRunLock.IsHeldElsewhere(path)
        ? new CheckResult(Name, CheckStatus.Warn, $"{summary}; in use by another edgewise process (lock {path}.lock)")
        : null;

    private static string More(int count) => count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{count - 1} more)") : string.Empty;
}
