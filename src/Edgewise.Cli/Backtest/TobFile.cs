// Reads the collector's Kalshi KXBTC15M top-of-book log (../shared/data/kalshi/kalshi_KXBTC15M_tob_and_brti_proxy_30s_
// 2026-02-02.jsonl): one JSON object a line, {"t": naive UTC ISO time, "brti": proxy USD, "kalshi": {"ticker",
// "yes_bid", "yes_ask", "volume"}, ...}; other keys (brti_chg, kalshi_chg, signal) are the collector's own derived
// values and are not used. Numbers are read as decimals from their text (never through double). A market's open and
// close come from its ticker (KalshiTicker). Any malformed line stops the read with "file:line: what is wrong":
// a backtest on silently thinned data would not be the backtest asked for.
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Time;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Cli.Backtest;

internal static class TobFile
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BacktestInputException">A line is malformed.</exception>
    public static TobData Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"data file not found: {path}", path);
        }

        var bytes = File.ReadAllBytes(path);
        using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes));
        var rows = new List<TobRow>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var row = ParseLine(line, lineNumber, path);
            if (rows.Count > 0 && row.TsNs <= rows[^1].TsNs)
            {
                throw new BacktestInputException($"{path}:{lineNumber}: time is not after the previous line's");
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new BacktestInputException($"{path}: no rows");
        }

        return new TobData(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(bytes)), rows, MarketsOf(rows, path));
    }

    /// <summary>Parses one line; <paramref name="source"/> names the file in errors.</summary>
    public static TobRow ParseLine(string line, int lineNumber, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var kalshi = Property(root, "kalshi", JsonValueKind.Object);
            var time = Property(root, "t", JsonValueKind.String).GetString()!;
            if (!DateTime.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
            {
                throw new FormatException($"\"t\" '{time}' is not a yyyy-MM-ddTHH:mm:ss[.ffffff] time");
            }

            var brti = Number(root, "brti");
            var bid = Number(kalshi, "yes_bid");
            var ask = Number(kalshi, "yes_ask");
            if (brti <= 0m)
            {
                throw new FormatException($"\"brti\" {brti} is not positive");
            }

            if (bid is < 0m or > 1m || ask is < 0m or > 1m)
            {
                throw new FormatException($"yes_bid {bid} / yes_ask {ask} are not prices in [0, 1]");
            }

            var volume = Property(kalshi, "volume", JsonValueKind.Number).TryGetInt64(out var v) ? v : throw new FormatException("\"volume\" is not a whole number");
            var ticker = Property(kalshi, "ticker", JsonValueKind.String).GetString()!;
            return new TobRow(lineNumber, ReplayTimeProvider.ToUnixNs(new DateTimeOffset(utc, TimeSpan.Zero)), ticker,
                Price.FromDecimal(brti), Price.FromDecimal(bid), Price.FromDecimal(ask), volume);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            throw new BacktestInputException($"{source}:{lineNumber}: {ex.Message}");
        }
    }

    private static List<TobMarket> MarketsOf(List<TobRow> rows, string path)
    {
        var markets = new List<TobMarket>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (index.TryGetValue(row.Ticker, out var i))
            {
                var m = markets[i];
                markets[i] = m with { RowCount = m.RowCount + 1, LastTsNs = row.TsNs };
                continue;
            }

            if (!KalshiTicker.TryParseCloseTime(row.Ticker, out var close, out var error))
            {
                throw new BacktestInputException($"{path}:{row.Line}: {error}");
            }

            index.Add(row.Ticker, markets.Count);
            markets.Add(new TobMarket(row.Ticker, close - KalshiTicker.FifteenMinuteWindow, close, 1, row.TsNs, row.TsNs));
        }

        return markets;
    }

    private static JsonElement Property(JsonElement parent, string name, JsonValueKind kind)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            throw new FormatException($"\"{name}\" is missing");
        }

        return value.ValueKind == kind ? value : throw new FormatException($"\"{name}\" is not a {kind.ToString().ToLowerInvariant()}");
    }

    private static decimal Number(JsonElement parent, string name) =>
        Property(parent, name, JsonValueKind.Number).TryGetDecimal(out var value) ? value : throw new FormatException($"\"{name}\" is not a decimal number");
}
