// The fake Kalshi's portfolio (FACTS §5.2, §5.4): every request must carry a valid KALSHI-ACCESS-* signature over
// timestamp + METHOD + path (401 otherwise; the body is not signed). Routes:
//   POST   /portfolio/orders             create a limit order: validated, matched at once against the market's book
//                                        (SimKalshiServer.Matching.cs), the rest canceled (IOC/FOK) or rested (GTC);
//   DELETE /portfolio/orders/{order_id}  cancel what rests;
//   GET    /portfolio/orders[/{id}], /portfolio/fills, /portfolio/positions, /portfolio/balance   read the same state.
// Refusals carry Kalshi's error body; the codes are the fake's choice where Kalshi's are not documented [unverified]:
// invalid_parameters (400), market_not_found (404), market_closed (400), order_already_exists (409, a client_order_id in use),
// insufficient_balance (400), not_found (404, cancel of an order that no longer rests). Fills, order updates and the book changes
// they cause are pushed to every authenticated WebSocket session subscribed to fill, user_orders or the market's orderbook_delta,
// before the HTTP answer is written (so a client sees the fill on its socket before it learns the order id: it must cope).
// RespondToNextCreate scripts the answer of the next create (a 500 or a held answer after the order WAS placed, or instead of it),
// for the unknown-outcome path of a client.
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators;

public sealed partial class SimKalshiServer
{
    private readonly Queue<(SimRestResponse Response, bool PlaceOrder)> _createScripts = new();

