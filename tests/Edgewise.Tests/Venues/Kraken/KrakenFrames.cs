using System.Text;
using Edgewise.Core.Contracts;

namespace Edgewise.Tests.Venues.Kraken;

/// <summary>Builds Kraken WebSocket v2 frames in the wire shape of FACTS §2.3.</summary>
internal static class KrakenFrames
{
    public static RawFrame Ws(string json, long recvTs = 1_000) =>
        new(recvTs, "kraken", FrameSource.Ws, null, Encoding.UTF8.GetBytes(json));

    public static RawFrame BookUpdate(string symbol, string bids, string asks, uint checksum, long recvTs = 1_000) =>
        Ws($$$"""{"channel":"book","type":"update","data":[{"symbol":"{{{symbol}}}","bids":[{{{bids}}}],"asks":[{{{asks}}}],"checksum":{{{checksum}}},"timestamp":"2023-10-06T17:35:55.440295Z"}]}""", recvTs);
}
