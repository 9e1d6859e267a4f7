using Edgewise.Core.Books;
using Edgewise.Core.Orders;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kraken;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>The Kraken WebSocket v2 client against a fake venue on 127.0.0.1 (real sockets), every wait on a manual clock.</summary>
public class KrakenDataClientTests
{
    /// <summary>A second book: bid 51000.0 x 1, ask 51001.0 x 2. Checksum string: ask "510010" "200000000", bid "510000" "100000000".</summary>
    private static readonly string SecondSnapshot = KrakenWire.Book("snapshot", [("51000.0", "1.00000000")], [("51001.0", "2.00000000")],
        "510010200000000" + "510000100000000");

    [Fact]
    public async Task RunAsync_Subscribed_ChecksummedSnapshotAndUpdateMakeTheBookHealthyTapeFlows()
    {
        await using var h = await KrakenFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        await ws.SendTextAsync(KrakenWire.Heartbeat);
        await ws.SendTextAsync(KrakenWire.Trade(42, "50001.5", "0.25", "sell"));
        await ws.SendTextAsync(KrakenWire.Ticker("50000.5", "0.5", "50002.0", "3.0"));
        await h.Sink.WaitUntilAsync(s => s.Trades.Count == 1 && s.Quotes.Count == 1, "one trade and one quote");

        var trade = h.Sink.Trades[0];
        Assert.Equal(("50001.5", "0.25", OrderSide.Sell, 42L), (trade.Price.ToString(), trade.Size.ToString(), trade.Aggressor, trade.TradeId));
        var quote = h.Sink.Quotes[0];
        Assert.Equal(("50000.5", "0.5", "50002", "3"), (quote.Bid.ToString(), quote.BidSize.ToString(), quote.Ask.ToString(), quote.AskSize.ToString()));
        var health = h.Client.GetHealth();
        // Three acks, snapshot, update, heartbeat, trade, ticker.
        Assert.Equal((FeedState.Connected, 8L, 0L, 0L, 0L), (health.State, health.Messages, health.ChecksumFailures, health.Resyncs, health.MalformedFrames));
    }

