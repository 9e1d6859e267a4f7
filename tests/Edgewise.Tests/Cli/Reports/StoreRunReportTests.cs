using Edgewise.Cli.Reports;
using Edgewise.Core.Orders;
using Edgewise.Storage.Store;
using static Edgewise.Tests.Cli.Reports.ReportStore;

namespace Edgewise.Tests.Cli.Reports;

public sealed class StoreRunReportTests : IDisposable
{
    private readonly ReportStore _store = new();

    public void Dispose() => _store.Dispose();

    // Four trades, multiplier 1, after a 100.00 deposit:
    //  1 alpha A: buy 10 @ 0.40 (fee 0.17), sell 10 @ 0.60 (fee 0.17): -4.00 + 6.00 - 0.34 = +1.66, closed by an order
    //  2 beta  B: buy 20 @ 0.50 (fee 0.35), settles at 0 (payout 0):    -10.00 - 0.35      = -10.35
    //  3 alpha A: buy 5 @ 0.30 (fee 0.08), settles at 1 (payout 5.00):  -1.50 + 5.00 - 0.08 = +3.42
    //  4 alpha C: buy 4 @ 0.25 (fee 0.05), still open: no P&L, fee counted.
    // Curve 0 → 1.66 → -8.69 → -5.27; peak 1.66, so drawdowns 0, 0, 10.35, 6.93 and max drawdown 10.35.
    // P&L after fees -5.27; fees 0.17+0.17+0.35+0.08+0.05 = 0.82; 2 wins of 3 closed = 66.7%.
    private async Task<long> WriteScenarioAsync(string alpha = "alpha", string profile = "kalshi-btc-v6")
    {
        _store.Deposit(100m, T0);
        _store.Fill(alpha, A, OrderSide.Buy, 10m, 0.40m, 0.17m, T0 + (60 * Second));
        _store.Fill(alpha, A, OrderSide.Sell, 10m, 0.60m, 0.17m, T0 + (120 * Second));
        _store.Fill("beta", B, OrderSide.Buy, 20m, 0.50m, 0.35m, T0 + (180 * Second));
        _store.Payout(B, 0m, T0 + (240 * Second));
        _store.Fill(alpha, A, OrderSide.Buy, 5m, 0.30m, 0.08m, T0 + (300 * Second));
        _store.Payout(A, 5m, T0 + (360 * Second));
        _store.Fill(alpha, C, OrderSide.Buy, 4m, 0.25m, 0.05m, T0 + (420 * Second));
        return await _store.WriteAsync(profile, "sha256:cafe", T0 + (600 * Second), "stopped by operator",
        [
            Position(A, 0m, 5.5m, 0.42m),
            Position(B, 0m, -10m, 0.35m),
            Position(C, 4m, 0m, 0.05m),
        ]);
    }

    private RunReport Build(long run)
    {
        using var reader = StoreReader.Open(_store.DbPath);
        return StoreRunReport.Build(reader, run)!;
    }

    [Fact]
    public async Task Build_HandFilledStore_TradesPnlFeesAndDrawdownMatchHandComputedValues()
    {
        var report = Build(await WriteScenarioAsync());

        Assert.Equal([1.66m, -10.35m, 3.42m, null], report.Trades.Select(static t => t.NetPnl));
        Assert.Equal([StoreTradeBuilder.ClosingOrder, StoreTradeBuilder.Settlement, StoreTradeBuilder.Settlement, StoreTradeBuilder.Open],
            report.Trades.Select(static t => t.EndedBy));
        Assert.Equal([0.40m, 0.50m, 0.30m, 0.25m], report.Trades.Select(static t => t.EntryPrice));
        Assert.Equal([0.60m, 0m, 1m, null], report.Trades.Select(static t => t.ExitPrice));
        Assert.Equal(-5.27m, report.Recorded.Pnl);
        Assert.Equal(0.82m, report.FeesPaid);
        Assert.Equal(10.35m, report.MaxDrawdown);
        Assert.Equal((4, 3, 2), (report.Recorded.Trades, report.Recorded.Closed, report.Recorded.Wins));
        Assert.Equal([0m, 1.66m, -8.69m, -5.27m, -5.27m], report.EquityCurve.Select(static p => p.Equity));
        Assert.Equal([0m, 0m, 10.35m, 6.93m, 6.93m], report.EquityCurve.Select(static p => p.Drawdown));
        Assert.Equal(T0 + (600 * Second), report.EquityCurve[^1].TsNs);
        // alpha: trades 1, 3 (closed, both wins: 1.66 + 3.42 = 5.08) and 4 (open); fees 0.34 + 0.08 + 0.05 = 0.47.
        Assert.Equal(
            [new ReportGroup("alpha", 3, 2, 2, 5.08m, 0.47m), new ReportGroup("beta", 1, 1, 0, -10.35m, 0.35m)],
            report.ByStrategy);
        Assert.Equal(
            [
                new ReportGroup(StoreTradeBuilder.ClosingOrder, 1, 1, 1, 1.66m, 0.34m),
                new ReportGroup(StoreTradeBuilder.Open, 1, 0, 0, 0m, 0.05m),
                new ReportGroup(StoreTradeBuilder.Settlement, 2, 2, 1, -6.93m, 0.43m),
            ],
            report.ByExitReason);
    }

