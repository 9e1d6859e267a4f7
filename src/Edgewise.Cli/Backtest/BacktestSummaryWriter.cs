// Writes summary.json: the run's identity (profile name and hash, data files and hashes), the assumptions, results
// (verified, inferred and combined apart), per-signal totals, exit reasons, decision counts, the fair-value scores
// and every effective option. Keys are written in a fixed order, numbers that are money or scores as fixed-decimal
// strings, and nothing depends on the clock or the machine (no timings, file names without directories), so the
// same inputs give byte-identical files.
using System.Text;
using System.Text.Json;
using Edgewise.Strategies.BtcBinary;
using static Edgewise.Cli.Backtest.BacktestFormat;

namespace Edgewise.Cli.Backtest;

internal static class BacktestSummaryWriter
{
    public static void Write(string path, BacktestResult result, BacktestStatistics stats)
    {
        using var stream = File.Create(path);
        Write(stream, result, stats);
    }

    public static void Write(Stream stream, BacktestResult result, BacktestStatistics stats)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        WriteIdentity(json, result);
        WriteAssumptions(json);
        WriteSettlements(json, result);
        WriteTrades(json, stats);
        WriteDecisions(json, result, stats);
        WriteFairValue(json, result);
        WriteEngine(json, result.Counters);
        OptionsJson.Write(json, result.Profile);
        json.WriteEndObject();
        json.Flush();
        stream.Write(Encoding.UTF8.GetBytes("\n"));
    }

    private static void WriteIdentity(Utf8JsonWriter json, BacktestResult result)
    {
        json.WriteStartObject("profile");
        json.WriteString("name", result.Profile.Name);
        json.WriteString("file", Path.GetFileName(result.Profile.Source));
        json.WriteString("sha256", result.Profile.Sha256);
        json.WriteString("description", result.Profile.Description);
        json.WriteEndObject();

        var data = result.Data;
        json.WriteStartObject("data");
        json.WriteString("tob_file", data.FileName);
        json.WriteString("tob_sha256", data.Sha256);
        json.WriteNumber("rows", data.Rows.Count);
        json.WriteNumber("markets", data.Markets.Count);
        json.WriteString("first_row", Time(data.Rows[0].TsNs));
        json.WriteString("last_row", Time(data.Rows[^1].TsNs));
        json.WriteString("settlements_file", result.Settlements.FileName);
        json.WriteString("settlements_sha256", result.Settlements.Sha256);
        json.WriteNumber("settlement_records", result.Settlements.Records.Count);
        json.WriteNumber("settlement_records_for_these_markets", result.Outcomes.Count(static o => o.Source == SettlementSource.Recorded));
        json.WriteEndObject();
    }

    private static void WriteAssumptions(Utf8JsonWriter json)
    {
        json.WriteStartObject("assumptions");
        json.WriteString("fills", "IOC limit orders at the recorded touch: buy YES at yes_ask, buy NO at 1 - yes_bid, sell at the held side's bid; zero latency");
        json.WriteString("assumed_contracts_per_level", Number(BacktestRunner.AssumedLevelSize.ToDecimal()));
        json.WriteString("depth", EntryFilter.DepthUnknown);
        json.WriteString("fees", "Kalshi taker fee roundup(0.07 x C x P x (1 - P)) to $0.000001 per fill (quadratic, multiplier 1)");
        json.WriteString("no_side", "NO is its own instrument mirroring the YES book (NO ask = 1 - YES bid)");
        json.WriteString("strike", "not in the data: the 60 s average of the file's BTC proxy before each window opened (the prints it has of that minute)");
        json.WriteString("settlement_inference", "last quote within 60 s before close with yes_bid >= 0.99 (yes) or yes_ask <= 0.01 (no)");
        json.WriteEndObject();
    }

    private static void WriteSettlements(Utf8JsonWriter json, BacktestResult result)
    {
        json.WriteStartObject("settlements");
        json.WriteNumber("recorded", result.Outcomes.Count(static o => o.Source == SettlementSource.Recorded));
        json.WriteNumber("inferred", result.Outcomes.Count(static o => o.Source == SettlementSource.Inferred));
        json.WriteNumber("unsettled", result.Outcomes.Count(static o => o.Source == SettlementSource.None));
        json.WriteStartArray("recorded_markets");
        foreach (var o in result.Outcomes.Where(static o => o.Source == SettlementSource.Recorded))
        {
            json.WriteStartObject();
            json.WriteString("market", o.Market.Ticker);
            json.WriteString("result", SettlementResolver.Side(o.Result!.Value));
            if (o.QuoteAgrees is { } agrees)
            {
                json.WriteBoolean("last_quote_agrees", agrees);
            }
            else
            {
                json.WriteNull("last_quote_agrees");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteOutcomes(json, "inferred_markets", result.Outcomes.Where(static o => o.Source == SettlementSource.Inferred));
        WriteOutcomes(json, "unsettled_markets", result.Outcomes.Where(static o => o.Source == SettlementSource.None));
        json.WriteEndObject();
    }

    private static void WriteOutcomes(Utf8JsonWriter json, string name, IEnumerable<MarketOutcome> outcomes)
    {
        json.WriteStartArray(name);
        foreach (var o in outcomes)
        {
            json.WriteStartObject();
            json.WriteString("market", o.Market.Ticker);
            if (o.Result is { } side)
            {
                json.WriteString("result", SettlementResolver.Side(side));
            }

            json.WriteString("evidence", o.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteTrades(Utf8JsonWriter json, BacktestStatistics stats)
    {
        json.WriteStartObject("trades");
        json.WriteNumber("total", stats.Categories.Count);
        json.WriteNumber("closed_by_exit", stats.Count(TradeCategory.ClosedByExit));
        json.WriteNumber("settled_recorded", stats.Count(TradeCategory.SettledRecorded));
        json.WriteNumber("settled_inferred", stats.Count(TradeCategory.SettledInferred));
        json.WriteNumber("open_unsettled", stats.Count(TradeCategory.OpenUnsettled));
        WriteGroup(json, "verified", stats.Verified);
        WriteGroup(json, "inferred_settlements_only", stats.Inferred);
        WriteGroup(json, "including_inferred", stats.IncludingInferred);
        json.WriteEndObject();

        json.WriteStartObject("by_signal");
        foreach (var (signal, verified, inferred, open) in stats.BySignal)
        {
            json.WriteStartObject(WireNames.Of(signal));
            WriteGroup(json, "verified", verified);
            WriteGroup(json, "inferred_settlements_only", inferred);
            json.WriteNumber("open_unsettled", open);
            json.WriteEndObject();
        }

        json.WriteEndObject();

        json.WriteStartObject("exit_reasons");
        foreach (var (reason, count) in stats.ExitReasons)
        {
            json.WriteNumber(reason, count);
        }

        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, string name, TradeGroup group)
    {
        json.WriteStartObject(name);
        json.WriteNumber("trades", group.Trades);
        json.WriteNumber("wins", group.Wins);
        json.WriteNumber("losses", group.Losses);
        if (group.WinRate is { } rate)
        {
            json.WriteString("win_rate", Rate(rate));
        }
        else
        {
            json.WriteNull("win_rate");
        }

        json.WriteString("pnl_after_fees", Money(group.Pnl));
        json.WriteString("fees", Money(group.Fees));
        json.WriteEndObject();
    }

    private static void WriteDecisions(Utf8JsonWriter json, BacktestResult result, BacktestStatistics stats)
    {
        json.WriteStartObject("decisions");
        json.WriteNumber("recorded", result.Decisions.Count + result.DecisionsDropped);
        json.WriteNumber("dropped", result.DecisionsDropped);
        WriteCounts(json, "by_kind", stats.DecisionKinds);
        WriteCounts(json, "entry_signals", stats.EntriesBySignal);
        WriteCounts(json, "entry_orders", stats.OrdersBySignal);
        WriteCounts(json, "entries_blocked_by", stats.EntriesBlockedBy);
        WriteCounts(json, "skips", stats.Skips);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IEnumerable<(string Name, int Count)> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }

    private static void WriteFairValue(Utf8JsonWriter json, BacktestResult result)
    {
        json.WriteStartObject("fair_value");
        json.WriteString("log_loss_clip", Number((decimal)FairValueScorer.Epsilon));
        WriteScore(json, "recorded", result.RecordedScore);
        WriteScore(json, "inferred", result.InferredScore);
        json.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter json, string name, FairValueScore score)
    {
        json.WriteStartObject(name);
        json.WriteNumber("markets", score.Markets);
        json.WriteNumber("moments", score.Moments);
        json.WriteNumber("skipped_moments", score.Skipped);
        WriteOptional(json, "model_brier", score.ModelBrier);
        WriteOptional(json, "market_brier", score.MarketBrier);
        WriteOptional(json, "model_log_loss", score.ModelLogLoss);
        WriteOptional(json, "market_log_loss", score.MarketLogLoss);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, Rate(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteEngine(Utf8JsonWriter json, BacktestCounters c)
    {
        json.WriteStartObject("engine");
        json.WriteNumber("index_ticks", c.IndexTicks);
        json.WriteNumber("quote_rows_applied", c.QuoteRows);
        json.WriteNumber("orders_sent", c.OrdersSent);
        json.WriteNumber("orders_denied_by_risk", c.OrdersDenied);
        json.WriteNumber("orders_rejected_by_venue", c.OrdersRejected);
        json.WriteNumber("fills", c.Fills);
        json.WriteString("portfolio_realized_pnl", Money(c.PortfolioRealizedPnl));
        json.WriteString("portfolio_fees", Money(c.PortfolioFees));
        json.WriteString("portfolio_cash", Money(c.PortfolioCash));
        json.WriteEndObject();
    }
}
