using Edgewise.Core.Books;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Tests.Venues.Kalshi.Live;

namespace Edgewise.Tests.Faults;

/// <summary>
/// A lost message in each venue's sequence: Binance.US (U/u: snapshot refetched over REST), Coinbase (sequence_num:
/// level2 resubscribed) and Kalshi (seq per subscription: get_snapshot for the sid). Each book is marked Gap at once
/// (no strategy may trade it) and is healthy again from a fresh snapshot, on the same connection.
/// </summary>
internal sealed class SequenceGapScenario : IFaultScenario
{
    public string Name => "sequence gaps";

    public async Task<FaultResult> RunAsync(string directory, CancellationToken ct)
    {
        await using (var h = await BinanceUsFeedHarness.StartAsync())
        {
            var ws = await h.RunHealthyAsync();
            h.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.Snapshot(110, """[["50100.00","1.0"]]""", """[["50101.00","1.0"]]"""));
            await ws.SendTextAsync(BinanceUsWire.Depth(106, 108, bids: """[["50200.00","9.0"]]""")); // the book is at u=102: 103 is missing
            await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50100 x 1", "50101 x 1"), "Binance.US healthy from the refetched snapshot");
            Assert.Contains("status:Gap:sequence gap", h.Sink.Events);
            Assert.Equal((1L, 1, 1L), (h.Client.GetHealth().Gaps, h.Server.ConnectionCount, h.Client.GetHealth().Resyncs));
        }

        await using (var h = await CoinbaseFeedHarness.StartAsync())
        {
            var ws = await h.RunHealthyAsync();
            await ws.SendTextAsync(CoinbaseWire.Heartbeat(5)); // the last message was 3: 4 was lost
            await h.Sink.WaitUntilAsync(s => s.HealthOf(h.Btc) == BookHealth.Gap, "Coinbase book marked as a gap");
            await ws.WaitForMessagesAsync(6); // unsubscribe + subscribe level2 after the 4 subscriptions
            await ws.SendTextAsync(CoinbaseWire.L2(6, "update", ("bid", "50000.75", "9.00000000"))); // old subscription, book waiting: dropped
            await ws.SendTextAsync(CoinbaseWire.Subscriptions(7));
            await ws.SendTextAsync(CoinbaseWire.L2(8, "snapshot", ("bid", "51000.00", "1.00000000"), ("offer", "51001.00", "2.00000000")));
            await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "51000 x 1", "51001 x 2"), "Coinbase healthy from the fresh snapshot");
            Assert.Equal((1L, 1L), (h.Client.GetHealth().Gaps, h.Client.GetHealth().Resyncs));
        }

        await using (var h = await KalshiLiveHarness.StartAsync())
        {
            var session = await h.RunHealthyAsync();
            var ticker = KalshiLiveHarness.Market.Ticker;
            session.SkipSeq(session.SidOf("orderbook_delta", ticker));
            await session.PushDeltaAsync(ticker, "yes", "0.4300", "9.00"); // arrives as seq 3: seq 2 never came
            // The get_snapshot reply holds the YES bid 0.43 x 9 the client dropped with the broken sequence.
            await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(KalshiLiveHarness.MarketId, "0.43 x 9", "0.44 x 17"), "Kalshi healthy from get_snapshot");
            Assert.Contains("status:Gap:sequence gap", h.Sink.Events);
            Assert.Equal((1L, 1L), (h.Client.GetHealth().Gaps, h.Client.GetHealth().Resyncs));
        }

        return new FaultResult(Name, 3, 3, 0, "gap marked at once on Binance.US, Coinbase and Kalshi; each resynced on its connection");
    }
}
