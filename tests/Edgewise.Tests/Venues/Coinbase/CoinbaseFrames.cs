using System.Text;
using Edgewise.Core.Contracts;

namespace Edgewise.Tests.Venues.Coinbase;

/// <summary>Builds Coinbase Advanced Trade frames in the wire shape of FACTS §1.3.</summary>
internal static class CoinbaseFrames
{
    public static RawFrame Ws(string json, long recvTs = 1_000) =>
        new(recvTs, "coinbase", FrameSource.Ws, null, Encoding.UTF8.GetBytes(json));

    /// <summary>An l2_data update with one bid at 100.00 whose size encodes the sequence number, so tests can tell updates apart.</summary>
    public static RawFrame L2Update(long sequence, string product = "BTC-USD") =>
        Ws($$$"""{"channel":"l2_data","client_id":"","timestamp":"2026-04-07T14:30:01.456789Z","sequence_num":{{{sequence}}},"events":[{"type":"update","product_id":"{{{product}}}","updates":[{"side":"bid","event_time":"2026-04-07T14:30:01.456789Z","price_level":"100.00","new_quantity":"{{{sequence}}}.5"}]}]}""");

    public static RawFrame L2Snapshot(long sequence, string product = "BTC-USD") =>
        Ws($$$"""{"channel":"l2_data","client_id":"","timestamp":"2026-04-07T14:30:00.123456Z","sequence_num":{{{sequence}}},"events":[{"type":"snapshot","product_id":"{{{product}}}","updates":[{"side":"offer","event_time":"2026-04-07T14:30:00.123456Z","price_level":"101.00","new_quantity":"2"},{"side":"bid","event_time":"2026-04-07T14:30:00.123456Z","price_level":"99.00","new_quantity":"1"}]}]}""");

    public static RawFrame Heartbeat(long sequence) =>
        Ws($$$"""{"channel":"heartbeats","client_id":"","timestamp":"2024-10-04T07:04:40.825062088Z","sequence_num":{{{sequence}}},"events":[{"current_time":"2024-10-04 07:04:40.820713045 +0000 UTC m=+66987.628148662","heartbeat_counter":66987}]}""");

    public static RawFrame Trade(long sequence, string product = "BTC-USD") =>
        Ws($$$"""{"channel":"market_trades","client_id":"","timestamp":"2024-10-04T07:13:31.158696693Z","sequence_num":{{{sequence}}},"events":[{"type":"update","trades":[{"product_id":"{{{product}}}","trade_id":"22381691","price":"2375.56","size":"0.5","time":"2024-10-04T07:13:31.088388Z","side":"BUY"}]}]}""");
}
