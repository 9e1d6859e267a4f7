// Reads the collector's settlements file (../shared/data/kalshi/kalshi_KXBTC15M_settlements_2026-02-02_to_06.json):
// a JSON array of {"timestamp": naive UTC check time, "ticker", "close_time": ISO UTC, "settlement_result": "yes" |
// "no", "brti_proxy_at_check", "volume"}. A record whose close_time disagrees with its ticker, an unknown result or
// a ticker seen twice with different results is an error naming the record: results are authoritative, so they must
// be unambiguous.
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Time;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Cli.Backtest;

internal static class SettlementFile
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BacktestInputException">The content is not a settlements list.</exception>
    public static SettlementData Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"settlements file not found: {path}", path);
        }

        var bytes = File.ReadAllBytes(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new BacktestInputException($"{path}: not valid JSON ({ex.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new BacktestInputException($"{path}: expected a JSON array of settlements");
            }

            var records = new List<RecordedSettlement>();
            var byTicker = new Dictionary<string, OutcomeSide>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var record = Parse(element, $"{path}: record {index}");
                if (byTicker.TryGetValue(record.Ticker, out var earlier))
                {
                    if (earlier != record.Result)
                    {
                        throw new BacktestInputException($"{path}: record {index}: {record.Ticker} has two different results");
                    }
                }
                else
                {
                    byTicker.Add(record.Ticker, record.Result);
                    records.Add(record);
                }

                index++;
            }

            return new SettlementData(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(bytes)), records);
        }
    }

    private static RecordedSettlement Parse(JsonElement element, string where)
    {
        string Text(string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new BacktestInputException($"{where}: \"{name}\" is missing or not a string");

        var ticker = Text("ticker");
        var result = Text("settlement_result") switch
        {
            "yes" => OutcomeSide.Yes,
            "no" => OutcomeSide.No,
            var other => throw new BacktestInputException($"{where}: settlement_result '{other}' is not yes or no"),
        };
        if (!DateTimeOffset.TryParse(Text("close_time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var close))
        {
            throw new BacktestInputException($"{where}: close_time is not a time");
        }

        if (!DateTimeOffset.TryParse(Text("timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var checkedAt))
        {
            throw new BacktestInputException($"{where}: timestamp is not a time");
        }

        if (!KalshiTicker.TryParseCloseTime(ticker, out var fromTicker, out var error))
        {
            throw new BacktestInputException($"{where}: {error}");
        }

        if (fromTicker != close)
        {
            throw new BacktestInputException($"{where}: close_time {close:O} disagrees with the ticker's {fromTicker:O}");
        }

        return new RecordedSettlement(ticker, close, result, ReplayTimeProvider.ToUnixNs(checkedAt));
    }
}
