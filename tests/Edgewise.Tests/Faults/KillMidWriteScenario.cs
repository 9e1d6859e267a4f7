using Edgewise.Tests.Reliability;

namespace Edgewise.Tests.Faults;

/// <summary>
/// kill -9 of a child (`edgewise store-soak`, a paper engine trading through the write-behind store in transactions of
/// at most 8 records) once the table has grown past <c>target</c> rows while the child keeps writing it; then the store
/// must pass quick_check and every run's consistency report, hold every row the child had reported durable, and a
/// restarted child must resume the crashed run (its open orders canceled, no difference between journal and snapshots),
/// trade on and stop cleanly, leaving no unfinished run, no open order and nothing lost or doubled.
/// </summary>
internal sealed class KillMidWriteScenario(string table, long target) : IFaultScenario
{
    public string Name => $"kill -9 while writing {table}";

    public async Task<FaultResult> RunAsync(string directory, CancellationToken ct)
    {
        var store = Path.Combine(directory, $"{table}.db");
        // Runs are written at a run's start and end only, so that child starts a new run every 12 steps.
        string[] rotate = table == "runs" ? ["--run-every", "12"] : [];
        Dictionary<string, long> reported;
        await using (var child = EdgewiseChild.Start(directory, ["store-soak", "--store", store, "--flush-every", "4", .. rotate]))
        {
            await child.WaitForLineAsync(l => DurableLine.TryParse(l, out var counts) && counts[table] >= target, $"{table} at {target} durable rows");
            child.KillHard();
            Assert.Equal(128 + 9, await child.WaitForExitAsync());
            reported = DurableLine.Last(child.Lines);
        }

        var crashed = StoreAudit.Of(store);
        Assert.True(crashed.IsClean, $"after the kill: {crashed}");
        var lost = crashed.LostAgainst(reported);

        string resumedLine;
        await using (var again = EdgewiseChild.Start(directory, ["store-soak", "--store", store, "--steps", "12", "--flush-every", "4", .. rotate]))
        {
            resumedLine = await again.WaitForLineAsync(l => l.StartsWith("soak: resumed run", StringComparison.Ordinal) ||
                                                             l.StartsWith("soak: started run", StringComparison.Ordinal), "the restart's first line");
            Assert.Equal(0, await again.WaitForExitAsync());
            if (table != "runs")
            {
                Assert.StartsWith("soak: resumed run 1 ", resumedLine, StringComparison.Ordinal); // the one run, killed unfinished
            }

            Assert.DoesNotContain(again.Lines, l => l.StartsWith("soak: difference", StringComparison.Ordinal));
        }

        var restarted = StoreAudit.Of(store);
        Assert.True(restarted.IsClean, $"after the restart: {restarted}");
        Assert.Empty(restarted.UnfinishedRuns);
        Assert.Equal(0, restarted.OpenOrders);
        lost += restarted.LostAgainst(crashed.Counts);
        return new FaultResult(Name, 1, 1, lost,
            $"killed with {table}={crashed.Counts[table]} (reported {reported[table]}); restart: {resumedLine}");
    }
}
