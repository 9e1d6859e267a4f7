using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Orders;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Live;

/// <summary>The Kalshi data client against a fake Kalshi on 127.0.0.1 (real sockets, signature checked), every wait on a manual clock.</summary>
public sealed class KalshiDataClientTests
{
    private static string Ticker => KalshiLiveHarness.Market.Ticker;

    private static InstrumentId MarketId => KalshiLiveHarness.MarketId;

    [Fact]
    public async Task RunAsync_SignedHandshake_AcceptedAndEveryChannelSubscribedWithUseYesPriceStated()
    {
        await using var h = await KalshiLiveHarness.StartAsync();
        var session = await h.RunHealthyAsync();

        // The fake verified the RSA-PSS signature over "1767225600000GET/trade-api/ws/v2" with the public key.
        Assert.Equal((KalshiLiveHarness.KeyId, "1767225600000", true, 101), (session.Handshake.KeyId, session.Handshake.TimestampMs, session.Handshake.Accepted, session.Handshake.Status));
        await session.WaitForCommandAsync(c => c.Cmd == "subscribe", "four subscribes", occurrence: 4);
        Assert.Equal(
        [
            $$$"""{"id":1,"cmd":"subscribe","params":{"channels":["orderbook_delta"],"market_tickers":["{{{Ticker}}}"],"use_yes_price":false}}""",
            $$$"""{"id":2,"cmd":"subscribe","params":{"channels":["ticker"],"market_tickers":["{{{Ticker}}}"],"use_yes_price":false}}""",
            $$$"""{"id":3,"cmd":"subscribe","params":{"channels":["trade"],"market_tickers":["{{{Ticker}}}"],"use_yes_price":false}}""",
            """{"id":4,"cmd":"subscribe","params":{"channels":["cfbenchmarks_value"],"index_ids":["BRTI"]}}""",
        ], session.Commands.Select(c => c.Text));
        Assert.Equal(KalshiFeedMode.WebSocket, h.Client.Mode);
        var health = h.Client.GetHealth();
        Assert.Equal(("kalshi", FeedState.Connected, 1L, 0L, 0L), (health.Feed, health.State, health.Connections, health.Gaps, health.SnapshotFetches));
        Assert.Equal(0, h.Server.CountRequests($"/trade-api/v2/markets/{Ticker}/orderbook")); // no REST while the WebSocket works
    }

