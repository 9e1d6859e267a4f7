using Edgewise.Cli.Verify;
using Edgewise.Tests.Storage.Store;

namespace Edgewise.Tests.Reliability;

/// <summary>`edgewise verify`'s store row: readable, sound, books reconciling, and what a restart would resume.</summary>
public sealed class StoreCheckTests : IDisposable
{
    private const long Now = 1_800_000_000_000_000_000L;
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-verify-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_NoStoreYet_PassesNamingWhereTheFirstRunCreatesIt()
    {
        var path = Path.Combine(_dir, "data", "edgewise.db");

        var row = StoreCheck.Run(path, Now);

        Assert.Equal(new CheckResult("store", CheckStatus.Pass, $"no store yet at {path}: the first run creates it"), row);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }

    [Fact]
    public async Task Run_FinishedRunThatReconciles_Passes()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        var store = fx.Store.Open();
        store.EndRun(fx.RunId, Now, "duration reached");
        await store.FlushAsync(StoreFixture.Ct);

        var row = StoreCheck.Run(fx.Store.DbPath, Now);

        Assert.Equal(new CheckResult("store", CheckStatus.Pass, $"{fx.Store.DbPath}: 1 run(s), books reconcile"), row);
    }

    [Fact]
    public async Task Run_PositionCostAltered_FailsNamingTheRunAndTheDifference()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        fx.Store.Sql("UPDATE positions SET cost_basis = '601' WHERE symbol = 'BTCUSD';"); // the books say 600

        var row = StoreCheck.Run(fx.Store.DbPath, Now);

        // Cash 459.85 + cost 601 = 1060.85 against deposits 1000 + realized 60 − fees 0.15 = 1059.85: off by 1.
        Assert.Equal(new CheckResult("store", CheckStatus.Fail,
            $"{fx.Store.DbPath} does not reconcile: run {fx.RunId}: portfolio: cash 459.85 + cost basis 601 differs from deposits 1000 + " +
            "realized 60 - fees 0.15 + funding 0 by 1.00"), row);
    }

    [Fact]
    public async Task Run_UnfinishedRun_WarnsWhatTheRestartWillResume()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();

        var row = StoreCheck.Run(fx.Store.DbPath, Now);

        Assert.Equal(new CheckResult("store", CheckStatus.Warn,
            $"{fx.Store.DbPath}: 1 run(s), books reconcile; run {fx.RunId} (test-profile) did not end cleanly: `edgewise run --profile test-profile` " +
            "resumes it with 1 open position(s) and cancels 1 open order(s)"), row);
    }

    [Fact]
    public void Run_NotADatabase_FailsNamingThePath()
    {
        var path = Path.Combine(_dir, "edgewise.db");
        File.WriteAllText(path, "this is not a database, just text long enough to fill a page header ............................");

        var row = StoreCheck.Run(path, Now);

        Assert.Equal(CheckStatus.Fail, row.Status);
        Assert.StartsWith($"{path} is not a readable Edgewise store: ", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_StoreThatDoesNotReconcile_TableShowsFailAndExit1()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        fx.Store.Sql("DELETE FROM fills WHERE symbol = 'ETHUSD';");
        var config = Path.Combine(_dir, "config.json");
        File.WriteAllText(config, $$"""{ "store": { "path": "{{fx.Store.DbPath.Replace("\\", "\\\\", StringComparison.Ordinal)}}" }, "venues": { "kalshi": { "enabled": false }, "coinbase": { "enabled": false }, "kraken": { "enabled": false }, "bitstamp": { "enabled": false }, "binanceUs": { "enabled": false } } }""");
        using var output = new StringWriter();

        var code = await Edgewise.Cli.EdgewiseCli.Build().Parse(["verify", "--config", config])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = output }, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        var text = output.ToString();
        Assert.Contains("FAIL", text, StringComparison.Ordinal);
        Assert.Contains($"run {fx.RunId}: ETHUSD.testvenue: fills' trade cash totals 0, ledger has -100", text, StringComparison.Ordinal);
    }
}
