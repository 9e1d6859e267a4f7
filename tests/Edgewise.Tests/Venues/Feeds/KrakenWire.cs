using System.Text;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>Kraken WebSocket v2 messages in the wire shape of FACTS §2.2-2.3 (prices and quantities as JSON numbers).</summary>
internal static class KrakenWire
{
    public const string SubscribeBook = """{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10,"snapshot":true},"req_id":1}""";

    public const string SubscribeTrade = """{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"],"snapshot":false},"req_id":2}""";

    public const string SubscribeTicker = """{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":3}""";

    public const string Heartbeat = """{"channel":"heartbeat"}""";

    public static string Subscribe(string channel, long reqId, string extra = "") =>
        $$$"""{"method":"subscribe","params":{"channel":"{{{channel}}}","symbol":["BTC/USD"]{{{extra}}}},"req_id":{{{reqId}}}}""";

    public static string SubscribeBookAgain(long reqId) => Subscribe("book", reqId, ",\"depth\":10,\"snapshot\":true");

    public static string UnsubscribeBook(long reqId) =>
        $$$"""{"method":"unsubscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10},"req_id":{{{reqId}}}}""";

    public static string Ack(string channel, long reqId) =>
        $$$"""{"method":"subscribe","result":{"channel":"{{{channel}}}","symbol":"BTC/USD"},"success":true,"time_in":"2026-01-01T00:00:00.000000Z","time_out":"2026-01-01T00:00:00.000100Z","req_id":{{{reqId}}}}""";

    /// <summary>A book message; levels are (price, qty) JSON number texts; <paramref name="checksumInput"/> is the string Kraken's CRC32 covers.</summary>
    public static string Book(string type, (string Price, string Qty)[] bids, (string Price, string Qty)[] asks, string checksumInput) =>
        Book(type, bids, asks, Crc(checksumInput));

    public static string Book(string type, (string Price, string Qty)[] bids, (string Price, string Qty)[] asks, uint checksum) =>
        $$$"""{"channel":"book","type":"{{{type}}}","data":[{"symbol":"BTC/USD","bids":[{{{Levels(bids)}}}],"asks":[{{{Levels(asks)}}}],"checksum":{{{checksum}}},"timestamp":"2026-01-01T00:00:00.100000Z"}]}""";

    public static string Trade(long tradeId, string price, string qty, string side) =>
        $$$"""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"{{{side}}}","price":{{{price}}},"qty":{{{qty}}},"ord_type":"market","trade_id":{{{tradeId}}},"timestamp":"2026-01-01T00:00:02.000000Z"}]}""";

    public static string Ticker(string bid, string bidQty, string ask, string askQty) =>
        $$$"""{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":{{{bid}}},"bid_qty":{{{bidQty}}},"ask":{{{ask}}},"ask_qty":{{{askQty}}},"last":{{{bid}}},"volume":1.5,"vwap":{{{bid}}},"low":{{{bid}}},"high":{{{ask}}},"change":0.0,"change_pct":0.0}]}""";

    /// <summary>CRC32 of the checksum string (asks ascending then bids descending, price then qty, '.' and leading zeros removed).</summary>
    public static uint Crc(string checksumInput) => Crc32.Compute(Encoding.ASCII.GetBytes(checksumInput));

    private static string Levels((string Price, string Qty)[] levels) =>
        string.Join(',', levels.Select(l => $$$"""{"price":{{{l.Price}}},"qty":{{{l.Qty}}}}"""));
}
