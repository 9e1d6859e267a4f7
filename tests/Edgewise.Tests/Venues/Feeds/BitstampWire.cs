namespace Edgewise.Tests.Venues.Feeds;

/// <summary>Bitstamp messages in the recorded wire shape of FACTS §3 ("data" first, then channel and event).</summary>
internal static class BitstampWire
{
    public const string BookPath = "/api/v2/order_book/btcusd/";

    public const string SubscribeDiff = """{"event":"bts:subscribe","data":{"channel":"diff_order_book_btcusd"}}""";

    public const string SubscribeTrades = """{"event":"bts:subscribe","data":{"channel":"live_trades_btcusd"}}""";

    public const string RequestReconnect = """{"event":"bts:request_reconnect","channel":"","data":""}""";

    public static string Subscribed(string channel) => $$$"""{"event":"bts:subscription_succeeded","channel":"{{{channel}}}","data":{}}""";

    public static string Diff(long micros, string bids = "[]", string asks = "[]") =>
        $$$"""{"data":{"timestamp":"1700000000","microtimestamp":"{{{micros}}}","bids":{{{bids}}},"asks":{{{asks}}}},"channel":"diff_order_book_btcusd","event":"data"}""";

    public static string Snapshot(long micros, string bids, string asks) =>
        $$$"""{"timestamp":"1700000000","microtimestamp":"{{{micros}}}","bids":{{{bids}}},"asks":{{{asks}}}}""";

    public static string Trade(long id, string price, string amount, int type) =>
        $$$"""{"data":{"id":{{{id}}},"timestamp":"1700000000","amount":{{{amount}}},"amount_str":"{{{amount}}}","price":{{{price}}},"price_str":"{{{price}}}","type":{{{type}}},"microtimestamp":"1700000000250000","buy_order_id":1,"sell_order_id":2},"channel":"live_trades_btcusd","event":"trade"}""";
}
