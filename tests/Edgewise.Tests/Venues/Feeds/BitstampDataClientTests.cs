using Edgewise.Core.Books;
using Edgewise.Core.Orders;
using Edgewise.Simulators;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>The Bitstamp client against a fake venue on 127.0.0.1 (real sockets), every wait on a manual clock.</summary>
public class BitstampDataClientTests
{
    [Fact]
    public async Task RunAsync_Subscribed_SnapshotAfterTheFirstDiffMakesTheBookHealthy()
    {
        await using var h = await BitstampFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        Assert.Equal([BitstampWire.BookPath], h.Server.RestRequests.Select(r => r.PathAndQuery));
        await ws.SendTextAsync(BitstampWire.Trade(42, "50001.5", "0.25", type: 1));
        await h.Sink.WaitUntilAsync(s => s.Trades.Count == 1, "the trade");
        var trade = h.Sink.Trades[0];
        Assert.Equal(("50001.5", "0.25", OrderSide.Sell, 42L), (trade.Price.ToString(), trade.Size.ToString(), trade.Aggressor, trade.TradeId)); // type 1 = sell taker
        var health = h.Client.GetHealth();
        // Two acks, two diffs, one trade; malformed none.
        Assert.Equal((5L, 0L, 1L, 0L), (health.Messages, health.MalformedFrames, health.SnapshotFetches, health.Resyncs));
    }

    [Fact]
    public async Task RequestReconnect_FromTheVenue_ClosesReconnectsAtOnceResubscribesAndResyncs()
    {
        await using var h = await BitstampFeedHarness.StartAsync();
        var first = await h.RunHealthyAsync();
        h.Server.Respond(BitstampWire.BookPath, BitstampWire.Snapshot(3500, """[["51000.00","1.00000000"]]""", """[["51010.00","1.00000000"]]"""));

        await first.SendTextAsync(BitstampWire.RequestReconnect);

        Assert.Equal(TimeSpan.Zero, await h.Waits.NextReconnectWaitAsync()); // the venue asked: no backoff
        await first.Closed.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        var second = await h.SubscribedConnectionAsync();
        await second.SendTextAsync(BitstampWire.Diff(3000)); // buffered, asks for the fresh snapshot, older than it: dropped
        await second.SendTextAsync(BitstampWire.Diff(4000, asks: """[["51005.00","0.20000000"]]"""));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "51000 x 1", "51005 x 0.2"), "healthy from the fresh snapshot");
        Assert.Contains("status:AwaitingSnapshot:reconnect", h.Sink.Events);
        Assert.Equal(2, h.Server.RestRequests.Count);
        Assert.Equal(1, h.Client.VenueReconnectRequests);
        var health = h.Client.GetHealth();
        Assert.Equal((2L, 1L, 1L), (health.Connections, health.Reconnects, health.Resyncs));
    }

    [Fact]
    public async Task AbruptClose_ReconnectsAfterBackoffResubscribesAndFetchesAFreshSnapshot()
    {
        await using var h = await BitstampFeedHarness.StartAsync();
        var first = await h.RunHealthyAsync();
        h.Server.Respond(BitstampWire.BookPath, BitstampWire.Snapshot(5500, """[["52000.00","1.00000000"]]""", """[["52010.00","1.00000000"]]"""));

        first.Abort();

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync());
        await h.Sink.WaitUntilAsync(s => s.HealthOf(h.Btc) == BookHealth.AwaitingSnapshot, "the book unhealthy after the drop");
        h.Clock.Advance(FeedTestSettings.FirstDelay);
        var second = await h.SubscribedConnectionAsync();
        await second.SendTextAsync(BitstampWire.Diff(5000));
        await second.SendTextAsync(BitstampWire.Diff(6000, bids: """[["52001.00","0.10000000"]]"""));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "52001 x 0.1", "52010 x 1"), "healthy after the reconnect");
        Assert.Equal([BitstampWire.SubscribeDiff, BitstampWire.SubscribeTrades], await second.WaitForMessagesAsync(2)); // resubscribed once
        Assert.Equal((2L, 1L), (h.Client.GetHealth().Connections, h.Client.GetHealth().Resyncs));
    }

    [Fact]
    public async Task BadFrames_TruncatedAndOversized_CountedConnectionKept()
    {
        await using var h = await BitstampFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        await ws.SendTextAsync(BitstampWire.Diff(7000)[..50]);
        await ws.SendTextAsync(BitstampWire.Diff(7000, bids: "[[\"1.00\",\"" + new string('1', 5000) + "\"]]"));
        await ws.SendTextAsync(BitstampWire.Diff(8000, bids: """[["50002.00","0.30000000"]]"""));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50002 x 0.3", "50020 x 2"), "the diff after the bad frames");
        var health = h.Client.GetHealth();
        Assert.Equal((2L, 1L, 1L), (health.MalformedFrames, health.OversizedFrames, health.Connections));
        Assert.Equal(1, h.Server.ConnectionCount);
    }
}
