// The body of POST /portfolio/orders (FACTS §5.4) for one limit order, built from what the engine asked for. Kalshi trades one
// market per ticker with two sides: side yes|no names the contract, action buy|sell the direction, and the limit is that side's
// own price (yes_price_dollars for YES, no_price_dollars for NO). Our engine models NO as a separate instrument, so buying the
// NO instrument at 0.60 is side=no, action=buy, no_price_dollars="0.6000"; nothing is translated into YES terms here.
// Prices go out in the fixed-point *_dollars form (the cent fields cannot express the tapered grid's 0.001 steps), with at
// least 4 decimals as Kalshi writes them and at most 6 (its finest); counts as an integer "count" when whole (every API version
// takes it), else "count_fp" with 2 decimals. time_in_force is always stated, so no Kalshi default decides how long an order
// lives. The client_order_id is what lets an order whose answer was lost be found again: it must be unique and follow
// Kalshi's pattern (at most 64 of letters, digits, '_', '-', ':', '+', '=', '/').
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Venues.Kalshi;

public sealed record KalshiOrderRequest
{
    public const int MaxClientOrderIdLength = 64;

    private const long MaxPriceDecimalsRaw = 1_000; // 1e-6 at the 1e-9 scale: Kalshi prices have at most 6 decimals
    private const long CountStepRaw = 10_000_000;   // 0.01 contracts

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="ArgumentException">A field Kalshi would refuse; the message names it.</exception>
    public KalshiOrderRequest(string ticker, OutcomeSide side, OrderSide action, Quantity count, Price price, TimeInForce timeInForce, string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        if (!Enum.IsDefined(side))
        {
            throw new ArgumentException($"side must be YES or NO, not {side}.", nameof(side));
        }

        if (action is not (OrderSide.Buy or OrderSide.Sell))
        {
            throw new ArgumentException($"action must be buy or sell, not {action}.", nameof(action));
        }

        if (!count.IsPositive || count.Raw % CountStepRaw != 0)
        {
            throw new ArgumentException($"count {count} must be positive in steps of 0.01 contracts.", nameof(count));
        }

        if (!price.IsPositive || price.Raw >= FixedPoint.One || price.Raw % MaxPriceDecimalsRaw != 0)
        {
            throw new ArgumentException($"price {price} must lie strictly between 0 and 1 with at most 6 decimals.", nameof(price));
        }

        if (timeInForce is not (TimeInForce.Gtc or TimeInForce.Ioc or TimeInForce.Fok))
        {
            throw new ArgumentException($"time in force {timeInForce} is not one Kalshi has.", nameof(timeInForce));
        }

        if (!IsValidClientOrderId(clientOrderId))
        {
            throw new ArgumentException(
                $"client_order_id '{clientOrderId}' must be 1-{MaxClientOrderIdLength} letters, digits or _ - : + = /.", nameof(clientOrderId));
        }

        Ticker = ticker;
        Side = side;
        Action = action;
        Count = count;
        Price = price;
        TimeInForce = timeInForce;
        ClientOrderId = clientOrderId;
    }

    public string Ticker { get; }

    /// <summary>The contract traded: YES or NO.</summary>
    public OutcomeSide Side { get; }

    /// <summary>Buy or sell that contract.</summary>
    public OrderSide Action { get; }

    public Quantity Count { get; }

    /// <summary>The limit, in the traded side's own terms.</summary>
    public Price Price { get; }

    public TimeInForce TimeInForce { get; }

    public string ClientOrderId { get; }

    /// <summary>Kalshi's words for a side, an action and a time in force.</summary>
    public static string SideText(OutcomeSide side) => side == OutcomeSide.Yes ? "yes" : "no";

    public static string ActionText(OrderSide action) => action == OrderSide.Buy ? "buy" : "sell";

    public static string TimeInForceText(TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Gtc => "good_till_canceled",
        TimeInForce.Ioc => "immediate_or_cancel",
        TimeInForce.Fok => "fill_or_kill",
        _ => throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "Not a Kalshi time in force."),
    };

    /// <summary>A price as Kalshi writes dollars: at least 4 decimals ("0.1200"), more only when the value needs them.</summary>
    public static string Dollars(Price price) => FixedPoint.Format(price.Raw, Math.Max(4, FixedPoint.MinimalDecimals(price.Raw)));

    /// <summary>Letters, digits and _ - : + = /, 1 to 64 characters.</summary>
    public static bool IsValidClientOrderId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxClientOrderIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '+' or '=' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The request body as UTF-8 JSON, fields in a fixed order.</summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("ticker", Ticker);
            json.WriteString("client_order_id", ClientOrderId);
            json.WriteString("side", SideText(Side));
            json.WriteString("action", ActionText(Action));
            json.WriteString("type", "limit");
            if (Count.Raw % FixedPoint.One == 0)
            {
                json.WriteNumber("count", Count.Raw / FixedPoint.One);
            }
            else
            {
                json.WriteString("count_fp", FixedPoint.Format(Count.Raw, 2));
            }

            json.WriteString(Side == OutcomeSide.Yes ? "yes_price_dollars" : "no_price_dollars", Dollars(Price));
            json.WriteString("time_in_force", TimeInForceText(TimeInForce));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public override string ToString() =>
        $"{ActionText(Action)} {Count} {SideText(Side)} {Ticker} at {Dollars(Price)} {TimeInForceText(TimeInForce)} ({ClientOrderId})";
}