    [Fact]
    public async Task ChecksumMismatch_BookUnhealthyUnsubscribedAndResubscribed_FreshSnapshotHealthyAgain()
    {
        await using var h = await KrakenFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        // Adds bid 50001.0 x 1; the right checksum would cover asks "500020300000000" then bids "500010100000000" ..., this one is off by one.
        var right = KrakenWire.Crc("500020300000000" + "500010100000000" + "50000550000000" + "500000100000000" + "499995200000000");
        await ws.SendTextAsync(KrakenWire.Book("update", [("50001.0", "1.00000000")], [], right + 1));

        await h.Sink.WaitUntilAsync(s => s.HealthOf(h.Btc) == BookHealth.ChecksumFailed, "the book reported as a checksum failure");
        // req_id 1-3 were the subscriptions; the renewal takes 4 and 5.
        Assert.Equal([KrakenWire.UnsubscribeBook(4), KrakenWire.SubscribeBookAgain(5)], (await ws.WaitForMessagesAsync(5)).Skip(3));
        await ws.SendTextAsync(KrakenWire.Book("update", [("50000.7", "1.00000000")], [], 1u)); // before the snapshot: dropped
        await ws.SendTextAsync(SecondSnapshot);

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "51000 x 1", "51001 x 2"), "healthy from the fresh snapshot");
        Assert.Contains("status:ChecksumFailed:checksum mismatch", h.Sink.Events);
        Assert.Equal(1, h.Server.ConnectionCount);
        var health = h.Client.GetHealth();
        Assert.Equal((1L, 1L, 1L, 0L), (health.ChecksumFailures, health.Resyncs, h.Client.Renewals.Renewals, health.Gaps));
    }

    [Fact]
    public async Task AbruptClose_ReconnectsAfterBackoffResubscribesAndTheNewSnapshotHeals()
    {
        await using var h = await KrakenFeedHarness.StartAsync();
        var first = await h.RunHealthyAsync();

        first.Abort();

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync());
        await h.Sink.WaitUntilAsync(s => s.HealthOf(h.Btc) == BookHealth.AwaitingSnapshot, "the book unhealthy after the drop");
        h.Clock.Advance(FeedTestSettings.FirstDelay);
        var second = await h.SubscribedConnectionAsync(
            [KrakenWire.SubscribeBookAgain(4), KrakenWire.Subscribe("trade", 5, ",\"snapshot\":false"), KrakenWire.Subscribe("ticker", 6)]);
        await second.SendTextAsync(KrakenFeedHarness.FirstUpdate); // an update before the new snapshot: dropped, not checked
        await second.SendTextAsync(SecondSnapshot);

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "51000 x 1", "51001 x 2"), "healthy from the new connection's snapshot");
        Assert.Contains("status:AwaitingSnapshot:reconnect", h.Sink.Events);
        var health = h.Client.GetHealth();
        Assert.Equal((2L, 1L, 1L, 0L), (health.Connections, health.Reconnects, health.Resyncs, health.ChecksumFailures));
    }

    [Fact]
    public async Task BadFrames_MalformedTruncatedOversizedBinary_CountedAndSkippedConnectionKept()
    {
        await using var h = await KrakenFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        await ws.SendTextAsync("garbage");
        await ws.SendTextAsync(SecondSnapshot[..70]);
        await ws.SendTextAsync("""{"channel":"trade","pad":""" + "\"" + new string('z', 5000) + "\"}"); // over the 4096-byte limit
        await ws.SendBinaryAsync([0x1f, 0x8b, 0x08]);
        // Removes bid 50000.5: asks "500020300000000", bids "500000100000000" "499995200000000".
        await ws.SendTextAsync(KrakenWire.Book("update", [("50000.5", "0.00000000")], [], "500020300000000" + "500000100000000499995200000000"));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50000 x 1", "50002 x 3"), "the update after the bad frames");
        var health = h.Client.GetHealth();
        Assert.Equal((4L, 1L, 0L, 1L), (health.MalformedFrames, health.OversizedFrames, health.ChecksumFailures, health.Connections));
        Assert.Equal(1, h.Server.ConnectionCount);
    }

    [Fact]
    public async Task Silence_PastTheStaleLimit_ReconnectsResubscribesAndResyncs()
    {
        await using var h = await KrakenFeedHarness.StartAsync();
        await h.RunHealthyAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal((FeedState.Connected, 0L), (h.Client.Connection.State, h.Client.GetHealth().StaleDisconnects));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync());
        Assert.Equal((1L, "stale: no message for 00:00:30"), (h.Client.GetHealth().StaleDisconnects, h.Client.GetHealth().LastError));
        h.Clock.Advance(FeedTestSettings.FirstDelay);
        var second = await h.SubscribedConnectionAsync(
            [KrakenWire.SubscribeBookAgain(4), KrakenWire.Subscribe("trade", 5, ",\"snapshot\":false"), KrakenWire.Subscribe("ticker", 6)]);
        await second.SendTextAsync(SecondSnapshot);
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "51000 x 1", "51001 x 2"), "healthy after the stale reconnect");
    }

    [Fact]
    public async Task Idle_PingIntervalReached_SendsTheApplicationPing()
    {
        await using var h = await KrakenFeedHarness.StartAsync(s => s with { AppPingInterval = TimeSpan.FromSeconds(10), AppPingMessage = KrakenDataOptions.PingMessage });
        var ws = await h.RunHealthyAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(3, ws.Received.Count); // the subscriptions only
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(KrakenDataOptions.PingMessage, (await ws.WaitForMessagesAsync(4))[3]);
        Assert.Equal(FeedState.Connected, h.Client.Connection.State);
    }
}
