// Writes report.md: what was run (profile and its hash, data files, the assumptions and what the data cannot show),
// the results with verified and inferred settlements apart, per-signal totals, exit reasons, settlements, the
// fair-value scores, decision counts and every trade. Deterministic, like summary.json.
using System.Globalization;
using System.Text;
using Edgewise.Strategies.BtcBinary;
using static Edgewise.Cli.Backtest.BacktestFormat;

namespace Edgewise.Cli.Backtest;

internal static class BacktestReportWriter
{
    public static void Write(string path, BacktestResult result, BacktestStatistics stats) =>
        File.WriteAllText(path, Render(result, stats), new UTF8Encoding(false));

    public static string Render(BacktestResult result, BacktestStatistics stats)
    {
        var w = new StringBuilder();
        var p = result.Profile;
        Line(w, $"# Backtest of {p.Name}");
        Line(w);
        Line(w, $"- profile: `{p.Name}` (`{Path.GetFileName(p.Source)}`, sha256 `{p.Sha256}`)");
        Line(w, $"- profile description: {p.Description}");
        Line(w, $"- data: `{result.Data.FileName}` (sha256 `{result.Data.Sha256}`), {result.Data.Rows.Count} rows, {result.Data.Markets.Count} markets, {Time(result.Data.Rows[0].TsNs)} to {Time(result.Data.Rows[^1].TsNs)}");
        Line(w, result.Settlements.FileName is null
            ? "- settlements: none given"
            : $"- settlements: `{result.Settlements.FileName}` (sha256 `{result.Settlements.Sha256}`), {result.Settlements.Records.Count} records, {result.Outcomes.Count(static o => o.Source == SettlementSource.Recorded)} for markets in the data");
        Line(w);
        Line(w, "## What this run assumes");
        Line(w);
        Line(w, "- The v2/v6/v10 profiles are reconstructions: the original versions' code is not available, so each profile is a plausible parameterisation of the rules described for that version (see its description). Results say nothing about the original bots.");
        Line(w, "- Fills: IOC limit orders at the recorded touch (buy YES at yes_ask, buy NO at 1 - yes_bid, sell at the held side's bid), zero latency, with the Kalshi taker fee roundup(0.07 x C x P x (1 - P)) to $0.000001 per fill.");
        Line(w, $"- The file has no sizes: every quoted level is assumed to hold {Number(BacktestRunner.AssumedLevelSize.ToDecimal())} contracts, and the min-depth filter reports \"{EntryFilter.DepthUnknown}\" instead of filtering.");
        Line(w, "- The file has no strike: each market's strike is the average of the file's BTC proxy prints in the 60 s before it opened (KXBTC15M's rule, from the ~2 prints the 30 s cadence gives).");
        Line(w, "- Quotes and index come every ~30 s, so a 10-second flash crash cannot be seen in this data, and moves \"over 60 s\" compare prints up to 35 s further apart.");
        Line(w, "- Results inferred from a pinned last quote (yes_bid >= 0.99 or yes_ask <= 0.01 within 60 s of close) are labelled inferred and totalled apart from recorded ones; markets with neither stay unsettled and their open trades have no P&L.");
        Line(w);
        Line(w, "## Results");
        Line(w);
        Line(w, "| trades | count | wins | losses | win rate | P&L after fees | fees |");
        Line(w, "|---|---:|---:|---:|---:|---:|---:|");
        GroupRow(w, "verified (exits + recorded settlements)", stats.Verified);
        GroupRow(w, "settled on inferred results", stats.Inferred);
        GroupRow(w, "all closed, including inferred", stats.IncludingInferred);
        Line(w, $"| open at the end (unsettled) | {stats.Open.Count} | | | | | |");
        Line(w);
        Line(w, "### By signal");
        Line(w);
        Line(w, "| signal | verified trades | wins | verified P&L | inferred trades | inferred P&L | open |");
        Line(w, "|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (signal, verified, inferred, open) in stats.BySignal)
        {
            Line(w, $"| {WireNames.Of(signal)} | {verified.Trades} | {verified.Wins} | {Money(verified.Pnl)} | {inferred.Trades} | {Money(inferred.Pnl)} | {open} |");
        }

        Line(w);
        Line(w, "### Exit reasons");
        Line(w);
        foreach (var (reason, count) in stats.ExitReasons)
        {
            Line(w, $"- {reason}: {count}");
        }

        WriteSettlements(w, result);
        WriteScores(w, result);
        WriteDecisions(w, result, stats);
        WriteTrades(w, stats);
        return w.ToString();
    }

    private static void WriteSettlements(StringBuilder w, BacktestResult result)
    {
        Line(w);
        Line(w, "## Settlements");
        Line(w);
        foreach (var source in new[] { SettlementSource.Recorded, SettlementSource.Inferred, SettlementSource.None })
        {
            var outcomes = result.Outcomes.Where(o => o.Source == source).ToList();
            var title = source switch
            {
                SettlementSource.Recorded => "Recorded (authoritative)",
                SettlementSource.Inferred => "Inferred from the last quote",
                _ => "Unsettled (no recorded result, last quote does not pin one)",
            };
            Line(w, $"{title}: {outcomes.Count}");
            Line(w);
            foreach (var o in outcomes)
            {
                var result1 = o.Result is { } side ? SettlementResolver.Side(side) + ": " : string.Empty;
                var agreement = o.QuoteAgrees switch
                {
                    true => "; the last quote pinned the same result",
                    false => "; the last quote pinned the OTHER result",
                    null => string.Empty,
                };
                Line(w, $"- {o.Market.Ticker} {result1}{o.Detail}{agreement}");
            }

            Line(w);
        }
    }

    private static void WriteScores(StringBuilder w, BacktestResult result)
    {
        Line(w, "## Fair-value model against the market");
        Line(w);
        Line(w, $"Scored at every YES quote change while a market was open where both the model and the mid existed; log loss clips probabilities to [{Number((decimal)FairValueScorer.Epsilon)}, {Number(1m - (decimal)FairValueScorer.Epsilon)}]. Lower is better.");
        Line(w);
        Line(w, "| results | markets | moments | skipped | model Brier | market Brier | model log loss | market log loss |");
        Line(w, "|---|---:|---:|---:|---:|---:|---:|---:|");
        ScoreRow(w, "recorded", result.RecordedScore);
        ScoreRow(w, "inferred (labelled, not authoritative)", result.InferredScore);
        foreach (var (market, score) in result.RecordedScoreByMarket)
        {
            ScoreRow(w, $"recorded: {market}", score);
        }
    }

    private static void WriteDecisions(StringBuilder w, BacktestResult result, BacktestStatistics stats)
    {
        Line(w);
        Line(w, "## Decisions");
        Line(w);
        Line(w, $"{result.Decisions.Count + result.DecisionsDropped} decisions recorded ({result.DecisionsDropped} dropped), written to decisions.jsonl.");
        Line(w);
        Line(w, "- by kind: " + Join(stats.DecisionKinds));
        Line(w, "- entry signals fired: " + Join(stats.EntriesBySignal));
        Line(w, "- entry orders sent: " + Join(stats.OrdersBySignal));
        Line(w, "- entries blocked by: " + Join(stats.EntriesBlockedBy));
        Line(w, "- markets skipped (recorded once per reason change): " + Join(stats.Skips));
        var c = result.Counters;
        Line(w, $"- engine: {c.IndexTicks} index ticks, {c.QuoteRows} quote rows applied, {c.OrdersSent} orders to the venue, {c.OrdersDenied} denied by risk, {c.OrdersRejected} rejected by the venue, {c.Fills} fills; portfolio realized {Money(c.PortfolioRealizedPnl)}, fees {Money(c.PortfolioFees)}");
    }

    private static void WriteTrades(StringBuilder w, BacktestStatistics stats)
    {
        Line(w);
        Line(w, "## Trades");
        Line(w);
        if (stats.Categories.Count == 0)
        {
            Line(w, "No trades.");
            return;
        }

        Line(w, "| # | market | signal | side | opened | contracts | entry | exit | how it ended | fees | P&L after fees |");
        Line(w, "|---:|---|---|---|---|---:|---:|---:|---|---:|---:|");
        foreach (var (t, category) in stats.Categories)
        {
            var exit = t.SettlementPrice is { } settle ? Number(settle.ToDecimal()) : t.AverageExitPrice is { } price ? Rate(price) : "";
            var ended = category switch
            {
                TradeCategory.ClosedByExit => WireNames.Of(t.ExitReason!.Value),
                TradeCategory.SettledRecorded => "settlement (recorded)",
                TradeCategory.SettledInferred => "settlement (INFERRED)",
                _ => "open, unsettled",
            };
            var pnl = t.IsClosed ? Money(t.NetPnl) : "n/a";
            Line(w, $"| {t.Id} | {t.Market} | {WireNames.Of(t.Signal)} | {WireNames.Of(t.Side)} | {Time(t.OpenedNs)} | {t.Bought} | {Rate(t.AverageEntryPrice)} | {exit} | {ended} | {Money(t.Fees)} | {pnl} |");
        }
    }

    private static void GroupRow(StringBuilder w, string name, TradeGroup g) =>
        Line(w, $"| {name} | {g.Trades} | {g.Wins} | {g.Losses} | {Percent(g.WinRate)} | {Money(g.Pnl)} | {Money(g.Fees)} |");

    private static void ScoreRow(StringBuilder w, string name, FairValueScore s) =>
        Line(w, $"| {name} | {s.Markets} | {s.Moments} | {s.Skipped} | {Rate(s.ModelBrier)} | {Rate(s.MarketBrier)} | {Rate(s.ModelLogLoss)} | {Rate(s.MarketLogLoss)} |");

    private static string Join(IEnumerable<(string Name, int Count)> counts)
    {
        var text = string.Join(", ", counts.Select(static c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Count}")));
        return text.Length == 0 ? "none" : text;
    }

    private static void Line(StringBuilder w, string text = "") => w.Append(text).Append('\n');
}
