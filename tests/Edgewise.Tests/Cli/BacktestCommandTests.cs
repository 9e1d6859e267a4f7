using Edgewise.Cli;
using Edgewise.TestKit;

namespace Edgewise.Tests.Cli;

public sealed class BacktestCommandTests : IDisposable
{
    private readonly BacktestFiles _files = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        _files.Dispose();
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public void Backtest_MissingDataFile_OneErrorLineNamingThePathAndExit1()
    {
        var missing = Path.Combine(_files.Directory, "no-such-tob.jsonl");

        var code = Invoke("backtest", "--profile", "kalshi-btc-v6", "--data", missing, "--out", Path.Combine(_files.Directory, "out"));

        Assert.Equal(1, code);
        Assert.Equal($"edgewise backtest: data file not found: {missing}{Environment.NewLine}", _err.ToString());
        Assert.False(Directory.Exists(Path.Combine(_files.Directory, "out")));
    }

    [Fact]
    public void Backtest_MissingSettlementsFile_OneErrorLineNamingThePathAndExit1()
    {
        var tob = _files.Tob(("2026-02-02T07:45:00", "KXBTC15M-26FEB020300-00", 100_000m, 0.5m, 0.52m));
        var missing = Path.Combine(_files.Directory, "no-such-settlements.json");

        var code = Invoke("backtest", "--profile", "kalshi-btc-v6", "--data", tob, "--settlements", missing);

        Assert.Equal(1, code);
        Assert.Equal($"edgewise backtest: settlements file not found: {missing}{Environment.NewLine}", _err.ToString());
    }

    [Fact]
    public void Backtest_UnknownProfileName_SaysWhereItLooked()
    {
        var code = Invoke("backtest", "--profile", "kalshi-btc-v99", "--data", "x.jsonl");

        Assert.Equal(1, code);
        Assert.StartsWith("edgewise backtest: profile 'kalshi-btc-v99' not found: no profiles/kalshi-btc-v99.json in", _err.ToString(), StringComparison.Ordinal);
        Assert.Single(_err.ToString().TrimEnd().Split('\n'));
    }

    [Fact]
    public void Backtest_ProfileWithAMisspeltKey_ErrorNamesTheKey()
    {
        var profile = _files.Write("p.json", """{ "name": "p", "description": "d", "sizing": { "base_dollars": 10 } }""");

        var code = Invoke("backtest", "--profile", profile, "--data", "x.jsonl");

        Assert.Equal(1, code);
        Assert.Equal($"edgewise backtest: {profile}: unknown key 'sizing.base_dollars'{Environment.NewLine}", _err.ToString());
    }

    [Fact]
    public void Backtest_SmallFile_PrintsTheSummaryAndWritesReportSummaryAndDecisions()
    {
        var tob = _files.Tob(
            ("2026-02-02T07:44:40", "KXBTC15M-26FEB020245-45", 100_000m, 0m, 0.01m),
            ("2026-02-02T07:45:00", "KXBTC15M-26FEB020300-00", 100_000m, 0.49m, 0.51m),
            ("2026-02-02T07:46:00", "KXBTC15M-26FEB020300-00", 100_200m, 0.53m, 0.55m),
            ("2026-02-02T07:59:50", "KXBTC15M-26FEB020300-00", 100_300m, 0.99m, 1m));
        var settlements = _files.Settlements(("KXBTC15M-26FEB020300-00", "2026-02-02T08:00:00Z", "yes"));
        var outDir = Path.Combine(_files.Directory, "out");

        var code = Invoke("backtest", "--profile", "kalshi-btc-v2", "--data", tob, "--settlements", settlements, "--out", outDir);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, _err.ToString());
        var printed = _out.ToString();
        Assert.Contains("profile              kalshi-btc-v2", printed, StringComparison.Ordinal);
        Assert.Contains("settlements          1 recorded, 1 inferred, 0 unsettled", printed, StringComparison.Ordinal);
        Assert.Contains("verified             1 trades, 1 wins (100.0%)", printed, StringComparison.Ordinal);
        Assert.Contains("fair value, recorded 1 markets", printed, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "report.md")));
        Assert.Contains("\"name\": \"kalshi-btc-v2\"", File.ReadAllText(Path.Combine(outDir, "summary.json")), StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"entry\"", File.ReadAllText(Path.Combine(outDir, "decisions.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_RealFilesTwice_SummaryJsonIsByteIdentical()
    {
        var (tob, settlements) = BacktestFiles.RealOrSkip();
        var a = Path.Combine(_files.Directory, "a");
        var b = Path.Combine(_files.Directory, "b");

        Assert.Equal(0, Invoke("backtest", "--profile", "kalshi-btc-v10", "--data", tob, "--settlements", settlements, "--out", a));
        Assert.Equal(0, Invoke("backtest", "--profile", "kalshi-btc-v10", "--data", tob, "--settlements", settlements, "--out", b));

        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "summary.json")), File.ReadAllBytes(Path.Combine(b, "summary.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "report.md")), File.ReadAllBytes(Path.Combine(b, "report.md")));
        Assert.Contains("Brier model", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _err.ToString());
        _ = SharedData.RepositoryRoot;
    }

    private int Invoke(params string[] args) =>
        EdgewiseCli.Build().Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = _out, Error = _err });
}
