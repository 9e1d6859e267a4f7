namespace Edgewise.Tests.Venues.Feeds;

/// <summary>Binance.US messages in the wire shape of FACTS §4.2 (combined-stream envelope) and §4.3 (REST depth).</summary>
internal static class BinanceUsWire
{
    public const string DepthPath = "/api/v3/depth";

    public const string DepthEndpoint = "/api/v3/depth?symbol=BTCUSDT&limit=1000";

    /// <summary>The first book: bids 50000.00 x 1.0, 49999.00 x 2.0; asks 50001.00 x 1.5, 50002.00 x 3.0.</summary>
    public static string FirstSnapshot(long lastUpdateId = 100) =>
        Snapshot(lastUpdateId, """[["50000.00","1.00000000"],["49999.00","2.00000000"]]""", """[["50001.00","1.50000000"],["50002.00","3.00000000"]]""");

    public static string Snapshot(long lastUpdateId, string bids, string asks) =>
        $$$"""{"lastUpdateId":{{{lastUpdateId}}},"bids":{{{bids}}},"asks":{{{asks}}}}""";

    public static string Depth(long first, long last, string bids = "[]", string asks = "[]") =>
        $$$"""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1700000000000,"s":"BTCUSDT","U":{{{first}}},"u":{{{last}}},"b":{{{bids}}},"a":{{{asks}}}}}""";

    public static string Trade(long id, string price, string qty, bool buyerIsMaker) =>
        $$$"""{"stream":"btcusdt@trade","data":{"e":"trade","E":1700000000001,"s":"BTCUSDT","t":{{{id}}},"p":"{{{price}}}","q":"{{{qty}}}","b":1,"a":2,"T":1700000000001,"m":{{{(buyerIsMaker ? "true" : "false")}}},"M":true}}""";

    public static string BookTicker(long u, string bid, string bidQty, string ask, string askQty) =>
        $$$"""{"stream":"btcusdt@bookTicker","data":{"u":{{{u}}},"s":"BTCUSDT","b":"{{{bid}}}","B":"{{{bidQty}}}","a":"{{{ask}}}","A":"{{{askQty}}}"}}""";
}
