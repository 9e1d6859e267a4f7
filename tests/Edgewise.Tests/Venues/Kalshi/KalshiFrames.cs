using System.Text;
using Edgewise.Core.Contracts;
using Edgewise.Tests.Venues.Common;

namespace Edgewise.Tests.Venues.Kalshi;

/// <summary>Builds Kalshi frames for tests in the wire shapes of FACTS §5.3 and §5.5 (fixed-point fields only).</summary>
internal static class KalshiFrames
{
    public const string Venue = "kalshi";
    public const string Btc15m = "KXBTC15M-26SEP261900-00";
    public const string BtcDaily = "KXBTCD-26SEP2617-T115749.99";

    public static RawFrame Ws(string json, long recvTs = 1_000) =>
        new(recvTs, Venue, FrameSource.Ws, null, Encoding.UTF8.GetBytes(json));

    public static RawFrame Rest(string json, string? endpoint, long recvTs = 1_000) =>
        new(recvTs, Venue, FrameSource.Rest, endpoint, Encoding.UTF8.GetBytes(json));

    /// <summary>An orderbook_snapshot; <paramref name="yes"/> and <paramref name="no"/> are the [[price, count], ...] arrays, or null to leave the side out.</summary>
    public static string SnapshotJson(long sid, long seq, string market, string? yes, string? no)
    {
        var sides = (yes is null ? "" : $",\"yes_dollars_fp\":{yes}") + (no is null ? "" : $",\"no_dollars_fp\":{no}");
        return $$$"""{"type":"orderbook_snapshot","sid":{{{sid}}},"seq":{{{seq}}},"msg":{"market_ticker":"{{{market}}}","market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1"{{{sides}}}}}""";
    }

    public static RawFrame Snapshot(long sid, long seq, string market, string? yes, string? no, long recvTs = 1_000) =>
        Ws(SnapshotJson(sid, seq, market, yes, no), recvTs);

    public static string DeltaJson(long sid, long seq, string market, string price, string delta, string side) =>
        $$$"""{"type":"orderbook_delta","sid":{{{sid}}},"seq":{{{seq}}},"msg":{"market_ticker":"{{{market}}}","price_dollars":"{{{price}}}","delta_fp":"{{{delta}}}","side":"{{{side}}}","ts_ms":1790463162728}}""";

    public static RawFrame Delta(long sid, long seq, string market, string price, string delta, string side, long recvTs = 1_000) =>
        Ws(DeltaJson(sid, seq, market, price, delta, side), recvTs);

    /// <summary>A sample file from ../shared/venues/kalshi as a frame (the test is skipped when ../shared is absent).</summary>
    public static RawFrame Sample(string file, FrameSource source = FrameSource.Ws, string? endpoint = null, long recvTs = 1_000) =>
        SharedSample.Frame("venues/kalshi/" + file, Venue, source, endpoint, recvTs);

    public static string SampleText(string file) => File.ReadAllText(SharedSample.Path("venues/kalshi/" + file));
}
