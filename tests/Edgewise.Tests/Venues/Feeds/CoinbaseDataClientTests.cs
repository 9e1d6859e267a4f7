using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Orders;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>The Coinbase Advanced Trade client against a fake venue on 127.0.0.1 (real sockets), every wait on a manual clock.</summary>
public class CoinbaseDataClientTests
{
    [Fact]
    public async Task RunAsync_Subscribed_SnapshotInTheStreamMakesTheBookHealthyTapeFlows()
    {
        await using var h = await CoinbaseFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        await ws.SendTextAsync(CoinbaseWire.Heartbeat(4));
        await ws.SendTextAsync(CoinbaseWire.Trade(5, 77, "50001.25", "0.01000000", "SELL"));
        await ws.SendTextAsync(CoinbaseWire.Ticker(6, "50000.50", "0.50000000", "50002.00", "3.00000000"));
        await h.Sink.WaitUntilAsync(s => s.Trades.Count == 1 && s.Quotes.Count == 1, "one trade and one quote");

        var trade = h.Sink.Trades[0];
        Assert.Equal(("50001.25", "0.01", OrderSide.Sell, 77L), (trade.Price.ToString(), trade.Size.ToString(), trade.Aggressor, trade.TradeId));
        var quote = h.Sink.Quotes[0];
        Assert.Equal(("50000.5", "50002"), (quote.Bid.ToString(), quote.Ask.ToString()));
        Assert.Empty(h.Server.RestRequests); // Coinbase snapshots come in the stream
        var health = h.Client.GetHealth();
        // Ack, snapshot, update, heartbeat, trade, ticker: six messages numbered 1-6 without a break.
        Assert.Equal((FeedState.Connected, 1L, 6L, 0L, 0L, 0L), (health.State, health.Connections, health.Messages, health.Gaps, health.Resyncs, health.MalformedFrames));
    }

