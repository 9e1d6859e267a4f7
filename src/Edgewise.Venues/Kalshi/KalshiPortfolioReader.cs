// Reads Kalshi's portfolio answers (FACTS §5.4, §5.6): the order object of POST/DELETE/GET order ({"order":{...}}), the orders
// list ({"orders":[...],"cursor"}) and the fills list ({"fills":[...],"cursor"}). Counts and prices are read from the fixed-point
// forms (fill_count_fp "10.00", yes_price_dollars "0.5600") and, when only those are present, from the legacy integer forms (cents,
// whole contracts), straight to fixed point without double. A malformed object is an error naming the field, never a guess: an
// order the client cannot read is treated as unknown and looked up again by its caller.
using System.Globalization;
using System.Text.Json;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Venues.Kalshi;

public static class KalshiPortfolioReader
{
    private const long NanosPerSecond = 1_000_000_000L;

    /// <summary>The order of a {"order":{...}} answer, or null with the reason.</summary>
    public static KalshiOrder? ReadOrderResponse(ReadOnlyMemory<byte> body, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("order", out var order))
            {
                error = "the answer has no 'order' object";
                return null;
            }

            return ReadOrder(order, out error);
        }
        catch (JsonException ex)
        {
            error = $"not JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>The orders of one {"orders":[...]} page; null with the reason when the page cannot be read (one bad order spoils it).</summary>
    public static IReadOnlyList<KalshiOrder>? ReadOrders(ReadOnlyMemory<byte> body, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("orders", out var array)
                || array.ValueKind != JsonValueKind.Array)
            {
                error = "the answer has no 'orders' array";
                return null;
            }

            var orders = new List<KalshiOrder>();
            foreach (var element in array.EnumerateArray())
            {
                if (ReadOrder(element, out error) is not { } order)
                {
                    return null;
                }

                orders.Add(order);
            }

            error = null;
            return orders;
        }
        catch (JsonException ex)
        {
            error = $"not JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>One order object.</summary>
    public static KalshiOrder? ReadOrder(JsonElement order, out string? error)
    {
        error = null;
        if (order.ValueKind != JsonValueKind.Object)
        {
            error = "an order is not an object";
            return null;
        }

        if (Text(order, "order_id") is not { Length: > 0 } id)
        {
            error = "an order has no 'order_id'";
            return null;
        }

        if (Text(order, "ticker") is not { Length: > 0 } ticker || !TryReadSide(order, out var side) || !TryReadAction(order, out var action))
        {
            error = $"order {id}: needs 'ticker', 'side' yes|no and 'action' buy|sell";
            return null;
        }

        var statusText = Text(order, "status") ?? string.Empty;
        if (!TryCount(order, "fill_count", out var filled, out error))
        {
            error = $"order {id}: {error}";
            return null;
        }

        Quantity? remaining = null;
        if (Has(order, "remaining_count"))
        {
            if (!TryCount(order, "remaining_count", out var r, out error))
            {
                error = $"order {id}: {error}";
                return null;
            }

            remaining = r;
        }

        var status = statusText switch
        {
            "resting" => KalshiOrderStatus.Resting,
            "canceled" or "cancelled" => KalshiOrderStatus.Canceled,
            "executed" => KalshiOrderStatus.Executed,
            "pending" => KalshiOrderStatus.Pending,
            _ => KalshiOrderStatus.Unknown,
        };
        return new KalshiOrder(id, Text(order, "client_order_id"), ticker, side, action, status, statusText, filled ?? Quantity.Zero, remaining);
    }

    /// <summary>The fills of one {"fills":[...]} page as <see cref="KalshiFill"/>s of <paramref name="venue"/>; null with the reason when unreadable.</summary>
    public static IReadOnlyList<KalshiFill>? ReadFills(ReadOnlyMemory<byte> body, string venue, long tsRecv, out string? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("fills", out var array)
                || array.ValueKind != JsonValueKind.Array)
            {
                error = "the answer has no 'fills' array";
                return null;
            }

            var fills = new List<KalshiFill>();
            foreach (var element in array.EnumerateArray())
            {
                if (ReadFill(element, venue, tsRecv, out error) is not { } fill)
                {
                    return null;
                }

                fills.Add(fill);
            }

            error = null;
            return fills;
        }
        catch (JsonException ex)
        {
            error = $"not JSON: {ex.Message}";
            return null;
        }
    }

    private static KalshiFill? ReadFill(JsonElement fill, string venue, long tsRecv, out string? error)
    {
        error = null;
        var tradeId = Text(fill, "trade_id");
        var orderId = Text(fill, "order_id");
        var ticker = Text(fill, "ticker") ?? Text(fill, "market_ticker");
        if (tradeId is not { Length: > 0 } || orderId is not { Length: > 0 } || ticker is not { Length: > 0 }
            || !TryReadSide(fill, out var side) || !TryReadAction(fill, out var action))
        {
            error = $"fill {tradeId}: needs 'trade_id', 'order_id', 'ticker', 'side' yes|no and 'action' buy|sell";
            return null;
        }

        if (!TryCount(fill, "count", out var count, out error) || count is not { IsPositive: true } contracts)
        {
            error = $"fill {tradeId}: {error ?? "needs a positive 'count_fp'"}";
            return null;
        }

        if (!TryPrice(fill, out var yesPrice, out error))
        {
            error = $"fill {tradeId}: {error}";
            return null;
        }

        if (!TryTime(fill, out var tsEvent))
        {
            error = $"fill {tradeId}: needs 'created_time' (RFC 3339) or 'ts' (Unix seconds)";
            return null;
        }

        decimal? fee = fill.TryGetProperty("fee_cost", out var f) && TryDecimal(f, out var feeValue) ? feeValue : null;
        var isTaker = fill.TryGetProperty("is_taker", out var t) && t.ValueKind == JsonValueKind.True;
        return new KalshiFill(new InstrumentId(venue, ticker), tradeId, orderId, side, action, isTaker, yesPrice, contracts, null, null, fee,
            Text(fill, "client_order_id"), null, 0, tsEvent, tsRecv);
    }

    /// <summary>yes_price_dollars, else no_price_dollars complemented, else the legacy cents of yes_price.</summary>
    private static bool TryPrice(JsonElement fill, out Price yesPrice, out string? error)
    {
        error = null;
        if (Text(fill, "yes_price_dollars") is { } yes && Price.TryParse(yes, out var parsedYes))
        {
            yesPrice = parsedYes;
        }
        else if (Text(fill, "no_price_dollars") is { } no && Price.TryParse(no, out var noPrice))
        {
            yesPrice = BinaryContract.Complement(noPrice);
        }
        else if (fill.TryGetProperty("yes_price", out var cents) && cents.ValueKind == JsonValueKind.Number && cents.TryGetInt64(out var c))
        {
            yesPrice = new Price(c * (FixedPoint.One / 100));
        }
        else
        {
            yesPrice = default;
            error = "needs 'yes_price_dollars'";
            return false;
        }

        if (!yesPrice.IsPositive || yesPrice.Raw >= FixedPoint.One)
        {
            error = $"yes price {yesPrice} is not strictly between 0 and 1";
            return false;
        }

        return true;
    }

    private static bool TryTime(JsonElement fill, out long tsNs)
    {
        if (Text(fill, "created_time") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            tsNs = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
            return true;
        }

        if (fill.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var seconds))
        {
            tsNs = seconds * NanosPerSecond;
            return true;
        }

        tsNs = 0;
        return false;
    }

    /// <summary>name_fp ("10.00") or name (an integer); absent reads as null.</summary>
    private static bool TryCount(JsonElement element, string name, out Quantity? count, out string? error)
    {
        count = null;
        error = null;
        if (Text(element, name + "_fp") is { } text)
        {
            if (Quantity.TryParse(text, out var parsed) && parsed.Raw >= 0)
            {
                count = parsed;
                return true;
            }

            error = $"'{name}_fp' is not a count: '{text}'";
            return false;
        }

        if (element.TryGetProperty(name, out var number) && number.ValueKind == JsonValueKind.Number)
        {
            if (number.TryGetInt64(out var whole) && whole >= 0 && whole < long.MaxValue / FixedPoint.One)
            {
                count = new Quantity(whole * FixedPoint.One);
                return true;
            }

            error = $"'{name}' is not a count: {number.GetRawText()}";
            return false;
        }

        return true;
    }

    private static bool TryReadSide(JsonElement element, out OutcomeSide side)
    {
        bool ok;
        (side, ok) = Text(element, "side") switch { "yes" => (OutcomeSide.Yes, true), "no" => (OutcomeSide.No, true), _ => (default, false) };
        return ok;
    }

    private static bool TryReadAction(JsonElement element, out OrderSide action)
    {
        bool ok;
        (action, ok) = Text(element, "action") switch { "buy" => (OrderSide.Buy, true), "sell" => (OrderSide.Sell, true), _ => (OrderSide.None, false) };
        return ok;
    }

    private static bool TryDecimal(JsonElement value, out decimal result)
    {
        result = 0m;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out result),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }

    private static bool Has(JsonElement element, string name) => element.TryGetProperty(name + "_fp", out _) || element.TryGetProperty(name, out _);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
