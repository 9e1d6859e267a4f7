using System.Diagnostics;
using System.Globalization;
using System.Text;
using Edgewise.Storage.Store;
using Edgewise.Tests.Reliability;

namespace Edgewise.Tests.Faults;

/// <summary>
/// The fault-injection suite (issue 5): every fault the engine must survive, run as one list, each in its own temporary
/// directory, then a table and the totals printed to the test output: faults injected, recovered, records lost. The
/// suite passes when every scenario ran its own assertions, every fault was recovered from, and no record was lost.
/// Nothing sleeps: feeds and stores wait on manual clocks moved after the state that waits on them is seen, and the
/// kill -9 children are awaited on their own output lines.
/// </summary>
public sealed class FaultInjectionSuite(ITestOutputHelper output)
{
    private static IEnumerable<IFaultScenario> Scenarios()
    {
        // One child per table, killed once the table has grown past the target while the child keeps writing it.
        foreach (var table in StoreReader.Tables)
        {
            yield return new KillMidWriteScenario(table, table switch
            {
                "runs" => 3,
                "positions" => 3,
                "strategy_state" => 3,
                _ => 40,
            });
        }

        yield return new DisconnectStormScenario();
        yield return new BadFramesScenario();
        yield return new SequenceGapScenario();
        yield return new StaleBooksScenario();
        yield return new ClockJumpScenario();
        yield return new StoreLockedScenario();
        yield return new DiskFullScenario();
    }

    [Fact]
    public async Task Suite_EveryFault_RecoveredWithNothingLost()
    {
        EdgewiseChild.SkipUnlessLinux();
        var ct = TestContext.Current.CancellationToken;
        var results = new List<FaultResult>();
        var failures = new List<string>();
        var root = Directory.CreateTempSubdirectory("edgewise-faults-");
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var (scenario, index) in Scenarios().Select((s, i) => (s, i)))
            {
                var directory = Directory.CreateDirectory(Path.Combine(root.FullName, index.ToString(CultureInfo.InvariantCulture))).FullName;
                try
                {
                    results.Add(await scenario.RunAsync(directory, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failures.Add($"{scenario.Name}: {e.GetType().Name}: {e.Message}");
                    results.Add(new FaultResult(scenario.Name, 1, 0, 0, "FAILED: " + e.Message));
                }
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }

        var injected = results.Sum(r => r.Injected);
        var recovered = results.Sum(r => r.Recovered);
        var lost = results.Sum(r => r.RecordsLost);
        output.WriteLine(Table(results));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fault-injection suite: {results.Count} scenarios, faults injected {injected}, recovered {recovered}, records lost {lost} ({clock.Elapsed.TotalSeconds:0.0} s)"));

        Assert.Empty(failures);
        Assert.Equal(injected, recovered);
        Assert.Equal(0, lost);
        Assert.True(injected >= results.Count, "every scenario injects at least one fault");
    }

    private static string Table(IReadOnlyList<FaultResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"fault",-45} {"injected",8} {"recovered",9} {"lost",5}  detail");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Name,-45} {r.Injected,8} {r.Recovered,9} {r.RecordsLost,5}  {r.Detail}");
        }

        return text.ToString();
    }
}
