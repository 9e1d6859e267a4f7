// The fake Kalshi's REST answers (FACTS §5.3): bodies in Kalshi's shapes, built from the server's markets, books and clock, and
// Kalshi's error body {"error":{"code","message","details"}} for refusals. The portfolio is SimKalshiServer.Orders.cs.
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators;

public sealed partial class SimKalshiServer
{
    private const int DefaultMarketsLimit = 100;

    private (int Status, string Body) Route(string relative, IQueryCollection query, SimKalshiRequest request)
    {
        var parts = relative.Trim('/').Split('/');
        lock (_gate)
        {
            return parts switch
            {
                ["series", var series] => Series(series),
                ["series", _, "markets", var ticker, "candlesticks"] => Candlesticks(ticker, query),
                ["events"] => Events(query),
                ["markets"] => Markets(query),
                ["markets", "trades"] => Trades(query),
                ["markets", var ticker] => Market(ticker),
                ["markets", var ticker, "orderbook"] => Orderbook(ticker),
                _ => (404, Error("not_found", $"no route {relative}")),
            };
        }
    }

    private (int, string) Series(string series)
    {
        if (!_markets.Any(m => m.SeriesTicker == series))
        {
            return (404, Error("not_found", $"series {series} not found"));
        }

        return (200, Json(json =>
        {
            json.WriteStartObject("series");
            json.WriteString("ticker", series);
            json.WriteString("frequency", "fifteen_min");
            json.WriteString("title", "Bitcoin price up or down in 15 minutes");
            json.WriteString("category", "Crypto");
            json.WriteString("fee_type", "quadratic");
            json.WriteNumber("fee_multiplier", 1);
            json.WriteEndObject();
        }));
    }

    private (int, string) Markets(IQueryCollection query)
    {
        var limit = DefaultMarketsLimit;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
        {
            return (400, Error("invalid_parameters", "limit must be between 1 and 1000", "limit"));
        }

        var start = 0;
        if (query.TryGetValue("cursor", out var cursor) && cursor.ToString().Length > 0 && !TryReadCursor(cursor.ToString(), out start))
        {
            return (400, Error("invalid_parameters", "invalid cursor", "cursor"));
        }

        var now = Now;
        var matching = Filtered(query, now).ToList();
        var page = matching.Skip(start).Take(limit).ToList();
        var next = start + page.Count < matching.Count ? WriteCursor(start + page.Count) : string.Empty;
        return (200, Json(json =>
        {
            json.WriteStartArray("markets");
            foreach (var market in page)
            {
                market.Write(json, now, _books[market.Ticker]);
            }

            json.WriteEndArray();
            json.WriteString("cursor", next);
        }));
    }

