// What a SimKalshiSession pushes when the server's portfolio changes (FACTS §5.5): the book changes of a match or cancel on the
// market's orderbook_delta subscription (sequenced like any delta, already applied to the server's book), each fill on the
// private fill channel ({"type":"fill","sid","msg":{trade_id, order_id, client_order_id, market_ticker, side, action,
// yes_price_dollars, count_fp, is_taker, fee_cost, post_position_fp, purchased_side, ts}}) and each order's new state on
// user_orders ({"type":"user_order","sid","msg":{the order object}}). A session without the subscription gets nothing.
namespace Edgewise.Simulators;

public sealed partial class SimKalshiSession
{
    internal const string FillChannel = "fill";
    internal const string UserOrdersChannel = "user_orders";

    /// <summary>Sends what one create or cancel changed, under the send lock so seqs stay in wire order.</summary>
    internal async Task PushActivityAsync(SimKalshiServer.Activity activity)
    {
        await _send.WaitAsync();
        try
        {
            foreach (var (ticker, yes, price, delta) in activity.BookChanges)
            {
                if (Find(Orderbook, ticker) is not { } book)
                {
                    continue;
                }

                await SendDeltaAsync(book, ticker, yes, price, delta, _server.Now.ToUnixTimeMilliseconds());
            }

            foreach (var fill in activity.Fills)
            {
                if (FindPrivate(FillChannel, fill.Ticker) is not { } subscription)
                {
                    continue;
                }

                await SendAsync(SimKalshiServer.Json(json =>
                {
                    json.WriteString("type", "fill");
                    json.WriteNumber("sid", subscription.Sid);
                    json.WriteStartObject("msg");
                    json.WriteString("trade_id", fill.TradeId);
                    json.WriteString("order_id", fill.OrderId);
                    json.WriteString("client_order_id", fill.ClientOrderId);
                    json.WriteString("market_ticker", fill.Ticker);
                    json.WriteBoolean("is_taker", fill.IsTaker);
                    json.WriteString("side", fill.Side);
                    json.WriteString("action", fill.Action);
                    json.WriteString("yes_price_dollars", SimKalshiBook.Price(fill.YesPrice));
                    json.WriteString("count_fp", SimKalshiBook.Size(fill.Count));
                    json.WriteString("fee_cost", fill.FeeCost.ToString("0.0000##", System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteString("post_position_fp", SimKalshiBook.Size(fill.PostPosition));
                    json.WriteString("purchased_side", fill.Action == "buy" ? fill.Side : fill.Side == "yes" ? "no" : "yes");
                    json.WriteNumber("ts", fill.Time.ToUnixTimeSeconds());
                    json.WriteEndObject();
                }));
            }

            foreach (var order in activity.Orders)
            {
                if (FindPrivate(UserOrdersChannel, order.Ticker) is not { } subscription)
                {
                    continue;
                }

                await SendAsync(SimKalshiServer.Json(json =>
                {
                    json.WriteString("type", "user_order");
                    json.WriteNumber("sid", subscription.Sid);
                    json.WriteStartObject("msg");
                    json.WriteString("order_id", order.OrderId);
                    json.WriteString("client_order_id", order.ClientOrderId);
                    json.WriteString("ticker", order.Ticker);
                    json.WriteString("status", order.Status);
                    json.WriteString("side", order.Side);
                    json.WriteString("action", order.Action);
                    json.WriteString(order.Side + "_price_dollars", SimKalshiBook.Price(order.Price));
                    json.WriteString("initial_count_fp", SimKalshiBook.Size(order.Count));
                    json.WriteString("fill_count_fp", SimKalshiBook.Size(order.FillCount));
                    json.WriteString("remaining_count_fp", SimKalshiBook.Size(order.RemainingCount));
                    json.WriteString("created_time", SimKalshiServer.Time(order.CreatedTime));
                    json.WriteString("last_update_time", SimKalshiServer.Time(order.LastUpdateTime));
                    json.WriteEndObject();
                }));
            }
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>A private-channel subscription: all markets when it named none, else only those it named.</summary>
    private SimKalshiSubscription? FindPrivate(string channel, string ticker)
    {
        lock (_gate)
        {
            return _subscriptions.Values.FirstOrDefault(s => s.Channel == channel && (s.Tickers.Count == 0 || s.Tickers.Contains(ticker)));
        }
    }
}
