using System.Globalization;
using System.Text.Json;

namespace Edgewise.Simulators;

/// <summary>
/// A market a <see cref="SimKalshiServer"/> lists, in the shape of Kalshi's market object (FACTS §5.3, §5.6, §5.8b): tapered_deci_cent
/// price_ranges, greater_or_equal strike, open and close times the test controls. Its status follows the server's clock, and its
/// <see cref="Result"/> (when set) appears <see cref="SettlesAfter"/> the close, with status finalized.
/// </summary>
public sealed record SimKalshiMarket(string Ticker, string EventTicker, DateTimeOffset OpenTime, DateTimeOffset CloseTime, decimal FloorStrike)
{
    /// <summary>Kalshi writes the times in BTC tickers in US Eastern time; test dates are in winter, so EST (UTC−5).</summary>
    private static readonly TimeSpan Eastern = TimeSpan.FromHours(-5);

    public string SeriesTicker => Ticker[..Ticker.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>How the market resolves, "yes" or "no"; null while undecided. Shown only from <see cref="SettledTime"/> on.</summary>
    public string? Result { get; init; }

    /// <summary>How long after the close the result appears (Kalshi settles BTC markets seconds after the close).</summary>
    public TimeSpan SettlesAfter { get; init; }

    /// <summary>When the result becomes visible (null while there is none).</summary>
    public DateTimeOffset? SettledTime => Result is null ? null : CloseTime + SettlesAfter;

    /// <summary>True when the result is visible at <paramref name="now"/>.</summary>
    public bool IsSettled(DateTimeOffset now) => SettledTime is { } settled && now >= settled;

    /// <summary>
    /// The KXBTC15M market closing at <paramref name="closeTime"/> (open 15 minutes before), e.g. close 2026-01-01T05:15Z is
    /// KXBTC15M-26JAN010015-15 (00:15 EST, minute suffix 15) in event KXBTC15M-26JAN010015.
    /// </summary>
    public static SimKalshiMarket Btc15m(DateTimeOffset closeTime, decimal floorStrike)
    {
        var eastern = closeTime.ToOffset(Eastern);
        var eventTicker = "KXBTC15M-" + eastern.ToString("yyMMMddHHmm", CultureInfo.InvariantCulture).ToUpperInvariant();
        return new SimKalshiMarket(eventTicker + "-" + eastern.ToString("mm", CultureInfo.InvariantCulture), eventTicker,
            closeTime - TimeSpan.FromMinutes(15), closeTime, floorStrike);
    }

    /// <summary>Kalshi's status filter value at <paramref name="now"/>: unopened, open or closed.</summary>
    public string FilterStatus(DateTimeOffset now) => now < OpenTime ? "unopened" : now < CloseTime ? "open" : IsSettled(now) ? "settled" : "closed";

    internal void Write(Utf8JsonWriter json, DateTimeOffset now, SimKalshiBook book)
    {
        var filter = FilterStatus(now);
        json.WriteStartObject();
        json.WriteString("ticker", Ticker);
        json.WriteString("event_ticker", EventTicker);
        json.WriteString("market_type", "binary");
        json.WriteString("title", "BTC price up in next 15 mins?");
        json.WriteString("yes_sub_title", "Target Price: " + FloorStrike.ToString("N2", CultureInfo.InvariantCulture));
        json.WriteString("open_time", Time(OpenTime));
        json.WriteString("close_time", Time(CloseTime));
        json.WriteString("expected_expiration_time", Time(CloseTime + TimeSpan.FromMinutes(5)));
        json.WriteString("latest_expiration_time", Time(CloseTime + TimeSpan.FromDays(7)));
        json.WriteNumber("settlement_timer_seconds", 1);
        json.WriteString("status", filter switch { "unopened" => "initialized", "open" => "active", "settled" => "finalized", _ => "closed" });
        json.WriteString("result", IsSettled(now) ? Result : string.Empty);
        if (IsSettled(now))
        {
            json.WriteString("settlement_value_dollars", Result == "yes" ? "1.0000" : "0.0000");
        }

        json.WriteString("strike_type", "greater_or_equal");
        json.WriteNumber("floor_strike", FloorStrike);
        json.WriteString("price_level_structure", "tapered_deci_cent");
        json.WriteStartArray("price_ranges");
        foreach (var (start, end, step) in new[] { ("0.0000", "0.1000", "0.0010"), ("0.1000", "0.9000", "0.0100"), ("0.9000", "1.0000", "0.0010") })
        {
            json.WriteStartObject();
            json.WriteString("start", start);
            json.WriteString("end", end);
            json.WriteString("step", step);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var (yesBid, yesAsk) = book.BestYes();
        json.WriteString("yes_bid_dollars", SimKalshiBook.Price(yesBid));
        json.WriteString("yes_ask_dollars", SimKalshiBook.Price(yesAsk));
        json.WriteString("no_bid_dollars", SimKalshiBook.Price(1 - yesAsk));
        json.WriteString("no_ask_dollars", SimKalshiBook.Price(1 - yesBid));
        json.WriteString("last_price_dollars", "0.0000");
        json.WriteString("volume_fp", "0.00");
        json.WriteString("open_interest_fp", "0.00");
        json.WriteBoolean("fractional_trading_enabled", true);
        json.WriteString("rules_primary",
            $"If the simple average of the sixty seconds of CF Benchmarks' BRTI before {Time(CloseTime)} is at least {FloorStrike.ToString(CultureInfo.InvariantCulture)}, the market resolves to Yes.");
        json.WriteEndObject();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