    private (int, string) Events(IQueryCollection query)
    {
        var now = Now;
        var nested = query.TryGetValue("with_nested_markets", out var flag) && flag == "true";
        var events = Filtered(query, now).GroupBy(m => m.EventTicker).ToList();
        return (200, Json(json =>
        {
            json.WriteStartArray("events");
            foreach (var group in events)
            {
                var first = group.First();
                json.WriteStartObject();
                json.WriteString("event_ticker", group.Key);
                json.WriteString("series_ticker", first.SeriesTicker);
                json.WriteString("title", "BTC price up in next 15 mins?");
                json.WriteBoolean("mutually_exclusive", false);
                json.WriteString("strike_date", first.CloseTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                if (nested)
                {
                    json.WriteStartArray("markets");
                    foreach (var market in group)
                    {
                        market.Write(json, now, _books[market.Ticker]);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("cursor", string.Empty);
        }));
    }

    private (int, string) Market(string ticker)
    {
        var market = _markets.FirstOrDefault(m => m.Ticker == ticker);
        if (market is null)
        {
            return (404, Error("not_found", $"market {ticker} not found"));
        }

        return (200, Json(json =>
        {
            json.WritePropertyName("market");
            market.Write(json, Now, _books[ticker]);
        }));
    }

    private (int, string) Orderbook(string ticker)
    {
        if (!_books.TryGetValue(ticker, out var book))
        {
            return (404, Error("not_found", $"market {ticker} not found"));
        }

        return (200, Json(json =>
        {
            // Bids only, YES and NO each at its own price, ascending: the best bid is the last element.
            json.WriteStartObject("orderbook_fp");
            WriteLevels(json, "yes_dollars", book.Yes);
            WriteLevels(json, "no_dollars", book.No);
            json.WriteEndObject();
        }));
    }

    private (int, string) Trades(IQueryCollection query)
    {
        var ticker = query.TryGetValue("ticker", out var t) ? t.ToString() : null;
        var market = _markets.FirstOrDefault(m => m.Ticker == ticker);
        return (200, Json(json =>
        {
            json.WriteStartArray("trades");
            if (market is not null)
            {
                // One trade at the market's open, taker bought YES at the best YES ask.
                var (_, ask) = _books[market.Ticker].BestYes();
                json.WriteStartObject();
                json.WriteString("trade_id", MarketId(market.Ticker + "/trade"));
                json.WriteString("ticker", market.Ticker);
                json.WriteString("yes_price_dollars", SimKalshiBook.Price(ask));
                json.WriteString("no_price_dollars", SimKalshiBook.Price(1 - ask));
                json.WriteString("count_fp", "1.00");
                json.WriteString("taker_side", "yes");
                json.WriteString("taker_outcome_side", "yes");
                json.WriteString("taker_book_side", "bid");
                json.WriteString("created_time", market.OpenTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("cursor", string.Empty);
        }));
    }

    /// <summary>One candlestick covering the window, in the shape of the recorded KXBTC15M sample.</summary>
    private (int, string) Candlesticks(string ticker, IQueryCollection query)
    {
        if (!_books.TryGetValue(ticker, out var book))
        {
            return (404, Error("not_found", $"market {ticker} not found"));
        }

        if (!long.TryParse(query["start_ts"], CultureInfo.InvariantCulture, out _) || !long.TryParse(query["end_ts"], CultureInfo.InvariantCulture, out var end)
            || query["period_interval"].ToString() is not ("1" or "60" or "1440"))
        {
            return (400, Error("invalid_parameters", "start_ts, end_ts and period_interval (1, 60, 1440) are required"));
        }

        var (bid, ask) = book.BestYes();
        return (200, Json(json =>
        {
            json.WriteString("ticker", ticker);
            json.WriteStartArray("candlesticks");
            json.WriteStartObject();
            json.WriteNumber("end_period_ts", end);
            json.WriteString("open_interest_fp", "0.00");
            Ohlc(json, "price", (bid + ask) / 2);
            json.WriteString("volume_fp", "0.00");
            Ohlc(json, "yes_ask", ask);
            Ohlc(json, "yes_bid", bid);
            json.WriteEndObject();
            json.WriteEndArray();
        }));

        static void Ohlc(Utf8JsonWriter json, string name, decimal value)
        {
            json.WriteStartObject(name);
            foreach (var field in new[] { "close_dollars", "high_dollars", "low_dollars", "open_dollars" })
            {
                json.WriteString(field, SimKalshiBook.Price(value));
            }

            json.WriteEndObject();
        }
    }

    private IEnumerable<SimKalshiMarket> Filtered(IQueryCollection query, DateTimeOffset now)
    {
        var series = query.TryGetValue("series_ticker", out var s) ? s.ToString() : null;
        var status = query.TryGetValue("status", out var st) ? st.ToString() : null;
        return _markets
            .Where(m => series is null || m.SeriesTicker == series)
            .Where(m => status is null || m.FilterStatus(now) == status)
            .OrderBy(m => m.CloseTime)
            .ThenBy(m => m.Ticker, StringComparer.Ordinal);
    }

    private static void WriteLevels(Utf8JsonWriter json, string name, SortedDictionary<decimal, decimal> levels)
    {
        json.WriteStartArray(name);
        foreach (var (price, size) in levels)
        {
            json.WriteStartArray();
            json.WriteStringValue(SimKalshiBook.Price(price));
            json.WriteStringValue(SimKalshiBook.Size(size));
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    /// <summary>Cursors are opaque to clients; this one is a base64 offset.</summary>
    private static string WriteCursor(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(7), CultureInfo.InvariantCulture, out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Kalshi's error body.</summary>
    internal static string Error(string code, string message, string? details = null) => Json(json =>
    {
        json.WriteStartObject("error");
        json.WriteString("code", code);
        json.WriteString("message", message);
        if (details is not null)
        {
            json.WriteString("details", details);
        }

        json.WriteEndObject();
    });

    /// <summary>A stable UUID-shaped id per text (Kalshi's market_id and trade_id are UUIDs).</summary>
    internal static string MarketId(string text) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)).ToString();

    internal static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