    [Fact]
    public async Task SequenceGap_BooksUnhealthyLevel2Resubscribed_FreshSnapshotHealthyAgain()
    {
        await using var h = await CoinbaseFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        // The last message was 3; a heartbeat numbered 5 means message 4 (of whatever channel) was lost.
        await ws.SendTextAsync(CoinbaseWire.Heartbeat(5));

        await h.Sink.WaitUntilAsync(s => s.HealthOf(h.Btc) == BookHealth.Gap, "the book reported as a gap");
        Assert.Equal([CoinbaseWire.UnsubscribeLevel2, CoinbaseWire.SubscribeLevel2], (await ws.WaitForMessagesAsync(6)).Skip(4));
        await ws.SendTextAsync(CoinbaseWire.L2(6, "update", ("bid", "50000.75", "9.00000000"))); // old subscription, book waiting: dropped
        await ws.SendTextAsync(CoinbaseWire.Subscriptions(7));
        await ws.SendTextAsync(CoinbaseWire.L2(8, "snapshot", ("bid", "51000.00", "1.00000000"), ("offer", "51001.00", "2.00000000")));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "51000 x 1", "51001 x 2"), "healthy from the fresh snapshot");
        Assert.Contains("status:Gap:sequence gap", h.Sink.Events);
        Assert.Equal(1, h.Server.ConnectionCount);
        var health = h.Client.GetHealth();
        Assert.Equal((1L, 1L, 1L), (health.Gaps, health.Resyncs, h.Client.Renewals.Renewals));
    }

    [Fact]
    public async Task AbruptClose_ReconnectsAfterBackoffResubscribesAndTheNewSnapshotHeals()
    {
        await using var h = await CoinbaseFeedHarness.StartAsync();
        var first = await h.RunHealthyAsync();

        first.Abort();

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync()); // 1 s − 10 % jitter
        await h.Sink.WaitUntilAsync(s => s.HealthOf(h.Btc) == BookHealth.AwaitingSnapshot, "the book unhealthy after the drop");
        h.Clock.Advance(FeedTestSettings.FirstDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal((1, FeedState.WaitingToReconnect), (h.Server.ConnectionCount, h.Client.Connection.State));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await h.SubscribedConnectionAsync();
        // A new connection numbers its messages from 1 again: no gap.
        await second.SendTextAsync(CoinbaseWire.Subscriptions(1));
        await second.SendTextAsync(CoinbaseWire.L2(2, "snapshot", ("bid", "52000.00", "1.00000000"), ("offer", "52001.00", "1.00000000")));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "52000 x 1", "52001 x 1"), "healthy from the new connection's snapshot");
        Assert.Contains("status:AwaitingSnapshot:reconnect", h.Sink.Events);
        var health = h.Client.GetHealth();
        Assert.Equal((2L, 1L, 1L, 0L), (health.Connections, health.Reconnects, health.Resyncs, health.Gaps));
    }

    [Fact]
    public async Task BadFrames_CountedConnectionKept_ATruncatedMessageLosesItsSequenceAndResyncs()
    {
        await using var h = await CoinbaseFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        // Not Coinbase messages at all: no sequence number is lost.
        await ws.SendTextAsync("garbage");
        await ws.SendBinaryAsync([0x1f, 0x8b, 0x08]);
        await ws.SendTextAsync("""{"channel":"heartbeats","pad":""" + "\"" + new string('z', 5000) + "\"}"); // over the 4096-byte limit
        await ws.SendTextAsync(CoinbaseWire.L2(4, "update", ("bid", "50000.75", "0.25000000")));
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50000.75 x 0.25", "50002 x 3"), "the update after the bad frames");
        Assert.Equal(0, h.Client.GetHealth().Gaps);

        // A truncated message 5: its content is lost, so message 6 shows the gap and the book resyncs.
        await ws.SendTextAsync(CoinbaseWire.L2(5, "update", ("bid", "50000.90", "1.00000000"))[..60]);
        await ws.SendTextAsync(CoinbaseWire.Heartbeat(6));
        await ws.WaitForMessagesAsync(6); // unsubscribe + subscribe level2
        await ws.SendTextAsync(CoinbaseWire.L2(7, "snapshot", ("bid", "50000.90", "1.00000000"), ("offer", "50002.00", "3.00000000")));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50000.9 x 1", "50002 x 3"), "healthy after the resync");
        var health = h.Client.GetHealth();
        Assert.Equal((4L, 1L, 1L, 1L), (health.MalformedFrames, health.OversizedFrames, health.Gaps, health.Connections));
        Assert.Equal(1, h.Server.ConnectionCount);
    }

    [Fact]
    public async Task Silence_PastTheStaleLimit_ReconnectsResubscribesAndResyncs()
    {
        await using var h = await CoinbaseFeedHarness.StartAsync();
        await h.RunHealthyAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(29)); // the last message was at the start: 29 s < 30 s
        Assert.Equal((FeedState.Connected, 0L), (h.Client.Connection.State, h.Client.GetHealth().StaleDisconnects));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync());
        Assert.Equal((1L, "stale: no message for 00:00:30"), (h.Client.GetHealth().StaleDisconnects, h.Client.GetHealth().LastError));
        h.Clock.Advance(FeedTestSettings.FirstDelay);
        var second = await h.SubscribedConnectionAsync();
        await second.SendTextAsync(CoinbaseWire.L2(1, "snapshot", ("bid", "53000.00", "1.00000000"), ("offer", "53001.00", "1.00000000")));
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "53000 x 1", "53001 x 1"), "healthy after the stale reconnect");
    }

    [Fact]
    public async Task Recorder_GivenOne_ReceivesEveryWsFrameAsSent()
    {
        var recorder = new ListFrameSink();
        await using var h = await CoinbaseFeedHarness.StartAsync(recorder);
        await h.RunHealthyAsync();

        var frames = recorder.Frames;
        Assert.Equal(3, frames.Count); // ack, snapshot, update
        Assert.All(frames, f => Assert.Equal(("coinbase", FrameSource.Ws, (string?)null), (f.Venue, f.Source, f.Endpoint)));
        Assert.Equal(CoinbaseWire.Subscriptions(1), frames[0].Text);
        Assert.Equal(h.Clock.UnixNs, frames[2].RecvTsNs); // stamped by the feed's clock
    }
}
