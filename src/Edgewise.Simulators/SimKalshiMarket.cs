using System.Globalization;
using System.Text.Json;

namespace Edgewise.Simulators;

/// <summary>
/// A market a <see cref="SimKalshiServer"/> lists, in the shape of Kalshi's market object (FACTS §5.3, §5.6, §5.8b): tapered_deci_cent
/// price_ranges, greater_or_equal strike, open and close times the test controls. Its status follows the server's clock: initialized
/// before the open, active until the close, closed after it, and finalized (filter "settled") with its result once
/// <see cref="Result"/> is set and <see cref="SettledAt"/> has passed. A market listed before its strike is known
/// (<see cref="StrikeListed"/> false, as a KXBTC15M window whose strike is the average of the minute before it opens) states no
/// strike_type or floor_strike.
/// </summary>
public sealed record SimKalshiMarket(string Ticker, string EventTicker, DateTimeOffset OpenTime, DateTimeOffset CloseTime, decimal FloorStrike)
{
    /// <summary>Kalshi writes the times in BTC tickers in US Eastern time; test dates are in winter, so EST (UTC−5).</summary>
    private static readonly TimeSpan Eastern = TimeSpan.FromHours(-5);

    public string SeriesTicker => Ticker[..Ticker.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>False while the strike is not known yet: the market object then has no strike_type and no floor_strike.</summary>
    public bool StrikeListed { get; init; } = true;

    /// <summary>"yes" or "no" once the market is determined; null before.</summary>
    public string? Result { get; init; }

    /// <summary>The value the market settled on (the 60-second index average for KXBTC15M), shown as expiration_value.</summary>
    public decimal? ExpirationValue { get; init; }

    /// <summary>When the result shows (status finalized); the close time when not given.</summary>
    public DateTimeOffset? SettledAt { get; init; }

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

    /// <summary>Kalshi's status filter value at <paramref name="now"/>: unopened, open, closed or settled.</summary>
    public string FilterStatus(DateTimeOffset now) =>
        now < OpenTime ? "unopened" : now < CloseTime ? "open" : IsSettled(now) ? "settled" : "closed";

    /// <summary>True when the result is visible at <paramref name="now"/>.</summary>
    public bool IsSettled(DateTimeOffset now) => Result is not null && now >= (SettledAt ?? CloseTime);

    internal void Write(Utf8JsonWriter json, DateTimeOffset now, SimKalshiBook book)
    {
        var filter = FilterStatus(now);
        json.WriteStartObject();
        json.WriteString("ticker", Ticker);
        json.WriteString("event_ticker", EventTicker);
        json.WriteString("market_type", "binary");
        json.WriteString("title", "BTC price up in next 15 mins?");
        json.WriteString("yes_sub_title", StrikeListed ? "Target Price: " + FloorStrike.ToString("N2", CultureInfo.InvariantCulture) : "Target Price: TBD");
        json.WriteString("open_time", Time(OpenTime));
        json.WriteString("close_time", Time(CloseTime));
        json.WriteString("expected_expiration_time", Time(CloseTime + TimeSpan.FromMinutes(5)));
        json.WriteString("latest_expiration_time", Time(CloseTime + TimeSpan.FromDays(7)));
        json.WriteNumber("settlement_timer_seconds", 1);
        json.WriteString("status", filter switch { "unopened" => "initialized", "open" => "active", "settled" => "finalized", _ => "closed" });
        if (StrikeListed)
        {
            json.WriteString("strike_type", "greater_or_equal");
            json.WriteNumber("floor_strike", FloorStrike);
        }

        if (filter == "settled")
        {
            json.WriteString("result", Result);
            json.WriteString("settlement_value_dollars", Result == "yes" ? "1.0000" : "0.0000");
            if (ExpirationValue is { } value)
            {
                json.WriteString("expiration_value", value.ToString(CultureInfo.InvariantCulture));
            }
        }

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
        var target = StrikeListed ? FloorStrike.ToString(CultureInfo.InvariantCulture) : "the simple average of the sixty seconds of BRTI before " + Time(OpenTime);
        json.WriteString("rules_primary",
            $"If the simple average of the sixty seconds of CF Benchmarks' BRTI before {Time(CloseTime)} is at least {target}, the market resolves to Yes.");
        json.WriteEndObject();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
