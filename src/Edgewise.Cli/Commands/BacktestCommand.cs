// `edgewise backtest --profile <name|file> --data <tob file> [--settlements <file>] [--out DIR]`: runs one BTC binary
// profile over the recorded Kalshi top-of-book file on the engine and writes DIR/report.md, DIR/summary.json,
// DIR/decisions.jsonl and DIR/report.html (the HTML run report), printing the headline numbers. Unusable input (a
// missing file, a malformed line, a bad profile) is one error line on stderr and exit code 1; nothing is written then.
using System.CommandLine;
using System.Globalization;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Reports;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Cli.Commands;

internal static class BacktestCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "Profile name (profiles/<name>.json, e.g. kalshi-btc-v6) or a profile file.", Required = true };
        var data = new Option<string>("--data") { Description = "The Kalshi KXBTC15M top-of-book JSONL file (with the BTC proxy).", Required = true };
        var settlements = new Option<string?>("--settlements") { Description = "The settlements JSON file with recorded results." };
        var output = new Option<string?>("--out") { Description = "Output directory (default out/backtest-<profile>)." };
        var command = new Command("backtest", "Backtest a BTC binary strategy profile on recorded Kalshi data.")
        {
            profile, data, settlements, output,
        };
        command.SetAction(parse => Run(
            parse.GetValue(profile)!, parse.GetValue(data)!, parse.GetValue(settlements), parse.GetValue(output),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string profileName, string dataPath, string? settlementsPath, string? outDir, TextWriter output, TextWriter error)
    {
        BacktestResult result;
        try
        {
            var profile = ProfileLocator.Load(profileName, Directory.GetCurrentDirectory());
            var data = TobFile.Read(dataPath);
            var settlements = settlementsPath is null ? SettlementData.None : SettlementFile.Read(settlementsPath);
            result = BacktestRunner.Run(profile, data, settlements);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidProfileException or BacktestInputException)
        {
            error.WriteLine($"edgewise backtest: {ex.Message}");
            return 1;
        }

        var directory = outDir ?? Path.Combine("out", "backtest-" + result.Profile.Name);
        Directory.CreateDirectory(directory);
        var stats = BacktestStatistics.From(result);
        BacktestReportWriter.Write(Path.Combine(directory, "report.md"), result, stats);
        BacktestSummaryWriter.Write(Path.Combine(directory, "summary.json"), result, stats);
        DecisionJsonlWriter.Write(Path.Combine(directory, "decisions.jsonl"), result.Decisions);
        HtmlReportWriter.Write(Path.Combine(directory, "report.html"), BacktestRunReport.Build(result, stats));
        Print(output, result, stats, directory);
        return 0;
    }

    private static void Print(TextWriter output, BacktestResult result, BacktestStatistics stats, string directory)
    {
        static string Group(TradeGroup g) => string.Create(CultureInfo.InvariantCulture,
            $"{g.Trades} trades, {g.Wins} wins ({BacktestFormat.Percent(g.WinRate)}), P&L after fees {BacktestFormat.Money(g.Pnl)} (fees {BacktestFormat.Money(g.Fees)})");

        static string Score(FairValueScore s) => string.Create(CultureInfo.InvariantCulture,
            $"{s.Markets} markets, {s.Moments} moments: Brier model {BacktestFormat.Rate(s.ModelBrier)} vs market {BacktestFormat.Rate(s.MarketBrier)}, log loss model {BacktestFormat.Rate(s.ModelLogLoss)} vs market {BacktestFormat.Rate(s.MarketLogLoss)}");

        var p = result.Profile;
        output.WriteLine($"profile              {p.Name} (sha256 {p.Sha256[..16]}…; a reconstruction, see report)");
        output.WriteLine($"data                 {result.Data.Rows.Count} rows, {result.Data.Markets.Count} markets");
        output.WriteLine($"settlements          {result.Outcomes.Count(static o => o.Source == SettlementSource.Recorded)} recorded, {result.Outcomes.Count(static o => o.Source == SettlementSource.Inferred)} inferred, {result.Outcomes.Count(static o => o.Source == SettlementSource.None)} unsettled");
        output.WriteLine($"verified             {Group(stats.Verified)}");
        output.WriteLine($"inferred settlements {Group(stats.Inferred)}");
        output.WriteLine($"open (unsettled)     {stats.Open.Count} trades");
        output.WriteLine("exit reasons         " + string.Join(", ", stats.ExitReasons.Select(static e => $"{e.Reason} {e.Count}")));
        output.WriteLine($"fair value, recorded {Score(result.RecordedScore)}");
        output.WriteLine($"fair value, inferred {Score(result.InferredScore)}");
        output.WriteLine($"written              {Path.Combine(directory, "report.md")}, summary.json, decisions.jsonl");
    }
}
