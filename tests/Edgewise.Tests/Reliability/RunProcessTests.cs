using System.Text.Json;
using Edgewise.Storage.Store;
using Edgewise.Tests.Faults;
using Microsoft.Data.Sqlite;

namespace Edgewise.Tests.Reliability;

/// <summary>
/// `edgewise run` as a real child process (the built CLI), stopped by signals and by kill -9, its store checked after
/// each stop the way a restart reads it. The fake Kalshi runs in this process; nothing waits on time except for lines the
/// child prints (and the child's exit).
/// </summary>
public sealed class RunProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-run-process-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_OneSignal_OrderlyShutdownEndsTheRunAndWritesResults()
    {
        EdgewiseChild.SkipUnlessLinux();
        await using var setup = await PaperRunSetup.CreateAsync(_dir);
        await using var child = await setup.StartRunAsync();
        var signal = PaperRunSetup.StopSignal(child);

        await child.SignalAsync(signal);

        Assert.Equal(0, await child.WaitForExitAsync());
        Assert.Contains($"err: edgewise: SIG{signal}: shutting down in order (send it again to exit at once)", child.Lines);
        Assert.Contains(child.Lines, l => l.StartsWith("edgewise run: stopped (canceled); results in ", StringComparison.Ordinal));
        using (var results = JsonDocument.Parse(File.ReadAllText(setup.ResultsPath)))
        {
            Assert.Equal(("Halted", "shutdown"), (results.RootElement.GetProperty("trading_state").GetString(), results.RootElement.GetProperty("trading_state_reason").GetString()));
        }

        var audit = setup.Audit();
        Assert.True(audit.IsClean, audit.ToString());
        Assert.Empty(audit.UnfinishedRuns);
        using var reader = setup.Reader();
        Assert.Equal("canceled", reader.LoadLastRun()!.ExitReason);
    }

    [Fact]
    public async Task Run_SecondSignalWhileTheShutdownWaitsOnALockedStore_ExitsAtOnceStoreIntactAndResumable()
    {
        EdgewiseChild.SkipUnlessLinux();
        await using var setup = await PaperRunSetup.CreateAsync(_dir);
        string signal;
        await using (var child = await setup.StartRunAsync())
        {
            signal = PaperRunSetup.StopSignal(child);
            using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = setup.StorePath, Pooling = false }.ToString());
            other.Open();
            using (var holder = other.BeginTransaction(deferred: false)) // the store's write lock: the shutdown's last records cannot commit
            {
                await child.SignalAsync(signal);
                await child.WaitForAsync("shutting down in order");
                await child.SignalAsync(signal);

                // Killed by the signal's default action: 128 + 2 (SIGINT) or 128 + 15 (SIGTERM). An orderly exit (0) is
                // impossible while the lock is held, because the shutdown waits for its run-end record to commit.
                Assert.Equal(signal == "INT" ? 130 : 143, await child.WaitForExitAsync());
                Assert.Contains($"err: edgewise: second signal (SIG{signal}): exiting at once", child.Lines);
                Assert.DoesNotContain(child.Lines, l => l.StartsWith("edgewise run: stopped", StringComparison.Ordinal));
                holder.Rollback();
            }
        }

        var audit = setup.Audit();
        Assert.True(audit.IsClean, audit.ToString());
        Assert.Equal([1L], audit.UnfinishedRuns); // the run-end record never committed: a restart resumes the run
        await using (var again = await setup.StartRunAsync())
        {
            await again.WaitForAsync("recovery: resuming run 1 ");
            await again.SignalAsync(signal);
            Assert.Equal(0, await again.WaitForExitAsync());
        }

        Assert.Empty(setup.Audit().UnfinishedRuns);
    }

    [Fact]
    public async Task Run_KilledAndRestarted_ShowsTheSamePositionsAndLedger()
    {
        EdgewiseChild.SkipUnlessLinux();
        await using var setup = await PaperRunSetup.CreateAsync(_dir);
        // A paper run of kalshi-btc-v6 that traded and was killed: store-soak trades through the same engine, recorder and
        // store, labelled with that profile (the strategy itself has nothing to trade on without an index feed).
        await using (var soak = EdgewiseChild.Start(_dir, "store-soak", "--store", setup.StorePath, "--profile", PaperRunSetup.Profile,
                         "--profile-sha256", PaperRunSetup.ProfileSha256, "--flush-every", "4"))
        {
            await soak.WaitForLineAsync(l => DurableLine.TryParse(l, out var counts) && counts["fills"] >= 30, "30 durable fills");
            soak.KillHard();
            await soak.WaitForExitAsync();
        }

        var crashed = Books(setup);
        Assert.Contains(crashed.Positions, p => p.NetQuantity.Raw != 0);

        // First restart: resumes the run (its open orders canceled), then is killed -9 itself.
        string[] firstRecovery;
        await using (var first = await setup.StartRunAsync())
        {
            firstRecovery = Recovery(first);
            first.KillHard();
            Assert.Equal(137, await first.WaitForExitAsync());
        }

        Assert.Matches(@"^recovery: resuming run 1 \(started .*\): \d+ open position\(s\), cash -?[\d.]+, .* \d+ open order\(s\) canceled, 0 difference\(s\)$", firstRecovery[0]);
        Assert.Equal(crashed.Positions, Books(setup).Positions);
        Assert.Equal(crashed.Ledger, Books(setup).Ledger);

        // Second restart: the same books again, nothing left to cancel; stopped in order, its results show them.
        string[] secondRecovery;
        await using (var second = await setup.StartRunAsync())
        {
            secondRecovery = Recovery(second);
            await second.SignalAsync(PaperRunSetup.StopSignal(second));
            Assert.Equal(0, await second.WaitForExitAsync());
        }

        Assert.Equal(firstRecovery.Where(l => l.StartsWith("recovery: position", StringComparison.Ordinal)),
            secondRecovery.Where(l => l.StartsWith("recovery: position", StringComparison.Ordinal)));
        Assert.Contains(" 0 open order(s) canceled, 0 difference(s)", secondRecovery[0], StringComparison.Ordinal);
        var after = Books(setup);
        Assert.Equal(crashed.Positions, after.Positions);
        Assert.Equal(crashed.Ledger, after.Ledger);
        using var results = JsonDocument.Parse(File.ReadAllText(setup.ResultsPath));
        var root = results.RootElement;
        Assert.Equal(1, root.GetProperty("recovery").GetProperty("resumed_run_id").GetInt64());
        Assert.Equal(crashed.Ledger[^1].Entry.BalanceAfter, decimal.Parse(root.GetProperty("cash").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            crashed.Positions.Select(p => (p.Instrument.ToString(), p.NetQuantity.ToDecimal(), p.CostBasis)).OrderBy(p => p.Item1, StringComparer.Ordinal),
            root.GetProperty("positions").EnumerateArray().Select(p => (p.GetProperty("instrument").GetString()!,
                decimal.Parse(p.GetProperty("quantity").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(p.GetProperty("cost_basis").GetString()!, System.Globalization.CultureInfo.InvariantCulture))));
        var audit = setup.Audit();
        Assert.True(audit.IsClean, audit.ToString());
        Assert.Equal(0, audit.OpenOrders);
    }

    /// <summary>The recovery lines a run printed before its loop started.</summary>
    private static string[] Recovery(EdgewiseChild child) =>
        [.. child.Lines.Where(l => l.StartsWith("recovery: ", StringComparison.Ordinal))];

    private static (IReadOnlyList<PositionRecord> Positions, IReadOnlyList<LedgerEntryRecord> Ledger) Books(PaperRunSetup setup)
    {
        using var reader = setup.Reader();
        return (reader.LoadPositions(1), reader.LoadLedger(1));
    }
}
