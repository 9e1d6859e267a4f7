// Builds small top-of-book and settlements files in the collector's formats for backtest tests, and finds the real
// ones under ../shared.
using System.Globalization;
using System.Text;
using Edgewise.TestKit;

namespace Edgewise.Tests.Cli;

internal sealed class BacktestFiles : IDisposable
{
    public const string TobRelative = "data/kalshi/kalshi_KXBTC15M_tob_and_brti_proxy_30s_2026-02-02.jsonl";
    public const string SettlementsRelative = "data/kalshi/kalshi_KXBTC15M_settlements_2026-02-02_to_06.json";

    public BacktestFiles() => Directory = System.IO.Directory.CreateTempSubdirectory("edgewise-backtest-").FullName;

    public string Directory { get; }

    public static (string Tob, string Settlements) RealOrSkip()
    {
        var tob = SharedData.Find(TobRelative);
        var settlements = SharedData.Find(SettlementsRelative);
        if (tob is null || settlements is null)
        {
            Assert.Skip(SharedData.MissingReason(tob is null ? TobRelative : SettlementsRelative));
        }

        return (tob!, settlements!);
    }

    /// <summary>Writes rows (naive UTC time, ticker, brti, yes_bid, yes_ask) as the collector does.</summary>
    public string Tob(params (string Time, string Ticker, decimal Brti, decimal Bid, decimal Ask)[] rows)
    {
        var text = new StringBuilder();
        foreach (var (time, ticker, brti, bid, ask) in rows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $$"""{"t": "{{time}}", "brti": {{brti}}, "brti_chg": null, "kalshi": {"ticker": "{{ticker}}", "yes_bid": {{bid}}, "yes_ask": {{ask}}, "volume": 100}, "kalshi_chg": null, "signal": null}""");
            text.Append('\n');
        }

        return Write("tob.jsonl", text.ToString());
    }

    public string Settlements(params (string Ticker, string CloseTime, string Result)[] records)
    {
        var items = records.Select(static r =>
            $$"""{"timestamp": "2026-02-02T08:02:48.122836", "ticker": "{{r.Ticker}}", "close_time": "{{r.CloseTime}}", "settlement_result": "{{r.Result}}", "brti_proxy_at_check": 100000.5, "volume": 1}""");
        return Write("settlements.json", "[" + string.Join(",\n", items) + "]");
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
