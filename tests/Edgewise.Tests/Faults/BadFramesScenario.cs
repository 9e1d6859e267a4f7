using Edgewise.Tests.Venues.Feeds;

namespace Edgewise.Tests.Faults;

/// <summary>
/// Malformed, truncated, oversized (over the 4096-byte test limit) and binary frames on live connections (Binance.US,
/// Kraken, Bitstamp): each is counted and skipped, the connection stays up, no book is touched, and the next good frame
/// applies on top of the book as it was.
/// </summary>
internal sealed class BadFramesScenario : IFaultScenario
{
    public string Name => "malformed, truncated and oversized frames";

    public async Task<FaultResult> RunAsync(string directory, CancellationToken ct)
    {
        long injected = 0;
        await using (var h = await BinanceUsFeedHarness.StartAsync())
        {
            var ws = await h.RunHealthyAsync();
            await ws.SendTextAsync("""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":103,""");
            await ws.SendTextAsync("garbage");
            await ws.SendTextAsync("""{"stream":"btcusdt@trade","data":{"pad":""" + "\"" + new string('z', 5000) + "\"}}");
            await ws.SendBinaryAsync([0x1f, 0x8b, 0x08]);
            injected += 4;
            await ws.SendTextAsync(BinanceUsWire.Depth(103, 103, asks: """[["50001.50","0.25"]]"""));
            // The book from before the bad frames (best bid 50000.5 x 0.5) plus the good delta's ask 50001.5 x 0.25.
            await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50000.5 x 0.5", "50001.5 x 0.25"), "Binance.US: the delta after the bad frames");
            var health = h.Client.GetHealth();
            Assert.Equal((4L, 1L, 0L, 0L), (health.MalformedFrames, health.Connections, health.Reconnects, health.Gaps));
        }

        await using (var h = await KrakenFeedHarness.StartAsync())
        {
            var ws = await h.RunHealthyAsync();
            await ws.SendTextAsync("garbage");
            await ws.SendTextAsync(KrakenFeedHarness.FirstSnapshot[..70]);
            await ws.SendTextAsync("""{"channel":"trade","pad":""" + "\"" + new string('z', 5000) + "\"}");
            await ws.SendBinaryAsync([0x1f, 0x8b, 0x08]);
            injected += 4;
            // Removes bid 50000.5: asks "500020300000000", bids "500000100000000" "499995200000000" (the checksum of the book after it).
            await ws.SendTextAsync(KrakenWire.Book("update", [("50000.5", "0.00000000")], [], "500020300000000" + "500000100000000499995200000000"));
            await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50000 x 1", "50002 x 3"), "Kraken: the update after the bad frames");
            var health = h.Client.GetHealth();
            Assert.Equal((4L, 0L, 1L), (health.MalformedFrames, health.ChecksumFailures, health.Connections));
        }

        await using (var h = await BitstampFeedHarness.StartAsync())
        {
            var ws = await h.RunHealthyAsync();
            await ws.SendTextAsync(BitstampWire.Diff(7000)[..50]);
            await ws.SendTextAsync(BitstampWire.Diff(7000, bids: "[[\"1.00\",\"" + new string('1', 5000) + "\"]]"));
            injected += 2;
            await ws.SendTextAsync(BitstampWire.Diff(8000, bids: """[["50002.00","0.30000000"]]"""));
            await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50002 x 0.3", "50020 x 2"), "Bitstamp: the diff after the bad frames");
            Assert.Equal((2L, 1L), (h.Client.GetHealth().MalformedFrames, h.Client.GetHealth().Connections));
        }

        return new FaultResult(Name, (int)injected, (int)injected, 0, $"{injected} bad frames counted and skipped on 3 venues; no reconnect, books intact");
    }
}
