// Writes the strategy's decision log as JSON Lines (decisions.jsonl), one record a line, keys in a fixed order and
// absent values left out: seq, ts, ts_ns, market, kind, signal, side, blocked_by, detail, order_id, fill, exit_reason,
// pnl, inputs. Decimals are written as JSON numbers from their exact decimal text.
using System.Text;
using System.Text.Json;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;

namespace Edgewise.Cli.Backtest;

internal static class DecisionJsonlWriter
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static void Write(string path, IEnumerable<DecisionRecord> records)
    {
        using var stream = File.Create(path);
        Write(stream, records);
    }

    public static void Write(Stream stream, IEnumerable<DecisionRecord> records)
    {
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(stream, options);
        foreach (var record in records)
        {
            WriteRecord(json, record);
            json.Flush();
            stream.Write(NewLine);
            json.Reset();
        }
    }

    private static void WriteRecord(Utf8JsonWriter json, DecisionRecord r)
    {
        json.WriteStartObject();
        json.WriteNumber("seq", r.Sequence);
        json.WriteString("ts", BacktestFormat.Time(r.TsNs));
        json.WriteNumber("ts_ns", r.TsNs);
        json.WriteString("market", r.Market);
        json.WriteString("kind", BacktestStatistics.Name(r.Kind));
        Text(json, "signal", r.Signal is { } signal ? WireNames.Of(signal) : null);
        Text(json, "side", r.Side is { } side ? WireNames.Of(side) : null);
        Text(json, "blocked_by", r.BlockedBy);
        Text(json, "detail", r.Detail);
        Text(json, "order_id", r.OrderId);
        if (r.Fill is { } fill)
        {
            json.WriteStartObject("fill");
            json.WriteString("purpose", fill.IsEntry ? "entry" : "exit");
            json.WriteNumber("price", fill.Price.ToDecimal());
            json.WriteNumber("quantity", fill.Quantity.ToDecimal());
            json.WriteNumber("fee", fill.Fee);
            json.WriteEndObject();
        }

        Text(json, "exit_reason", r.ExitReason is { } reason ? WireNames.Of(reason) : null);
        Number(json, "pnl", r.Pnl);
        if (r.Inputs is { } i)
        {
            json.WriteStartObject("inputs");
            Number(json, "index", i.Index);
            Number(json, "index_age_s", i.IndexAgeSeconds);
            Number(json, "strike", i.Strike);
            Text(json, "strike_source", i.StrikeSource);
            Number(json, "seconds_to_close", i.SecondsToClose);
            Number(json, "vol_annual", i.VolAnnual);
            Number(json, "fair_yes", i.FairYes);
            Number(json, "yes_bid", i.YesBid);
            Number(json, "yes_ask", i.YesAsk);
            Number(json, "momentum", i.Momentum);
            Number(json, "price", i.Price);
            Number(json, "edge", i.Edge);
            Text(json, "depth", i.Depth);
            Text(json, "flash_crash", i.FlashCrash);
            Number(json, "flash_drop", i.FlashDrop);
            Number(json, "stop_fraction", i.StopFraction);
            Number(json, "return", i.Return);
            Number(json, "stake", i.Stake);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    /// <summary>The decision log as one string (tests).</summary>
    public static string ToText(IEnumerable<DecisionRecord> records)
    {
        using var stream = new MemoryStream();
        Write(stream, records);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