    [Theory]
    [InlineData(KalshiBookPricing.NoLevelsAtNoPrice, false)]
    [InlineData(KalshiBookPricing.NoLevelsAtYesPrice, true)]
    public async Task SnapshotThenDeltas_EitherPricing_SameYesTermsBook(KalshiBookPricing pricing, bool useYesPrice)
    {
        await using var h = await KalshiLiveHarness.StartAsync(o => o with { Pricing = pricing });
        var session = await h.RunHealthyAsync();
        Assert.Equal(useYesPrice, session.Subscriptions.Single(s => s.Channel == "orderbook_delta").UseYesPrice);

        await session.PushDeltaAsync(Ticker, "yes", "0.4300", "5.00");   // YES bid 0.43 x 5: the new best bid
        await session.PushDeltaAsync(Ticker, "no", "0.5600", "-17.00");  // NO bid 0.56 gone: YES ask 0.44 gone, best ask 0.46 x 400
        await session.PushDeltaAsync(Ticker, "no", "0.5500", "3.00");    // NO bid 0.55 x 3: YES ask 1 − 0.55 = 0.45 x 3

        // Under use_yes_price=true the fake sends the NO prices as 0.44 and 0.45 (already YES terms); the book must not differ.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.43 x 5", "0.45 x 3"), "the deltas applied in YES terms");
        Assert.Equal(["book:Snapshot:1", "status:Healthy:snapshot", "book:SignedDelta:2", "book:SignedDelta:3", "book:SignedDelta:4"],
            h.Sink.Events.Where(e => e.StartsWith("book", StringComparison.Ordinal) || e.StartsWith("status", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SequenceGap_GetSnapshotSentForTheSid_BookHealthyAgain()
    {
        await using var h = await KalshiLiveHarness.StartAsync();
        var session = await h.RunHealthyAsync();
        var sid = session.SidOf("orderbook_delta", Ticker);

        session.SkipSeq(sid);                                            // seq 2 is never sent
        await session.PushDeltaAsync(Ticker, "yes", "0.4300", "9.00");   // arrives as seq 3: a gap; the server's book has it

        var command = await session.WaitForCommandAsync(c => c.Cmd == "update_subscription", "get_snapshot");
        Assert.Equal($$$"""{"id":5,"cmd":"update_subscription","params":{"sid":{{{sid}}},"action":"get_snapshot"}}""", command.Text);
        // The fresh snapshot (seq 4) holds the YES bid 0.43 x 9, which the client dropped as part of the broken sequence.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.43 x 9", "0.44 x 17"), "healthy from the get_snapshot reply");
        var events = h.Sink.Events.ToList();
        Assert.True(events.IndexOf("status:Gap:sequence gap") < events.IndexOf("book:Snapshot:4"));
        Assert.DoesNotContain("book:SignedDelta:3", events);
        Assert.Single(h.Server.Sessions);
        var health = h.Client.GetHealth();
        Assert.Equal((1L, 1L), (health.Gaps, health.Resyncs));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    public async Task TerminalError_SubscriptionEnded_SameMarketAndChannelSubscribedAnew(int code)
    {
        await using var h = await KalshiLiveHarness.StartAsync();
        var session = await h.RunHealthyAsync();
        var sid = session.SidOf("orderbook_delta", Ticker);

        await session.SendErrorAsync(sid, code, "Subscription ended");

        var again = await session.WaitForCommandAsync(c => c.Cmd == "subscribe", "the resubscribe", occurrence: 5);
        Assert.Equal($$$"""{"id":5,"cmd":"subscribe","params":{"channels":["orderbook_delta"],"market_tickers":["{{{Ticker}}}"],"use_yes_price":false}}""", again.Text);
        var newSid = await session.WaitForSubscriptionAsync("orderbook_delta", Ticker);
        Assert.NotEqual(sid, newSid);
        await session.PushDeltaAsync(Ticker, "yes", "0.4200", "-13.00"); // the 0.42 bid leaves: best bid 0.35 x 200
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.35 x 200", "0.44 x 17"), "healthy on the new subscription");
        var events = h.Sink.Events.ToList();
        Assert.Contains($"status:Gap:subscription ended by error {code}", events);
        Assert.True(events.IndexOf($"status:Gap:subscription ended by error {code}") < events.LastIndexOf("book:Snapshot:1"));
        Assert.Contains($"error {code} ended the orderbook_delta subscription", h.Client.GetHealth().LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbruptClose_ReconnectsWithAFreshlySignedHandshake_ResubscribesAndResyncs()
    {
        await using var h = await KalshiLiveHarness.StartAsync();
        var first = await h.RunHealthyAsync();
        h.Server.SetBook(Ticker, [("0.5000", "1.00")], [("0.4800", "2.00")]);

        first.Abort();

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync()); // 1 s − 10 % jitter
        await h.Sink.WaitUntilAsync(s => s.HealthOf(MarketId) == BookHealth.AwaitingSnapshot, "the book awaiting a snapshot after the drop");
        h.Clock.Advance(FeedTestSettings.FirstDelay);
        var second = await h.Server.NextSessionAsync();

        // Signed again at the reconnect time: 900 ms after the first handshake, and verified by the fake.
        Assert.Equal(("1767225600000", "1767225600900", true), (first.Handshake.TimestampMs, second.Handshake.TimestampMs, second.Handshake.Accepted));
        Assert.NotEqual(first.Handshake.Signature, second.Handshake.Signature);
        // Kalshi numbers sids per connection: the new orderbook subscription is sid 1 again and its snapshot seq 1 must be taken.
        Assert.Equal(1, await second.WaitForSubscriptionAsync("orderbook_delta", Ticker));
        // YES bid 0.50 x 1; YES ask 1 − 0.48 = 0.52 x 2.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.5 x 1", "0.52 x 2"), "healthy from the new connection's snapshot");
        await second.WaitForCommandAsync(c => c.Cmd == "subscribe", "four subscribes again", occurrence: 4);
        var health = h.Client.GetHealth();
        Assert.Equal((2L, 1L, 0L), (health.Connections, health.Reconnects, health.Gaps));
    }

    [Fact]
    public async Task CfBenchmarksValue_TickReachesTheCaller_TickerAndTradeReachTheSink()
    {
        await using var h = await KalshiLiveHarness.StartAsync();
        var session = await h.RunHealthyAsync();
        await session.WaitForSubscriptionAsync("cfbenchmarks_value");

        await session.PushIndexValueAsync("BRTI", "96251.37", 1_767_225_601_000, average60s: "96249.80");
        await session.PushTickerAsync(Ticker, "0.4200", "0.4400", "13.00", "17.00");
        await session.PushTradeAsync(Ticker, "0.4400", "2.50", "yes");

        var tick = await KalshiLiveHarness.NextAsync(h.IndexTicks, "a BRTI tick");
        Assert.Equal(("BRTI", "96251.37", 1_767_225_601_000L * 1_000_000), (tick.IndexId, tick.Value.ToString(), tick.SourceTs));
        Assert.Equal("96249.8", tick.Trailing60s!.Value.Value.ToString());
        await h.Sink.WaitUntilAsync(s => s.Quotes.Count == 1 && s.Trades.Count == 1, "one quote and one trade");
        var quote = h.Sink.Quotes[0];
        Assert.Equal((MarketId, "0.42", "13", "0.44", "17"), (quote.Instrument, quote.Bid.ToString(), quote.BidSize.ToString(), quote.Ask.ToString(), quote.AskSize.ToString()));
        var trade = h.Sink.Trades[0];
        // The taker bought YES: a buy at the YES price 0.44, 2.5 contracts.
        Assert.Equal(("0.44", "2.5", OrderSide.Buy), (trade.Price.ToString(), trade.Size.ToString(), trade.Aggressor));
    }

    [Fact]
    public async Task RemoveMarket_WhileConnected_UnsubscribesItsSidsAndMarksTheBookStale()
    {
        await using var h = await KalshiLiveHarness.StartAsync();
        var session = await h.RunHealthyAsync();
        await session.WaitForCommandAsync(c => c.Cmd == "subscribe", "four subscribes", occurrence: 4);
        var sids = new[] { "orderbook_delta", "ticker", "trade" }.Select(c => session.SidOf(c, Ticker)).Order().ToList();

        Assert.True(h.Client.RemoveMarket(MarketId));

        // A subscribe whose reply had not reached the client yet is undone when it does, so the sids may come in several commands.
        await session.WaitUntilAsync(s => s.Subscriptions.All(x => x.Channel == "cfbenchmarks_value"), "the market's three subscriptions ended");
        Assert.Equal(sids, session.Commands.Where(c => c.Cmd == "unsubscribe").SelectMany(c => c.Numbers("sids")).Order());
        await h.Sink.WaitUntilAsync(s => s.Events.Contains("status:Gap:unsubscribed"), "the unsubscribed reply handled");
        Assert.Contains("status:Stale:removed from the feed", h.Sink.Events);
        Assert.Empty(h.Client.ActiveMarkets);
        Assert.Equal(["cfbenchmarks_value"], session.Subscriptions.Select(s => s.Channel));
    }
}