    [Fact]
    public async Task Render_HandFilledStore_HtmlShowsTheFiguresProfileAndExitReason()
    {
        var html = HtmlReportWriter.Render(Build(await WriteScenarioAsync()));

        Assert.Contains("<div class=\"k\">P&amp;L after fees</div><div class=\"v neg\">-5.27</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"k\">fees paid</div><div class=\"v\">0.82</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"k\">max drawdown</div><div class=\"v neg\">10.35</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"k\">win rate</div><div class=\"v\">66.7%</div>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>profile</th><td>kalshi-btc-v6</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>configuration hash</th><td>sha256:cafe</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>exit reason</th><td>stopped by operator</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>started</th><td>2026-02-02 08:00:00.000Z</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("The store does not record why a strategy exited a trade", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HostileStrategyAndProfileNames_AreEscaped()
    {
        const string hostile = "<script>alert(\"x\")</script>&'";
        var html = HtmlReportWriter.Render(Build(await WriteScenarioAsync(alpha: hostile, profile: hostile)));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteForRun_SameRunTwice_IdenticalBytes()
    {
        var run = await WriteScenarioAsync();
        var first = Path.Combine(_store.Directory, "a", "report.html");
        var second = Path.Combine(_store.Directory, "b", "report.html");

        Assert.True(RunReportFiles.WriteForRun(_store.DbPath, run, first).Written);
        Assert.True(RunReportFiles.WriteForRun(_store.DbPath, run, second).Written);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(HtmlReportWriter.Render(Build(run)), HtmlReportWriter.Render(Build(run)));
    }

    [Fact]
    public async Task Build_RunNotStopped_SaysSoAndEndsTheCurveAtTheLastEvent()
    {
        _store.Fill("alpha", A, OrderSide.Buy, 1m, 0.5m, 0m, T0 + Second);
        var run = await _store.WriteAsync("paper", "h", stoppedAt: null, exitReason: null);

        var report = Build(run);

        Assert.Contains(report.Facts, static f => f is { Label: "exit reason", Value: "not recorded" });
        Assert.Contains(report.Facts, static f => f.Label == "stopped" && f.Value.StartsWith("not recorded", StringComparison.Ordinal));
        Assert.Equal(T0 + Second, report.EquityCurve[^1].TsNs);
        Assert.Equal(0m, report.MaxDrawdown);
    }

    [Fact]
    public async Task Render_RunWithoutTrades_SaysNoTradesWithAFlatCurve()
    {
        var run = await _store.WriteAsync("paper", "h", T0 + (10 * Second), "end of data");

        var report = Build(run);
        var html = HtmlReportWriter.Render(report);

        Assert.Empty(report.Trades);
        Assert.Equal([0m, 0m], report.EquityCurve.Select(static p => p.Equity));
        Assert.Equal(0m, report.MaxDrawdown);
        Assert.Contains("<h2>Trades</h2>\n<p>No trades.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"k\">win rate</div><div class=\"v\">n/a</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteForRun_FileIsNotADatabase_OneLineNotAThrow()
    {
        File.WriteAllText(_store.DbPath, "this is not a database, just text long enough to fill a header page......");

        var result = RunReportFiles.WriteForRun(_store.DbPath, 1, Path.Combine(_store.Directory, "r.html"));

        Assert.False(result.Written);
        Assert.StartsWith($"store {_store.DbPath} unreadable: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteForRun_UnknownRun_OneLineNamingTheRun()
    {
        await WriteScenarioAsync();

        var result = RunReportFiles.WriteForRun(_store.DbPath, 99, Path.Combine(_store.Directory, "r.html"));

        Assert.False(result.Written);
        Assert.Equal($"run 99 not found in {_store.DbPath}", result.Error);
        Assert.False(File.Exists(Path.Combine(_store.Directory, "r.html")));
    }
}
