using System.CommandLine;
using Edgewise.Cli;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Reports;

namespace Edgewise.Tests.Cli.Reports;

public sealed class BacktestHtmlReportTests : IDisposable
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
    public void Backtest_SmallFile_WritesReportHtmlWithTheProfileAndTheVerifiedFigures()
    {
        var tob = _files.Tob(
            ("2026-02-02T07:44:40", "KXBTC15M-26FEB020245-45", 100_000m, 0m, 0.01m),
            ("2026-02-02T07:45:00", "KXBTC15M-26FEB020300-00", 100_000m, 0.49m, 0.51m),
            ("2026-02-02T07:46:00", "KXBTC15M-26FEB020300-00", 100_200m, 0.53m, 0.55m),
            ("2026-02-02T07:59:50", "KXBTC15M-26FEB020300-00", 100_300m, 0.99m, 1m));
        var settlements = _files.Settlements(("KXBTC15M-26FEB020300-00", "2026-02-02T08:00:00Z", "yes"));
        var outDir = Path.Combine(_files.Directory, "out");

        Assert.Equal(0, Invoke("backtest", "--profile", "kalshi-btc-v2", "--data", tob, "--settlements", settlements, "--out", outDir));

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        // The same run through the library: the HTML must carry the figures BacktestStatistics computes for report.md.
        var profile = ProfileLocator.Load("kalshi-btc-v2", Directory.GetCurrentDirectory());
        var result = BacktestRunner.Run(profile, TobFile.Read(tob), SettlementFile.Read(settlements));
        var stats = BacktestStatistics.From(result);
        var report = BacktestRunReport.Build(result, stats);
        Assert.Equal(HtmlReportWriter.Render(report), html);
        Assert.Equal(stats.Verified.Pnl, report.Recorded.Pnl);
        Assert.Equal(1, report.Recorded.Wins);
        Assert.Equal(result.Trades.Sum(static t => t.Fees), report.FeesPaid);
        Assert.Contains("<title>Backtest: kalshi-btc-v2</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><th>profile sha256</th><td>{profile.Sha256}</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("settlement (recorded)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_RealFiles_WritesADeterministicReportHtml()
    {
        var (tob, settlements) = BacktestFiles.RealOrSkip();
        var outDir = Path.Combine(_files.Directory, "real");

        Assert.Equal(0, Invoke("backtest", "--profile", "kalshi-btc-v10", "--data", tob, "--settlements", settlements, "--out", outDir));

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        var result = BacktestRunner.Run(ProfileLocator.Load("kalshi-btc-v10", Directory.GetCurrentDirectory()), TobFile.Read(tob), SettlementFile.Read(settlements));
        Assert.Equal(HtmlReportWriter.Render(BacktestRunReport.Build(result, BacktestStatistics.From(result))), html);
        Assert.Contains("<h2>By exit reason</h2>", html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _err.ToString());
    }

    private int Invoke(params string[] args) =>
        EdgewiseCli.Build().Parse(args).Invoke(new InvocationConfiguration { Output = _out, Error = _err });
}
