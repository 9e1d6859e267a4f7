using System.CommandLine;
using System.Text.Json;
using Edgewise.Cli;
using Edgewise.Core.Orders;
using static Edgewise.Tests.Cli.Reports.ReportStore;

namespace Edgewise.Tests.Cli.Reports;

public sealed class ReportCommandTests : IDisposable
{
    private readonly ReportStore _store = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        _store.Dispose();
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public void Report_StoreMissing_OneLineNamingThePathAndExit1()
    {
        var missing = Path.Combine(_store.Directory, "nowhere", "edgewise.db");

        var code = Invoke("report", "1", "--config", Config(missing), "--out", Path.Combine(_store.Directory, "r.html"));

        Assert.Equal(1, code);
        Assert.Equal($"edgewise report: store not found: {missing}{Environment.NewLine}", _err.ToString());
        Assert.False(File.Exists(Path.Combine(_store.Directory, "r.html")));
    }

    [Fact]
    public async Task Report_UnknownRunId_OneLineAndExit1()
    {
        await WriteOneTradeAsync();

        var code = Invoke("report", "42", "--config", Config(_store.DbPath), "--out", Path.Combine(_store.Directory, "r.html"));

        Assert.Equal(1, code);
        Assert.Equal($"edgewise report: run 42 not found in {_store.DbPath}{Environment.NewLine}", _err.ToString());
    }

    [Fact]
    public async Task Report_KnownRun_WritesTheHtmlFileAndSaysWhere()
    {
        var run = await WriteOneTradeAsync();
        var outPath = Path.Combine(_store.Directory, "reports", "run.html");

        var code = Invoke("report", run.ToString(System.Globalization.CultureInfo.InvariantCulture), "--config", Config(_store.DbPath), "--out", outPath);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, _err.ToString());
        Assert.Equal($"written {outPath}{Environment.NewLine}", _out.ToString());
        var html = File.ReadAllText(outPath);
        // Buy 2 @ 0.40 (fee 0.02), sell 2 @ 0.55 (fee 0.02): 1.10 - 0.80 - 0.04 = +0.26.
        Assert.Contains("<div class=\"k\">P&amp;L after fees</div><div class=\"v pos\">+0.26</div>", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    private async Task<long> WriteOneTradeAsync()
    {
        _store.Fill("alpha", A, OrderSide.Buy, 2m, 0.40m, 0.02m, T0 + Second);
        _store.Fill("alpha", A, OrderSide.Sell, 2m, 0.55m, 0.02m, T0 + (2 * Second));
        return await _store.WriteAsync("kalshi-btc-v2", "h", T0 + (3 * Second), "end of data");
    }

    private string Config(string storePath)
    {
        var path = Path.Combine(_store.Directory, "config.json");
        File.WriteAllText(path, "{ \"store\": { \"path\": " + JsonSerializer.Serialize(storePath) + " } }");
        return path;
    }

    private int Invoke(params string[] args) =>
        EdgewiseCli.Build().Parse(args).Invoke(new InvocationConfiguration { Output = _out, Error = _err });
}
