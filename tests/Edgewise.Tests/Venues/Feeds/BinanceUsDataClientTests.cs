using System.Threading.Channels;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Orders;
using Edgewise.Simulators;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>The Binance.US client against a fake venue on 127.0.0.1 (real sockets), every wait on a manual clock.</summary>
public class BinanceUsDataClientTests
{
    [Fact]
    public async Task RunAsync_Connected_CombinedStreamUrlOneSnapshotAndTape()
    {
        await using var h = await BinanceUsFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        Assert.Equal("/stream", ws.Path);
        Assert.Equal("?streams=btcusdt@depth@100ms/btcusdt@trade/btcusdt@bookTicker", ws.Query);
        await ws.SendTextAsync(BinanceUsWire.Trade(7, "50000.10", "0.01000000", buyerIsMaker: true));
        await ws.SendTextAsync(BinanceUsWire.BookTicker(102, "50000.50", "0.50000000", "50002.00", "3.00000000"));
        await h.Sink.WaitUntilAsync(s => s.Trades.Count == 1 && s.Quotes.Count == 1, "one trade and one quote");

        var trade = h.Sink.Trades[0];
        Assert.Equal(("50000.1", "0.01", OrderSide.Sell, 7L), (trade.Price.ToString(), trade.Size.ToString(), trade.Aggressor, trade.TradeId)); // m=true: buyer was maker, taker sold
        Assert.Equal(1_700_000_000_001L * 1_000_000, trade.TsEvent);
        var quote = h.Sink.Quotes[0];
        Assert.Equal(("50000.5", "50002"), (quote.Bid.ToString(), quote.Ask.ToString()));
        Assert.Equal([BinanceUsWire.DepthEndpoint], h.Server.RestRequests.Select(r => r.PathAndQuery));
        var health = h.Client.GetHealth();
        Assert.Equal((FeedState.Connected, 1L, 3L, 1L, 0L), (health.State, health.Connections, health.Messages, health.SnapshotFetches, health.Gaps));
    }

    [Fact]
    public async Task AbruptClose_ReconnectsAfterTheBackoffDelay_FreshSnapshotMakesItHealthy()
    {
        await using var h = await BinanceUsFeedHarness.StartAsync();
        var first = await h.RunHealthyAsync();
        h.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.Snapshot(200, """[["51000.00","1.0"]]""", """[["51001.00","2.0"]]"""));

