using System.Globalization;
using Edgewise.Storage.Store;

namespace Edgewise.Tests.Faults;

/// <summary>
/// What a store holds after a fault, checked the way a restart would: SQLite's quick_check, the row count of every
/// table, every run's consistency report (ledger vs positions and cash, fills vs positions and orders), and which runs
/// never ended and which orders are still open.
/// </summary>
internal sealed record StoreAudit(
    IReadOnlyList<string> StructuralProblems,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<string> ConsistencyProblems,
    IReadOnlyList<long> UnfinishedRuns,
    int OpenOrders)
{
    public bool IsClean => StructuralProblems.Count == 0 && ConsistencyProblems.Count == 0;

    public static StoreAudit Of(string path)
    {
        using var reader = StoreReader.Open(path);
        var problems = new List<string>();
        var runs = reader.LoadRuns();
        foreach (var run in runs)
        {
            problems.AddRange(reader.CheckConsistency(run.Id).Problems.Select(p => string.Create(CultureInfo.InvariantCulture, $"run {run.Id}: {p}")));
        }

        return new StoreAudit(reader.QuickCheck(), reader.CountRows(), problems,
            [.. runs.Where(r => r.StoppedAt is null).Select(r => r.Id)], reader.LoadOpenOrders().Count);
    }

    /// <summary>Rows reported durable that are not in the store (counts only grow: every table is append or upsert).</summary>
    public long LostAgainst(IReadOnlyDictionary<string, long> reported) =>
        reported.Sum(kv => Math.Max(0, kv.Value - Counts.GetValueOrDefault(kv.Key)));

    public override string ToString() =>
        $"counts {string.Join(' ', Counts.Select(kv => $"{kv.Key}={kv.Value}"))}; structural [{string.Join("; ", StructuralProblems)}]; " +
        $"consistency [{string.Join("; ", ConsistencyProblems)}]; unfinished runs [{string.Join(",", UnfinishedRuns)}]; open orders {OpenOrders}";
}
