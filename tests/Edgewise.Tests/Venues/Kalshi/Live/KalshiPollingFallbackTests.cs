using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Live;

/// <summary>
/// The REST polling fallback: a refused or unreachable WebSocket switches the client to polling each market's order book, and a
/// WebSocket retry at an interval switches it back. PollInterval is the default 2 s and WebSocketRetryInterval 60 s.
/// </summary>
public sealed class KalshiPollingFallbackTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(60);

    private static string Ticker => KalshiLiveHarness.Market.Ticker;

    private static InstrumentId MarketId => KalshiLiveHarness.MarketId;

    private static string BookPath => $"/trade-api/v2/markets/{Ticker}/orderbook";

    [Fact]
    public async Task BadKey_UpgradeRefused401_PollsRestAndKeepsTheBookHealthy()
    {
        await using var h = await KalshiLiveHarness.StartAsync(badKey: true);
        h.Run();

        Assert.Equal(KalshiFeedMode.RestPolling, await KalshiLiveHarness.NextAsync(h.Modes, "the switch to polling"));
        var refused = Assert.Single(h.Server.Handshakes);
        Assert.Equal((false, 401, "the signature does not verify with the key's public half"), (refused.Accepted, refused.Status, refused.Reason));
        Assert.Empty(h.Server.Sessions);
        // The polled orderbook_fp holds the same levels as the WebSocket snapshot would: 0.42 x 13 / 1 − 0.56 = 0.44 x 17.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.42 x 13", "0.44 x 17"), "healthy from the first poll");
        Assert.Equal(Poll, await KalshiLiveHarness.NextAsync(h.Polls, "the next poll scheduled"));
        Assert.Equal(1, h.Server.CountRequests(BookPath));
        var health = h.Client.GetHealth();
        Assert.StartsWith("REST polling every 00:00:02 (connect refused with HTTP 401", health.StateText, StringComparison.Ordinal);
        Assert.Equal((false, 1L), (health.Connected, health.SnapshotFetches));

        h.Server.SetBook(Ticker, [("0.4500", "4.00")], [("0.5200", "6.00")]);
        h.Clock.Advance(Poll);

        // YES bid 0.45 x 4; YES ask 1 − 0.52 = 0.48 x 6. REST snapshots carry no seq: the book's update id is 0.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.45 x 4", "0.48 x 6"), "the second poll applied");
        Assert.Equal(2, h.Sink.Count("book:Snapshot:0"));
        Assert.Equal(0, h.Sink.Count("status:Gap"));

        // After the retry interval the WebSocket is tried again (still refused: the key is wrong) and polling goes on.
        Assert.Equal(Retry, await KalshiLiveHarness.NextAsync(h.Retries, "the first WebSocket retry scheduled"));
        h.Clock.Advance(Retry - Poll);
        Assert.Equal(Retry, await KalshiLiveHarness.NextAsync(h.Retries, "the retry after the second refusal"));
        Assert.Equal(2, h.Server.Handshakes.Count);
        Assert.All(h.Server.Handshakes, hs => Assert.False(hs.Accepted));
        Assert.Equal(KalshiFeedMode.RestPolling, h.Client.Mode);
    }

    [Fact]
    public async Task Refused_ThenAcceptedAfterTheRetryInterval_BackToWebSocketAndPollingStops()
    {
        await using var h = await KalshiLiveHarness.StartAsync();
        h.Server.AlwaysUnauthorized = true;
        h.Run();
        Assert.Equal(KalshiFeedMode.RestPolling, await KalshiLiveHarness.NextAsync(h.Modes, "the switch to polling"));
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.42 x 13", "0.44 x 17"), "healthy from polling");
        await KalshiLiveHarness.NextAsync(h.Polls, "the next poll scheduled");

        h.Server.AlwaysUnauthorized = false;
        h.Server.SetBook(Ticker, [("0.4700", "3.00")], [("0.5100", "8.00")]);
        h.Clock.Advance(Retry);

        Assert.Equal(KalshiFeedMode.WebSocket, await KalshiLiveHarness.NextAsync(h.Modes, "the switch back to the WebSocket"));
        var session = await h.Server.NextSessionAsync();
        Assert.True(session.Handshake.Accepted);
        await session.WaitForSubscriptionAsync("orderbook_delta", Ticker);
        // The WebSocket snapshot (seq 1) replaces the polled book: YES bid 0.47 x 3, YES ask 1 − 0.51 = 0.49 x 8.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.47 x 3", "0.49 x 8") && s.Count("book:Snapshot:1") == 1, "healthy from the WS snapshot");
        await session.PushDeltaAsync(Ticker, "yes", "0.4800", "1.00");
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.48 x 1", "0.49 x 8"), "a WS delta applied");

        // Polling stopped before the mode changed back: moving the clock past several poll intervals fetches nothing more.
        var polled = h.Server.CountRequests(BookPath);
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        await session.PushDeltaAsync(Ticker, "yes", "0.4800", "1.00");
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.48 x 2", "0.49 x 8"), "another WS delta applied");
        Assert.Equal(polled, h.Server.CountRequests(BookPath));
        Assert.Equal(KalshiFeedMode.WebSocket, h.Client.Mode);
        Assert.Equal(FeedState.Connected, h.Client.GetHealth().State);
    }

    [Fact]
    public async Task HostUnreachable_ForTheConfiguredAttempts_PollsRest()
    {
        // A port nothing listens on: every connect fails at once without an HTTP answer.
        var unreachable = new Uri("ws://127.0.0.1:9/trade-api/ws/v2");
        await using var h = await KalshiLiveHarness.StartAsync(o => o with { WebSocketUri = unreachable, UnreachableAttemptsBeforePolling = 2 });
        h.Run();

        Assert.Equal(FeedTestSettings.FirstDelay, await h.Waits.NextReconnectWaitAsync()); // attempt 1 failed: backoff 0.9 s
        Assert.Equal(KalshiFeedMode.WebSocket, h.Client.Mode);
        h.Clock.Advance(FeedTestSettings.FirstDelay);

        Assert.Equal(KalshiFeedMode.RestPolling, await KalshiLiveHarness.NextAsync(h.Modes, "polling after the second failed attempt"));
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.42 x 13", "0.44 x 17"), "healthy from polling");
        Assert.Equal(2, h.Client.GetHealth().ConnectFailures);
        Assert.Empty(h.Server.Handshakes);
    }

    [Fact]
    public async Task NoCredentials_PollsRestFromTheStart()
    {
        await using var h = await KalshiLiveHarness.StartAsync(noAuth: true);
        h.Run();

        Assert.Equal(KalshiFeedMode.RestPolling, await KalshiLiveHarness.NextAsync(h.Modes, "the switch to polling"));
        Assert.Equal("missing KALSHI-ACCESS-* headers", Assert.Single(h.Server.Handshakes).Reason);
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.42 x 13", "0.44 x 17"), "healthy from polling");
        Assert.All(h.Server.Requests, r => Assert.Null(r.SignatureValid)); // nothing to sign with
    }

    [Fact]
    public async Task PollFails_BookMarkedStale_NextGoodPollHealsIt()
    {
        await using var h = await KalshiLiveHarness.StartAsync(badKey: true);
        h.Server.RespondOnce($"/markets/{Ticker}/orderbook", new SimRestResponse(500, """{"error":{"code":"internal_server_error","message":"try again"}}"""));
        h.Run();
        await KalshiLiveHarness.NextAsync(h.Polls, "the first round done");

        await h.Sink.WaitUntilAsync(s => s.Events.Any(e => e.StartsWith("status:Stale:REST poll failed: HTTP 500", StringComparison.Ordinal)), "the failed poll reported");
        h.Clock.Advance(Poll);
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.42 x 13", "0.44 x 17"), "healed by the next poll");
        var health = h.Client.GetHealth();
        Assert.Equal((1L, 1L), (health.SnapshotFetches, health.SnapshotFailures));
        Assert.StartsWith($"HTTP 500 from {BookPath}: internal_server_error: try again", health.LastSnapshotError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollRateLimited_NoRetryAfter_BacksOffByPolicyNeverFasterThanTheInterval()
    {
        await using var h = await KalshiLiveHarness.StartAsync(badKey: true);
        for (var i = 0; i < 3; i++)
        {
            h.Server.RespondOnce($"/markets/{Ticker}/orderbook", new SimRestResponse(429, """{"error":{"code":"too_many_requests","message":"slow down"}}"""));
        }

        h.Run();

        // Backoff 1 s doubling (ceilings 1 s, 2 s, 4 s after 1, 2, 3 rate-limited rounds), shortened by up to 20 % jitter drawn from
        // the client's own seeded generator; never below the 2 s interval: 2 s, 2 s, then a delay in (3.2 s, 4 s].
        Assert.Equal(Poll, await KalshiLiveHarness.NextAsync(h.Polls, "round 1 (429)"));
        h.Clock.Advance(Poll);
        Assert.Equal(Poll, await KalshiLiveHarness.NextAsync(h.Polls, "round 2 (429)"));
        h.Clock.Advance(Poll);
        var third = await KalshiLiveHarness.NextAsync(h.Polls, "round 3 (429)");
        Assert.InRange(third, TimeSpan.FromMilliseconds(3201), TimeSpan.FromSeconds(4));
        h.Clock.Advance(third - TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, h.Server.CountRequests(BookPath));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(Poll, await KalshiLiveHarness.NextAsync(h.Polls, "round 4 (ok): the interval again"));
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(MarketId, "0.42 x 13", "0.44 x 17"), "healthy once the budget allows");
        Assert.Equal((1L, 3L), (h.Client.GetHealth().SnapshotFetches, h.Client.GetHealth().SnapshotFailures));
    }
}
