using System.Text;
using Edgewise.Core.Contracts;

namespace Edgewise.Tests.Venues.Bitstamp;

/// <summary>Builds Bitstamp frames in the recorded wire shape of FACTS §3 ("data" first, then channel and event).</summary>
internal static class BitstampFrames
{
    public static RawFrame Ws(string json, long recvTs = 1_000) =>
        new(recvTs, "bitstamp", FrameSource.Ws, null, Encoding.UTF8.GetBytes(json));

    public static RawFrame Rest(string json, string? endpoint, long recvTs = 1_000) =>
        new(recvTs, "bitstamp", FrameSource.Rest, endpoint, Encoding.UTF8.GetBytes(json));

    /// <summary>A diff with one bid at 100.00 whose size encodes the microtimestamp's last digits; tests use small microtimestamps to keep sequences readable.</summary>
    public static RawFrame Diff(long micros, string pair = "btcusd") =>
        Ws($$$"""{"data":{"timestamp":"1641343691","microtimestamp":"{{{micros}}}","bids":[["100.00","{{{micros % 1000}}}.5"]],"asks":[]},"channel":"diff_order_book_{{{pair}}}","event":"data"}""");

    public static RawFrame RestSnapshot(long micros, string pair = "btcusd") =>
        Rest($$$"""{"timestamp": "1641343691", "microtimestamp": "{{{micros}}}", "bids": [["99.00", "1.0"]], "asks": [["101.00", "2.0"]]}""", $"/api/v2/order_book/{pair}/");

    public static RawFrame WsBookSnapshot(long micros, string pair = "btcusd") =>
        Ws($$$"""{"data":{"timestamp":"1641343691","microtimestamp":"{{{micros}}}","bids":[["99.00","1.0"]],"asks":[["101.00","2.0"]]},"channel":"order_book_{{{pair}}}","event":"data"}""");
}