    /// <summary>
    /// Answers the next POST /portfolio/orders with <paramref name="response"/> (held until its HeldUntil task completes when one is
    /// given). With <paramref name="placeOrder"/> the order is placed and matched first, so the client cannot tell from the
    /// answer whether it exists; without, nothing is placed.
    /// </summary>
    public void RespondToNextCreate(SimRestResponse response, bool placeOrder)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
        {
            _createScripts.Enqueue((response, placeOrder));
        }
    }

    /// <summary>Lets the market resolve: <paramref name="result"/> ("yes" or "no") appears <paramref name="settlesAfter"/> its close.</summary>
    public void SetResult(string ticker, string result, TimeSpan settlesAfter = default)
    {
        if (result is not ("yes" or "no"))
        {
            throw new ArgumentException("A BTC market resolves yes or no.", nameof(result));
        }

        lock (_gate)
        {
            var index = _markets.FindIndex(m => m.Ticker == ticker);
            if (index < 0)
            {
                throw new InvalidOperationException($"The fake Kalshi has no market {ticker}: add it first.");
            }

            _markets[index] = _markets[index] with { Result = result, SettledAt = _markets[index].CloseTime + settlesAfter };
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return string.Empty;
        }

        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    /// <summary>Answers a /portfolio/... request; null when the client went away while a scripted answer was held.</summary>
    private async Task<(int Status, string Body)?> PortfolioAsync(string method, string relative, IQueryCollection query, SimKalshiRequest request,
        CancellationToken aborted)
    {
        if (request.SignatureValid != true)
        {
            return (401, Error("authentication_error", "authentication failed", "missing or invalid KALSHI-ACCESS-SIGNATURE"));
        }

        var parts = relative.Trim('/').Split('/');
        if (HttpMethods.IsPost(method) && parts is ["portfolio", "orders"])
        {
            return await CreateAsync(request.Body, aborted);
        }

        if (HttpMethods.IsDelete(method) && parts is ["portfolio", "orders", var cancelId])
        {
            return await CancelAsync(cancelId);
        }

        if (!HttpMethods.IsGet(method))
        {
            return (405, Error("method_not_allowed", $"{method} {relative} is not supported"));
        }

        lock (_gate)
        {
            SettleDue();
            return parts switch
            {
                ["portfolio", "balance"] => (200, BalanceJson()),
                ["portfolio", "positions"] => (200, PositionsJson()),
                ["portfolio", "orders"] => (200, OrdersJson(query)),
                ["portfolio", "orders", var id] => _ordersById.TryGetValue(id, out var order)
                    ? (200, Json(json => WriteOrder(json, "order", order)))
                    : (404, Error("not_found", $"order {id} not found")),
                ["portfolio", "fills"] => (200, FillsJson(query)),
                _ => (404, Error("not_found", $"no portfolio route {relative}")),
            };
        }
    }

    private async Task<(int Status, string Body)?> CreateAsync(string body, CancellationToken aborted)
    {
        (SimRestResponse Response, bool PlaceOrder)? script;
        Activity? activity = null;
        (int Status, string Body) answer;
        lock (_gate)
        {
            script = _createScripts.Count > 0 ? _createScripts.Dequeue() : null;
            answer = script is { PlaceOrder: false } ? default : Place(body, out activity);
        }

        if (activity is not null)
        {
            await PushAsync(activity);
        }

        if (script is not { } scripted)
        {
            return answer;
        }

        if (scripted.Response.HeldUntil is { } hold)
        {
            try
            {
                await hold.WaitAsync(aborted);
            }
            catch (OperationCanceledException)
            {
                return null; // the client gave up (its timeout) or the server is stopping
            }
        }

        return (scripted.Response.Status, scripted.Response.Body);
    }

    /// <summary>Validates and places one order; call under the lock.</summary>
    private (int Status, string Body) Place(string body, out Activity? activity)
    {
        activity = null;
        SettleDue();
        if (ReadOrderBody(body, out var error) is not { } order)
        {
            return (400, Error("invalid_parameters", error!));
        }

        var market = _markets.FirstOrDefault(m => m.Ticker == order.Ticker);
        if (market is null)
        {
            return (404, Error("market_not_found", $"market {order.Ticker} not found"));
        }

        var now = Now;
        if (market.FilterStatus(now) != "open")
        {
            return (400, Error("market_closed", $"market {order.Ticker} is not open for trading"));
        }

        if (!IsOnGrid(order.Price))
        {
            return (400, Error("invalid_parameters", $"price {order.Price} is not on the market's price grid", "price"));
        }

        if (_ordersById.Values.Any(o => o.ClientOrderId == order.ClientOrderId))
        {
            return (409, Error("order_already_exists", $"an order with client_order_id {order.ClientOrderId} already exists"));
        }

        if (order.Action == "buy" && order.Price * order.Count + TakerFee(order.Price, order.Count) > _balance)
        {
            return (400, Error("insufficient_balance", "insufficient balance for this order"));
        }

        var placed = Match(order, now, out activity);
        return (201, Json(json => WriteOrder(json, "order", placed)));
    }

    private async Task<(int Status, string Body)?> CancelAsync(string orderId)
    {
        Activity? activity = null;
        (int, string) answer;
        lock (_gate)
        {
            SettleDue();
            if (!_ordersById.TryGetValue(orderId, out var order))
            {
                answer = (404, Error("not_found", $"order {orderId} not found"));
            }
            else if (order.Status != "resting")
            {
                answer = (404, Error("not_found", $"order {orderId} is {order.Status}, nothing rests to cancel"));
            }
            else
            {
                var canceled = Unrest(order, Now, out activity);
                answer = (200, Json(json =>
                {
                    WriteOrder(json, "order", canceled);
                    json.WriteString("reduced_by_fp", SimKalshiBook.Size(order.RemainingCount));
                }));
            }
        }

        if (activity is not null)
        {
            await PushAsync(activity);
        }

        return answer;
    }

    /// <summary>The create body as an order to place (ids not yet assigned), or null with what is wrong.</summary>
    private SimKalshiOrder? ReadOrderBody(string body, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var ticker = Text("ticker");
            var clientOrderId = Text("client_order_id");
            var side = Text("side");
            var action = Text("action");
            var tif = Text("time_in_force") ?? "good_till_canceled";
            if (ticker is null || clientOrderId is not { Length: > 0 } || side is not ("yes" or "no") || action is not ("buy" or "sell"))
            {
                error = "ticker, client_order_id, side (yes|no) and action (buy|sell) are required";
                return null;
            }

            if (Text("type") is not "limit")
            {
                error = "type must be limit";
                return null;
            }

            if (tif is not ("good_till_canceled" or "immediate_or_cancel" or "fill_or_kill"))
            {
                error = $"time_in_force {tif} is not supported";
                return null;
            }

            decimal count;
            if (root.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out var whole))
            {
                count = whole;
            }
            else if (Text("count_fp") is { } fp && decimal.TryParse(fp, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                count = parsed;
            }
            else
            {
                error = "count or count_fp is required";
                return null;
            }

            var priceText = Text(side + "_price_dollars");
            if (count <= 0 || decimal.Round(count, 2) != count)
            {
                error = "count must be positive in steps of 0.01";
                return null;
            }

            if (priceText is null || !decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) || price is <= 0m or >= 1m)
            {
                error = $"{side}_price_dollars is required, strictly between 0 and 1";
                return null;
            }

            var now = Now;
            return new SimKalshiOrder(string.Empty, clientOrderId, ticker, side, action, price, count, 0m, "pending", tif, now, now, 0m);
        }
        catch (JsonException)
        {
            error = "the body is not JSON";
            return null;
        }
    }

    /// <summary>The tapered_deci_cent grid every fake market has: 0.001 below 0.10 and above 0.90, 0.01 between.</summary>
    private static bool IsOnGrid(decimal price) =>
        price is > 0m and < 1m && (price is < 0.10m or > 0.90m ? decimal.Round(price, 3) == price : decimal.Round(price, 2) == price);
}
