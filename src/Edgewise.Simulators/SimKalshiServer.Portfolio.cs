// The fake Kalshi's portfolio answers in Kalshi's shapes (FACTS §5.4, §5.6): order objects with the *_dollars and *_fp fields,
// the orders and fills lists (filtered by ticker, status, order_id; one page, empty cursor), positions (position_fp YES-positive)
// and the balance (integer cents as Kalshi sends it, plus balance_dollars with the exact amount). Also the push of one create's or
// cancel's activity to the WebSocket sessions. Call the JSON builders under the server lock.
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators;

public sealed partial class SimKalshiServer
{
    private string BalanceJson() => Json(json =>
    {
        json.WriteNumber("balance", (long)decimal.Floor(_balance * 100m));
        json.WriteString("balance_dollars", Dollars(_balance));
        json.WriteNumber("portfolio_value", 0);
        json.WriteNumber("updated_ts", Now.ToUnixTimeSeconds());
    });

    private string PositionsJson() => Json(json =>
    {
        json.WriteStartArray("market_positions");
        foreach (var (ticker, position) in _positions.Where(p => p.Value != 0m || _ordersById.Values.Any(o => o.Ticker == p.Key && o.Status == "resting")))
        {
            json.WriteStartObject();
            json.WriteString("ticker", ticker);
            json.WriteString("position_fp", SimKalshiBook.Size(position));
            json.WriteString("fees_paid_dollars", Dollars(_feesPaid.GetValueOrDefault(ticker)));
            json.WriteString("total_traded_dollars", Dollars(_traded.GetValueOrDefault(ticker)));
            json.WriteNumber("resting_orders_count", _ordersById.Values.Count(o => o.Ticker == ticker && o.Status == "resting"));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("event_positions");
        json.WriteEndArray();
        json.WriteString("cursor", string.Empty);
    });

    private string OrdersJson(IQueryCollection query)
    {
        var ticker = query.TryGetValue("ticker", out var t) ? t.ToString() : null;
        var status = query.TryGetValue("status", out var s) ? s.ToString() : null;
        return Json(json =>
        {
            json.WriteStartArray("orders");
            foreach (var order in _ordersById.Values.Reverse()) // newest first, as Kalshi lists them
            {
                if ((ticker is null || order.Ticker == ticker) && (status is null || order.Status == status))
                {
                    WriteOrder(json, null, order);
                }
            }

            json.WriteEndArray();
            json.WriteString("cursor", string.Empty);
        });
    }

    private string FillsJson(IQueryCollection query)
    {
        var ticker = query.TryGetValue("ticker", out var t) ? t.ToString() : null;
        var orderId = query.TryGetValue("order_id", out var o) ? o.ToString() : null;
        return Json(json =>
        {
            json.WriteStartArray("fills");
            foreach (var fill in Enumerable.Reverse(_fillList))
            {
                if ((ticker is null || fill.Ticker == ticker) && (orderId is null || fill.OrderId == orderId))
                {
                    json.WriteStartObject();
                    json.WriteString("fill_id", fill.TradeId);
                    json.WriteString("trade_id", fill.TradeId);
                    json.WriteString("order_id", fill.OrderId);
                    json.WriteString("client_order_id", fill.ClientOrderId);
                    json.WriteString("ticker", fill.Ticker);
                    json.WriteString("market_ticker", fill.Ticker);
                    json.WriteString("side", fill.Side);
                    json.WriteString("action", fill.Action);
                    json.WriteString("count_fp", SimKalshiBook.Size(fill.Count));
                    json.WriteString("yes_price_dollars", SimKalshiBook.Price(fill.YesPrice));
                    json.WriteString("no_price_dollars", SimKalshiBook.Price(1m - fill.YesPrice));
                    json.WriteBoolean("is_taker", fill.IsTaker);
                    json.WriteString("fee_cost", Dollars(fill.FeeCost));
                    json.WriteString("created_time", Time(fill.Time));
                    json.WriteNumber("ts", fill.Time.ToUnixTimeSeconds());
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteString("cursor", string.Empty);
        });
    }

    /// <summary>An order object, as a property named <paramref name="name"/> or (null) an array element.</summary>
    private static void WriteOrder(Utf8JsonWriter json, string? name, SimKalshiOrder order)
    {
        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }

        var yesPrice = order.Side == "yes" ? order.Price : 1m - order.Price;
        json.WriteString("order_id", order.OrderId);
        json.WriteString("user_id", "sim-user");
        json.WriteString("client_order_id", order.ClientOrderId);
        json.WriteString("ticker", order.Ticker);
        json.WriteString("side", order.Side);
        json.WriteString("action", order.Action);
        json.WriteString("type", "limit");
        json.WriteString("status", order.Status);
        json.WriteString("yes_price_dollars", SimKalshiBook.Price(yesPrice));
        json.WriteString("no_price_dollars", SimKalshiBook.Price(1m - yesPrice));
        json.WriteString("initial_count_fp", SimKalshiBook.Size(order.Count));
        json.WriteString("fill_count_fp", SimKalshiBook.Size(order.FillCount));
        json.WriteString("remaining_count_fp", SimKalshiBook.Size(order.RemainingCount));
        json.WriteString("taker_fees_dollars", Dollars(order.FeesPaid));
        json.WriteString("time_in_force", order.TimeInForce);
        json.WriteString("created_time", Time(order.CreatedTime));
        json.WriteString("last_update_time", Time(order.LastUpdateTime));
        json.WriteEndObject();
    }

    /// <summary>Sends one activity to every session (each skips what it has no subscription for); a broken session is skipped.</summary>
    private async Task PushAsync(Activity activity)
    {
        foreach (var session in Sessions)
        {
            try
            {
                await session.PushActivityAsync(activity);
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or InvalidOperationException or ObjectDisposedException
                or OperationCanceledException)
            {
                // The connection is going away: that client learns the state over REST.
            }
        }
    }

    private static string Dollars(decimal amount) => amount.ToString("0.0000##", CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