        first.Abort();

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync()); // 1 s − 10 % jitter
        await h.Sink.WaitUntilAsync(s => s.HealthOf(h.Btc) == BookHealth.AwaitingSnapshot, "the book unhealthy after the drop");
        h.Clock.Advance(FeedTestSettings.FirstDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal((1, FeedState.WaitingToReconnect), (h.Server.ConnectionCount, h.Client.Connection.State));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await h.Server.NextConnectionAsync();
        Assert.Equal("?streams=btcusdt@depth@100ms/btcusdt@trade/btcusdt@bookTicker", second.Query);
        await second.SendTextAsync(BinanceUsWire.Depth(201, 201, bids: """[["51000.50","0.3"]]"""));

        // Fresh snapshot 200 (bid 51000 x 1, ask 51001 x 2), then (201,201) adds bid 51000.5 x 0.3.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "51000.5 x 0.3", "51001 x 2"), "healthy from the fresh snapshot");
        Assert.Equal([BinanceUsWire.DepthEndpoint, BinanceUsWire.DepthEndpoint], h.Server.RestRequests.Select(r => r.PathAndQuery));
        var health = h.Client.GetHealth();
        Assert.Equal((2L, 1L, 1L, 2L, 0L), (health.Connections, health.Reconnects, health.Resyncs, health.SnapshotFetches, health.Gaps));
    }

    [Fact]
    public async Task SequenceGap_BookUnhealthySnapshotRefetched_HealthyAgain()
    {
        await using var h = await BinanceUsFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();
        h.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.Snapshot(110, """[["50100.00","1.0"]]""", """[["50101.00","1.0"]]"""));

        // The book is at u=102, so the next delta must start at U=103: U=106 is a gap.
        await ws.SendTextAsync(BinanceUsWire.Depth(106, 108, bids: """[["50200.00","9.0"]]"""));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50100 x 1", "50101 x 1"), "healthy from the refetched snapshot");
        await ws.SendTextAsync(BinanceUsWire.Depth(111, 111, bids: """[["50100.50","0.1"]]"""));
        // (106,108) is covered by snapshot 110 and dropped (its 50200 bid never shows); (111,111) follows on.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50100.5 x 0.1", "50101 x 1"), "the next delta applied");
        var events = h.Sink.Events;
        Assert.True(events.ToList().IndexOf("status:Gap:sequence gap") < events.ToList().IndexOf("book:Snapshot:110"));
        Assert.Equal(2, h.Server.RestRequests.Count);
        Assert.Equal(1, h.Server.ConnectionCount);
        var health = h.Client.GetHealth();
        Assert.Equal((1L, 1L, 2L), (health.Gaps, health.Resyncs, health.SnapshotFetches));
    }

    [Fact]
    public async Task BadFrames_MalformedTruncatedOversizedBinary_CountedAndSkippedConnectionKept()
    {
        await using var h = await BinanceUsFeedHarness.StartAsync();
        var ws = await h.RunHealthyAsync();

        await ws.SendTextAsync("""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":103,""");
        await ws.SendTextAsync("garbage");
        await ws.SendTextAsync("""{"stream":"btcusdt@trade","data":{"pad":""" + "\"" + new string('z', 5000) + "\"}}"); // over the 4096-byte limit
        await ws.SendBinaryAsync([0x1f, 0x8b, 0x08]);
        var good = BinanceUsWire.Depth(103, 103, asks: """[["50001.50","0.25"]]""");
        await ws.SendFragmentsAsync(good[..40], good[40..80], good[80..]);

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50000.5 x 0.5", "50001.5 x 0.25"), "the delta after the bad frames");
        var health = h.Client.GetHealth();
        // Messages: the first delta, four bad ones, the fragmented delta.
        Assert.Equal((6L, 4L, 1L), (health.Messages, health.MalformedFrames, health.OversizedFrames));
        Assert.Equal((1L, 0L, 0L), (health.Connections, health.Reconnects, health.Gaps));
        Assert.Equal(1, h.Server.ConnectionCount);
    }

    [Fact]
    public async Task Silence_PastTheStaleLimit_ReconnectsAndResyncs()
    {
        await using var h = await BinanceUsFeedHarness.StartAsync();
        await h.RunHealthyAsync();
        h.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.Snapshot(300, """[["52000.00","1.0"]]""", """[["52001.00","1.0"]]"""));

        h.Clock.Advance(TimeSpan.FromSeconds(29)); // the last message was at the start: 29 s < 30 s
        Assert.Equal((FeedState.Connected, 0L), (h.Client.Connection.State, h.Client.GetHealth().StaleDisconnects));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync());
        var health = h.Client.GetHealth();
        Assert.Equal(1, health.StaleDisconnects);
        Assert.Equal("stale: no message for 00:00:30", health.LastError);
        h.Clock.Advance(FeedTestSettings.FirstDelay);
        var second = await h.Server.NextConnectionAsync();
        await second.SendTextAsync(BinanceUsWire.Depth(301, 301));
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "52000 x 1", "52001 x 1"), "healthy after the stale reconnect");
    }

    [Fact]
    public async Task MaxConnectionAge_Reached_ReconnectsAtOnceWithAFreshSnapshot()
    {
        await using var h = await BinanceUsFeedHarness.StartAsync(s => s with
        {
            MaxConnectionAge = TimeSpan.FromMinutes(10),
            StaleAfter = TimeSpan.FromHours(1),
            StaleCheckInterval = TimeSpan.FromSeconds(10),
        });
        var first = await h.RunHealthyAsync();
        h.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.Snapshot(400, """[["53000.00","1.0"]]""", """[["53001.00","1.0"]]"""));

        h.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.Zero, await h.Waits.NextReconnectWaitAsync());
        var second = await h.Server.NextConnectionAsync(); // no clock needed: a planned reconnect does not back off
        await first.Closed.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        await second.SendTextAsync(BinanceUsWire.Depth(401, 401));
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "53000 x 1", "53001 x 1"), "healthy on the new connection");
        Assert.Equal((1L, 0L), (h.Client.GetHealth().Reconnects, h.Client.GetHealth().StaleDisconnects));
    }

    [Fact]
    public async Task SnapshotRateLimited_RetriedAfterRetryAfterOnTheClock()
    {
        await using var h = await BinanceUsFeedHarness.StartAsync();
        var retries = Channel.CreateUnbounded<TimeSpan>();
        h.Client.Snapshots.RetryScheduled += delay => retries.Writer.TryWrite(delay);
        h.Server.RespondOnce(BinanceUsWire.DepthPath, new SimRestResponse(429, """{"code":-1003,"msg":"Too many requests."}""",
            new Dictionary<string, string> { ["Retry-After"] = "7" }));
        h.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.FirstSnapshot());
        h.Run();
        var ws = await h.Server.NextConnectionAsync();
        await ws.SendTextAsync(BinanceUsWire.Depth(101, 102));

        Assert.Equal(TimeSpan.FromSeconds(7), await retries.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken));
        Assert.Equal(BookHealth.AwaitingSnapshot, h.Sink.HealthOf(h.Btc));
        h.Clock.Advance(TimeSpan.FromMilliseconds(6999));
        Assert.Single(h.Server.RestRequests);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));

        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "50000 x 1", "50001 x 1.5"), "healthy after the retry");
        var health = h.Client.GetHealth();
        Assert.Equal((1L, 1L), (health.SnapshotFailures, health.SnapshotFetches));
        Assert.StartsWith("HTTP 429 from /api/v3/depth", health.LastSnapshotError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorder_GivenOne_ReceivesWsFramesAndRestSnapshotsWithTheirEndpoint()
    {
        var recorder = new ListFrameSink();
        await using var h = await BinanceUsFeedHarness.StartAsync(recorder: recorder);
        await h.RunHealthyAsync();

        var frames = recorder.Frames;
        Assert.All(frames, f => Assert.Equal("binanceus", f.Venue));
        var rest = Assert.Single(frames, f => f.Source == FrameSource.Rest);
        Assert.Equal((BinanceUsWire.DepthEndpoint, BinanceUsWire.FirstSnapshot()), (rest.Endpoint, rest.Text));
        var ws = Assert.Single(frames, f => f.Source == FrameSource.Ws);
        Assert.Null(ws.Endpoint);
        Assert.Contains("\"U\":101,\"u\":102", ws.Text, StringComparison.Ordinal);
    }
}
