// The JSON texts a Kalshi WebSocket client sends (FACTS §5.5): subscribe, unsubscribe, update_subscription (add/delete markets)
// and the get_snapshot action that repairs an orderbook subscription after a sequence gap without resubscribing. Every command
// carries the client's id, which Kalshi echoes in its reply. A market subscription always states use_yes_price, because Kalshi
// will change the flag's default and the parser must know which pricing the feed uses (KalshiBookPricing).
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Edgewise.Venues.Kalshi;

public static class KalshiCommands
{
    public const string OrderbookDeltaChannel = "orderbook_delta";
    public const string TickerChannel = "ticker";
    public const string TradeChannel = "trade";
    public const string FillChannel = "fill";
    public const string UserOrdersChannel = "user_orders";
    public const string CfBenchmarksValueChannel = "cfbenchmarks_value";
    public const string CfBenchmarksValue5HzChannel = "cfbenchmarks_value_5hz";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// {"id":1,"cmd":"subscribe","params":{"channels":["orderbook_delta"],"market_tickers":["KXBTCD-..."],"use_yes_price":false}}.
    /// </summary>
    public static string Subscribe(long id, IReadOnlyList<string> channels, IReadOnlyList<string> marketTickers, KalshiBookPricing pricing)
    {
        RequireNonEmpty(channels, nameof(channels));
        RequireNonEmpty(marketTickers, nameof(marketTickers));
        if (!Enum.IsDefined(pricing))
        {
            throw new ArgumentOutOfRangeException(nameof(pricing), pricing, "State how the feed prices NO levels (use_yes_price); there is no default.");
        }

        return Write(id, "subscribe", json =>
        {
            WriteStrings(json, "channels", channels);
            WriteStrings(json, "market_tickers", marketTickers);
            json.WriteBoolean("use_yes_price", pricing == KalshiBookPricing.NoLevelsAtYesPrice);
        });
    }

    /// <summary>{"id":1,"cmd":"subscribe","params":{"channels":["cfbenchmarks_value"],"index_ids":["BRTI"]}} (index channels take no markets).</summary>
    public static string SubscribeIndices(long id, IReadOnlyList<string> channels, IReadOnlyList<string> indexIds)
    {
        RequireNonEmpty(channels, nameof(channels));
        RequireNonEmpty(indexIds, nameof(indexIds));
        return Write(id, "subscribe", json =>
        {
            WriteStrings(json, "channels", channels);
            WriteStrings(json, "index_ids", indexIds);
        });
    }

    /// <summary>{"id":1,"cmd":"subscribe","params":{"channels":["fill"]}}: private channels (fill, user_orders) for every market of the account.</summary>
    public static string SubscribePrivate(long id, IReadOnlyList<string> channels)
    {
        RequireNonEmpty(channels, nameof(channels));
        return Write(id, "subscribe", json => WriteStrings(json, "channels", channels));
    }

    /// <summary>{"id":7,"cmd":"update_subscription","params":{"sid":3,"action":"get_snapshot"}}: a fresh orderbook_snapshot for the subscription.</summary>
    public static string GetSnapshot(long id, long sid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sid, 1);
        return Write(id, "update_subscription", json =>
        {
            json.WriteNumber("sid", sid);
            json.WriteString("action", "get_snapshot");
        });
    }

    /// <summary>{"id":8,"cmd":"unsubscribe","params":{"sids":[3,4]}}.</summary>
    public static string Unsubscribe(long id, IReadOnlyList<long> sids)
    {
        ArgumentNullException.ThrowIfNull(sids);
        if (sids.Count == 0 || sids.Any(s => s < 1))
        {
            throw new ArgumentException("Unsubscribe needs at least one subscription id, each 1 or more.", nameof(sids));
        }

        return Write(id, "unsubscribe", json =>
        {
            json.WriteStartArray("sids");
            foreach (var sid in sids)
            {
                json.WriteNumberValue(sid);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>{"id":9,"cmd":"update_subscription","params":{"sid":3,"action":"add_markets","market_tickers":["..."]}}.</summary>
    public static string UpdateSubscription(long id, long sid, KalshiSubscriptionUpdate update, IReadOnlyList<string> marketTickers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sid, 1);
        RequireNonEmpty(marketTickers, nameof(marketTickers));
        var action = update switch
        {
            KalshiSubscriptionUpdate.AddMarkets => "add_markets",
            KalshiSubscriptionUpdate.DeleteMarkets => "delete_markets",
            _ => throw new ArgumentOutOfRangeException(nameof(update), update, "Unknown subscription update."),
        };
        return Write(id, "update_subscription", json =>
        {
            json.WriteNumber("sid", sid);
            json.WriteString("action", action);
            WriteStrings(json, "market_tickers", marketTickers);
        });
    }

    private static string Write(long id, string command, Action<Utf8JsonWriter> writeParams)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("cmd", command);
            json.WriteStartObject("params");
            writeParams(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void RequireNonEmpty(IReadOnlyList<string> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"'{paramName}' needs at least one name, none of them blank.", paramName);
        }
    }
}
