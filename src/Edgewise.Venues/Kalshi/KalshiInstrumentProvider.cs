// Kalshi markets as BinaryContracts (FACTS §5.3, §5.6, §5.8, §5.8b). A market object (GET /markets, GET /markets/{ticker}) gives
// the ticker, event, open and close times, strike (strike_type with floor_strike/cap_strike) and price grid (price_ranges, or the
// price_level_structure preset when the ranges are absent). Fees come from the series (fee_type, fee_multiplier of GET /series):
// KXBTC15M and KXBTCD are quadratic with multiplier 1 (FACTS §5.8); any other series has an UnknownFeeModel, which refuses to
// price a fill, until SetSeriesFees loads its schedule. The BTC series settle on the simple 60-second BRTI average before close.
// Strike types this code does not model (functional, custom, structured) leave the strike null: the venue's result decides.
// Size: fractional_trading_enabled false means whole contracts; otherwise 0.01, the finest count Kalshi's *_fp fields express.
// Replay meets markets only by ticker: FromCapture registers them on the tapered_deci_cent grid (0.001 near the ends, 0.01 in the
// middle), which every *15M crypto series uses and whose 0.001 bucket also holds any cent-grid price; times, strike and grid
// details are unknown there, so the contract is open over all time with no strike. Nothing in replay's book path reads them.
using System.Globalization;
using System.Text.Json;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Kalshi;

public sealed class KalshiInstrumentProvider
{
    /// <summary>0.01 contract: the finest count the fixed-point count fields carry.</summary>
    public static readonly Quantity FractionalSize = new(FixedPoint.One / 100);

    /// <summary>One whole contract.</summary>
    public static readonly Quantity WholeContract = new(FixedPoint.One);

    private readonly Dictionary<string, IFeeModel> _seriesFees = new(StringComparer.Ordinal)
    {
        ["KXBTC15M"] = new KalshiFeeModel(KalshiFeeType.Quadratic, 1m),
        ["KXBTCD"] = new KalshiFeeModel(KalshiFeeType.Quadratic, 1m),
    };

    private readonly HashSet<string> _brtiSixtySecondSeries = new(StringComparer.Ordinal) { "KXBTC15M", "KXBTCD" };

    public KalshiInstrumentProvider(string venue = KalshiParser.VenueName) => Venue = venue;

    public string Venue { get; }

