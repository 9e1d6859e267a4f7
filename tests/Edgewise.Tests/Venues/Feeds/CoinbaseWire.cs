namespace Edgewise.Tests.Venues.Feeds;

/// <summary>Coinbase Advanced Trade messages in the wire shape of FACTS §1.2-1.3 (envelope with sequence_num; levels as text).</summary>
internal static class CoinbaseWire
{
    public const string SubscribeLevel2 = """{"type":"subscribe","product_ids":["BTC-USD"],"channel":"level2"}""";

    public const string SubscribeTrades = """{"type":"subscribe","product_ids":["BTC-USD"],"channel":"market_trades"}""";

    public const string SubscribeTicker = """{"type":"subscribe","product_ids":["BTC-USD"],"channel":"ticker"}""";

    public const string SubscribeHeartbeats = """{"type":"subscribe","channel":"heartbeats"}""";

    public const string UnsubscribeLevel2 = """{"type":"unsubscribe","product_ids":["BTC-USD"],"channel":"level2"}""";

    public static string Subscriptions(long sequence) =>
        $$$"""{"channel":"subscriptions","client_id":"","timestamp":"2026-01-01T00:00:00.000000Z","sequence_num":{{{sequence}}},"events":[{"subscriptions":{"level2":["BTC-USD"],"market_trades":["BTC-USD"],"ticker":["BTC-USD"]}}]}""";

    /// <summary>An l2_data message; <paramref name="updates"/> is a list of (side, price, size) with side "bid" or "offer".</summary>
    public static string L2(long sequence, string type, params (string Side, string Price, string Size)[] updates)
    {
        var levels = string.Join(',', updates.Select(u =>
            $$$"""{"side":"{{{u.Side}}}","event_time":"2026-01-01T00:00:00.100000Z","price_level":"{{{u.Price}}}","new_quantity":"{{{u.Size}}}"}"""));
        return $$$"""{"channel":"l2_data","client_id":"","timestamp":"2026-01-01T00:00:00.100000Z","sequence_num":{{{sequence}}},"events":[{"type":"{{{type}}}","product_id":"BTC-USD","updates":[{{{levels}}}]}]}""";
    }

    public static string Heartbeat(long sequence) =>
        $$$"""{"channel":"heartbeats","client_id":"","timestamp":"2026-01-01T00:00:01.000000Z","sequence_num":{{{sequence}}},"events":[{"current_time":"2026-01-01 00:00:01.000000000 +0000 UTC m=+1.000000001","heartbeat_counter":{{{sequence}}}}]}""";

    public static string Trade(long sequence, long tradeId, string price, string size, string side) =>
        $$$"""{"channel":"market_trades","client_id":"","timestamp":"2026-01-01T00:00:02.000000Z","sequence_num":{{{sequence}}},"events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"{{{tradeId}}}","price":"{{{price}}}","size":"{{{size}}}","time":"2026-01-01T00:00:01.900000Z","side":"{{{side}}}"}]}]}""";

    public static string Ticker(long sequence, string bid, string bidQty, string ask, string askQty) =>
        $$$"""{"channel":"ticker","client_id":"","timestamp":"2026-01-01T00:00:03.000000Z","sequence_num":{{{sequence}}},"events":[{"type":"update","tickers":[{"type":"ticker","product_id":"BTC-USD","price":"{{{bid}}}","best_bid":"{{{bid}}}","best_bid_quantity":"{{{bidQty}}}","best_ask":"{{{ask}}}","best_ask_quantity":"{{{askQty}}}"}]}]}""";
}
