using System.Text;
using Edgewise.Core.Contracts;

namespace Edgewise.Tests.Venues.BinanceUs;

/// <summary>Builds Binance.US frames for tests in the exact wire shape of FACTS §4.2.</summary>
internal static class BinanceUsFrames
{
    public static RawFrame Ws(string json, long recvTs = 1_000) =>
        new(recvTs, "binanceus", FrameSource.Ws, null, Encoding.UTF8.GetBytes(json));

    public static RawFrame Rest(string json, string? endpoint = null, long recvTs = 1_000) =>
        new(recvTs, "binanceus", FrameSource.Rest, endpoint, Encoding.UTF8.GetBytes(json));

    /// <summary>A combined-stream depthUpdate with one bid level at 100.00 whose size encodes u, so tests can tell updates apart.</summary>
    public static RawFrame Depth(string symbol, long first, long last, long recvTs = 1_000) =>
        Ws($$$"""{"stream":"{{{symbol.ToLowerInvariant()}}}@depth@100ms","data":{"e":"depthUpdate","E":1633998274793,"s":"{{{symbol}}}","U":{{{first}}},"u":{{{last}}},"b":[["100.00","{{{last % 1000}}}.5"]],"a":[]}}""", recvTs);

    public static RawFrame Snapshot(string symbol, long lastUpdateId, long recvTs = 1_000) =>
        Rest($$$"""{"lastUpdateId":{{{lastUpdateId}}},"bids":[["99.00","1.0"]],"asks":[["101.00","2.0"]]}""", $"/api/v3/depth?symbol={symbol}&limit=1000", recvTs);
}