    /// <summary>Loads a series' fee schedule (GET /series: fee_type, fee_multiplier); an unknown fee_type throws naming it.</summary>
    public void SetSeriesFees(string seriesTicker, string feeType, decimal feeMultiplier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seriesTicker);
        _seriesFees[seriesTicker] = KalshiFeeModel.FromSeries(feeType, feeMultiplier);
    }

    /// <summary>The series' fee model, or one that refuses to price fills when the schedule is not loaded.</summary>
    public IFeeModel FeesFor(string seriesTicker) =>
        _seriesFees.TryGetValue(seriesTicker, out var fees) ? fees : new UnknownFeeModel($"Kalshi series {seriesTicker}");

    /// <summary>The series a market ticker belongs to: the text before its first '-' ("KXBTC15M-26SEP261900-00" → "KXBTC15M").</summary>
    public static string SeriesOf(string marketTicker)
    {
        ArgumentNullException.ThrowIfNull(marketTicker);
        var dash = marketTicker.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? marketTicker[..dash] : marketTicker;
    }

    /// <summary>A market met in a capture with nothing else known about it (see the note at the top of the file).</summary>
    public BinaryContract FromCapture(InstrumentId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var series = SeriesOf(id.Symbol);
        return new BinaryContract(
            id, FeesFor(series), TickGrid.TaperedDeciCent, FractionalSize, DateTimeOffset.MinValue, DateTimeOffset.MaxValue,
            strike: null, SettlementFor(series));
    }

    /// <summary>Reads a GET /markets/{ticker} body ({"market": {...}}) or a bare market object.</summary>
    public KalshiMarketResult FromMarketJson(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("market", out var market)
                ? FromMarket(market)
                : FromMarket(root);
        }
        catch (JsonException ex)
        {
            return KalshiMarketResult.Fail(null, $"not JSON: {ex.Message}");
        }
    }

    /// <summary>Reads a GET /markets body ({"markets": [...], "cursor": ...}): one result per market, in order.</summary>
    public IReadOnlyList<KalshiMarketResult> FromMarketsJson(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (!document.RootElement.TryGetProperty("markets", out var markets) || markets.ValueKind != JsonValueKind.Array)
            {
                return [KalshiMarketResult.Fail(null, "no 'markets' array")];
            }

            return markets.EnumerateArray().Select(FromMarket).ToList();
        }
        catch (JsonException ex)
        {
            return [KalshiMarketResult.Fail(null, $"not JSON: {ex.Message}")];
        }
    }

    /// <summary>Reads one market object.</summary>
    public KalshiMarketResult FromMarket(JsonElement market)
    {
        if (market.ValueKind != JsonValueKind.Object || Text(market, "ticker") is not { Length: > 0 } ticker)
        {
            return KalshiMarketResult.Fail(null, "a market object needs a 'ticker'");
        }

        if (!TryTime(market, "open_time", out var open, out var error) || !TryTime(market, "close_time", out var close, out error))
        {
            return KalshiMarketResult.Fail(ticker, error!);
        }

        if (ReadTickGrid(market, out error) is not { } grid)
        {
            return KalshiMarketResult.Fail(ticker, error!);
        }

        if (!TryStrike(market, out var strike, out error))
        {
            return KalshiMarketResult.Fail(ticker, error!);
        }

        var series = Text(market, "series_ticker") ?? SeriesOf(ticker);
        var size = market.TryGetProperty("fractional_trading_enabled", out var fractional) && fractional.ValueKind == JsonValueKind.False
            ? WholeContract
            : FractionalSize;
        try
        {
            var contract = new BinaryContract(
                new InstrumentId(Venue, ticker), FeesFor(series), grid, size, open, close, strike, SettlementFor(series));
            return KalshiMarketResult.Ok(new KalshiMarket(
                contract, series, Text(market, "event_ticker"), Text(market, "status"), Text(market, "price_level_structure")));
        }
        catch (ArgumentException ex)
        {
            return KalshiMarketResult.Fail(ticker, ex.Message);
        }
    }

    /// <summary>
    /// The market's price grid: its price_ranges when present (authoritative), else the preset of its price_level_structure;
    /// null with the reason when neither is usable.
    /// </summary>
    public static TickGrid? ReadTickGrid(JsonElement market, out string? error)
    {
        error = null;
        try
        {
            if (market.TryGetProperty("price_ranges", out var ranges) && ranges.ValueKind == JsonValueKind.Array && ranges.GetArrayLength() > 0)
            {
                return TickGrid.FromText(ranges.EnumerateArray()
                    .Select(r => (Text(r, "start") ?? "", Text(r, "end") ?? "", Text(r, "step") ?? ""))
                    .ToList());
            }

            if (Text(market, "price_level_structure") is { } structure)
            {
                return TickGrid.ForKalshiStructure(structure);
            }

            error = "the market has neither price_ranges nor price_level_structure, so its price grid is unknown";
            return null;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private SettlementRule? SettlementFor(string series) =>
        _brtiSixtySecondSeries.Contains(series) ? SettlementRule.SimpleAverage60Seconds : null;

    private static bool TryStrike(JsonElement market, out BinaryStrike? strike, out string? error)
    {
        strike = null;
        error = null;
        if (Text(market, "strike_type") is not { } type)
        {
            return true; // no strike: the venue's result decides
        }

        if (!TryDecimal(market, "floor_strike", out var floor, out error) || !TryDecimal(market, "cap_strike", out var cap, out error))
        {
            return false;
        }

        if (type is not ("greater" or "greater_or_equal" or "less" or "less_or_equal" or "between"))
        {
            return true; // functional/custom/structured strikes are free text: not modelled, the venue's result decides
        }

        try
        {
            strike = BinaryStrike.FromKalshi(type, floor, cap);
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static bool TryTime(JsonElement market, string name, out DateTimeOffset time, out string? error)
    {
        time = default;
        error = null;
        if (!market.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            error = $"the market has no '{name}'";
            return false;
        }

        if (!value.TryGetDateTimeOffset(out time))
        {
            error = $"'{name}' is not an ISO 8601 time: '{value.GetString()}'";
            return false;
        }

        return true;
    }

    /// <summary>Kalshi writes strikes as numbers (112000) or strings ("115749.99"); absent or null means none.</summary>
    private static bool TryDecimal(JsonElement market, string name, out decimal? value, out string? error)
    {
        value = null;
        error = null;
        if (!market.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number))
        {
            value = number;
            return true;
        }

        if (element.ValueKind == JsonValueKind.String
            && decimal.TryParse(element.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            value = number;
            return true;
        }

        error = $"'{name}' is not a number: {element.GetRawText()}";
        return false;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
