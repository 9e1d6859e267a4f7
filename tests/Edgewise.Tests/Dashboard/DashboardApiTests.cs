using System.Net;
using System.Text.Json;
using Edgewise.Core.Orders;
using Edgewise.Dashboard.Server;
using Edgewise.Dashboard.Snapshots;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Risk;

namespace Edgewise.Tests.Dashboard;

/// <summary>
/// The JSON API against the real server on 127.0.0.1. The engine runs synchronously on the test thread, so each figure
/// is in the snapshot before the request is sent. Scenario (see DashboardPublisherTests for the arithmetic): deposit
/// 10,000; alpha buys 2 @ 100.50 (fee 0.201), the book moves to 101.00 / 101.50, alpha sells 1 @ 101.00 (fee 0.101).
/// </summary>
public class DashboardApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPositions_AfterBuyAndSell_ExactDecimalStrings()
    {
        await using var d = await TradedAsync();

        var json = await d.GetJsonAsync("api/positions", Ct);

        Assert.Equal(d.Harness.Publisher.Current.Sequence, json.GetProperty("sequence").GetInt64());
        var position = Assert.Single(json.GetProperty("data").EnumerateArray());
        Assert.Equal("BTCUSD.sim", position.GetProperty("instrument").GetString());
        Assert.Equal("1", position.GetProperty("quantity").GetString());
        Assert.Equal("100.5", position.GetProperty("averageEntryPrice").GetString());
        Assert.Equal("100.5", position.GetProperty("costBasis").GetString());
        Assert.Equal("101.25", position.GetProperty("mark").GetString());
        Assert.Equal("0.75", position.GetProperty("unrealizedPnl").GetString());       // 101.25 − 100.50
        Assert.Equal("0.5", position.GetProperty("realizedPnl").GetString());          // 101.00 − 100.50
        Assert.Equal("0.302", position.GetProperty("fees").GetString());               // 0.201 + 0.101
    }

    [Fact]
    public async Task GetPnl_AfterBuyAndSell_TotalsStrategiesAndEquityCurve()
    {
        await using var d = await TradedAsync();

        var data = (await d.GetJsonAsync("api/pnl", Ct)).GetProperty("data");

        var portfolio = data.GetProperty("portfolio");
        Assert.Equal("10000.948", portfolio.GetProperty("equity").GetString());        // 10,000 + 0.50 − 0.302 + 0.75
        Assert.Equal("0.948", portfolio.GetProperty("netPnl").GetString());
        Assert.Equal("9899.698", portfolio.GetProperty("cash").GetString());
        Assert.Equal("10000", portfolio.GetProperty("netDeposits").GetString());
        var strategies = data.GetProperty("strategies").EnumerateArray().ToDictionary(s => s.GetProperty("strategyId").GetString()!);
        Assert.Equal(["alpha", "beta"], strategies.Keys.Order());
        Assert.Equal("0.948", strategies["alpha"].GetProperty("netPnl").GetString());   // alpha made every fill
        Assert.Equal(2, strategies["alpha"].GetProperty("fills").GetInt64());
        Assert.Equal("0", strategies["beta"].GetProperty("netPnl").GetString());
        Assert.Equal("running", strategies["beta"].GetProperty("status").GetString());
        // One point per engine second, the last value of the second: the buy at t0 shows from the ticker at t0+0.5
        // (9,999.299, replacing t0's 10,000); the sell at t0+1 from t0+1.5 (10,000.948); t0+2 unchanged.
        var equity = data.GetProperty("equity").EnumerateArray().ToList();
        var t0 = ManualStart;
        Assert.Equal([t0, t0 + 1, t0 + 2], equity.Select(p => p.GetProperty("time").GetInt64()));
        Assert.Equal(["9999.299", "10000.948", "10000.948"], equity.Select(p => p.GetProperty("equity").GetString()));
    }

    [Fact]
    public async Task GetOrders_RestingLimitOrder_ListedWithPriceLeavesAndStatusName()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);
        d.Harness.Alpha.Limit(OrderSide.Buy, 99.00m, 1.5m);
        d.Harness.Book(100.00m, 100.50m);
        d.Harness.Advance(TimeSpan.FromMilliseconds(500));

        var order = Assert.Single((await d.GetJsonAsync("api/orders", Ct)).GetProperty("data").EnumerateArray());

        Assert.Equal("alpha-1", order.GetProperty("clientOrderId").GetString());
        Assert.Equal("Buy", order.GetProperty("side").GetString());
        Assert.Equal("Limit", order.GetProperty("type").GetString());
        Assert.Equal("Gtc", order.GetProperty("timeInForce").GetString());
        Assert.Equal("99", order.GetProperty("price").GetString());
        Assert.Equal("1.5", order.GetProperty("leaves").GetString());
        Assert.Equal("Accepted", order.GetProperty("status").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), order.GetProperty("created").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetFills_AfterBuyAndSell_NewestFirstWithFeeAndRealized()
    {
        await using var d = await TradedAsync();

        var fills = (await d.GetJsonAsync("api/fills", Ct)).GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(["Sell", "Buy"], fills.Select(f => f.GetProperty("side").GetString()));
        Assert.Equal(["101", "100.5"], fills.Select(f => f.GetProperty("price").GetString()));
        Assert.Equal(["0.101", "0.201"], fills.Select(f => f.GetProperty("fee").GetString()));
        Assert.Equal(["0.5", "0"], fills.Select(f => f.GetProperty("realizedPnl").GetString()));
        Assert.All(fills, f => Assert.Equal("Taker", f.GetProperty("liquidity").GetString()));
    }

    [Fact]
    public async Task GetBooks_AfterAQuietSecond_TopOfBookAndAge()
    {
        await using var d = await TradedAsync();

        var book = Assert.Single((await d.GetJsonAsync("api/books", Ct)).GetProperty("data").EnumerateArray());

        Assert.Equal("Healthy", book.GetProperty("health").GetString());
        Assert.Equal(("101", "5", "101.5"), (book.GetProperty("bidPrice").GetString(), book.GetProperty("bidSize").GetString(), book.GetProperty("askPrice").GetString()));
        Assert.Equal("5", book.GetProperty("askSize").GetString());    // the engine's book is the feed's: our fills do not change it
        Assert.Equal(1_000, book.GetProperty("ageMs").GetInt64());      // last change at t0+1, snapshot at t0+2
    }

    [Fact]
    public async Task GetFeeds_ComposedFeedRows_AsGiven()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);
        d.Harness.Feeds = [new FeedStatus { Feed = "kraken", State = "WaitingToReconnect", StateText = "waiting 1s", Connected = false, LastMessageAgeMs = 2_500, Gaps = 3 }];
        d.Harness.Advance(TimeSpan.FromMilliseconds(500));

        var feed = Assert.Single((await d.GetJsonAsync("api/feeds", Ct)).GetProperty("data").EnumerateArray());

        Assert.Equal(("kraken", "WaitingToReconnect", false), (feed.GetProperty("feed").GetString(), feed.GetProperty("state").GetString(), feed.GetProperty("connected").GetBoolean()));
        Assert.Equal((2_500L, 3L), (feed.GetProperty("lastMessageAgeMs").GetInt64(), feed.GetProperty("gaps").GetInt64()));
    }

    [Fact]
    public async Task GetHealth_AllConnectedAndHealthy_Ok()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);
        d.Harness.Book(100.00m, 100.50m);
        d.Harness.Advance(TimeSpan.FromMilliseconds(500));

        var health = await d.GetJsonAsync("api/health", Ct);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Empty(health.GetProperty("issues").EnumerateArray());
        Assert.Equal("Active", health.GetProperty("tradingState").GetString());
        Assert.Equal((1, 1, 0), (health.GetProperty("feedsConnected").GetInt32(), health.GetProperty("feeds").GetInt32(), health.GetProperty("unhealthyBooks").GetInt32()));
    }

    [Fact]
    public async Task GetHealth_FeedDownAndBookNeverSynced_DegradedWithOneIssueEach()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);
        d.Harness.Feeds = [new FeedStatus { Feed = "kraken", State = "Connecting", StateText = "connecting", Connected = false }];
        d.Harness.Advance(TimeSpan.FromMilliseconds(500));

        var health = await d.GetJsonAsync("api/health", Ct);

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal(["feed kraken not connected: connecting", "book BTCUSD.sim AwaitingSnapshot"], health.GetProperty("issues").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task GetRisk_Limits_StateAndLimitsInForce()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);

        var risk = (await d.GetJsonAsync("api/risk", Ct)).GetProperty("data");

        Assert.Equal("Active", risk.GetProperty("state").GetString());
        Assert.Equal("5", risk.GetProperty("limits").GetProperty("maxOrderQuantity").GetString());
        Assert.Equal(JsonValueKind.Null, risk.GetProperty("limits").GetProperty("maxDailyLoss").ValueKind);
        Assert.True(risk.GetProperty("limits").GetProperty("requireHealthyBook").GetBoolean());
    }

    [Fact]
    public async Task PostKillSwitch_NoTokenOrWrongToken_401AndTradingStaysActive()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);

        using var none = await d.Http.PostAsync("api/kill-switch", null, Ct);
        using var wrongRequest = new HttpRequestMessage(HttpMethod.Post, "api/kill-switch");
        wrongRequest.Headers.Add(KillSwitchToken.HeaderName, new string('0', 32));
        using var wrong = await d.Http.SendAsync(wrongRequest, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var reply = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync(Ct));
        Assert.False(reply.RootElement.GetProperty("accepted").GetBoolean());
        Assert.Equal(TradingState.Active, d.Harness.Engine.Risk.State);
        Assert.Equal(TradingState.Active, d.Harness.Publisher.Current.Risk.State);
    }

    [Fact]
    public async Task PostKillSwitch_WithToken_200HaltedOrdersCanceledAndNewOrdersDenied()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);
        d.Harness.Alpha.Limit(OrderSide.Buy, 99.00m, 1m);
        d.Harness.Book(100.00m, 100.50m);
        Assert.Single(d.Harness.Engine.Cache.OpenOrders);

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/kill-switch");
        request.Headers.Add(KillSwitchToken.HeaderName, d.Server.Token);
        using var response = await d.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(reply.RootElement.GetProperty("accepted").GetBoolean());
        Assert.Equal("Halted", reply.RootElement.GetProperty("tradingState").GetString());
        Assert.Equal(TradingState.Halted, d.Harness.Engine.Risk.State);
        Assert.Equal(DashboardEndpoints.KillSwitchReason, d.Harness.Engine.Risk.StateReason);
        Assert.Empty(d.Harness.Engine.Cache.OpenOrders);                          // the resting order was canceled

        d.Harness.Alpha.Market(OrderSide.Buy, 1m);
        d.Harness.Book(100.00m, 100.50m);
        Assert.True(d.Harness.Alpha.Results.TryPeek(out _));
        var last = d.Harness.Alpha.Results.Last();
        Assert.Equal((SubmitOutcome.Denied, DenialReason.TradingHalted), (last.Outcome, last.Reason));
    }

    [Fact]
    public async Task GetStream_FirstEventAtOnceThenEachNewSnapshot()
    {
        await using var d = await ServedDashboard.StartAsync(Ct, options: new DashboardServerOptions { StreamInterval = TimeSpan.FromMilliseconds(1) });
        using var response = await d.Http.GetAsync("api/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));

        var first = await ReadEventAsync(reader);
        Assert.Equal(d.Harness.Publisher.Current.Sequence, first.GetProperty("sequence").GetInt64());

        d.Harness.Alpha.Market(OrderSide.Buy, 2m);
        d.Harness.Book(100.00m, 100.50m);
        d.Harness.Advance(TimeSpan.FromMilliseconds(500));
        var expected = d.Harness.Publisher.Current.Sequence;
        JsonElement next;
        do
        {
            next = await ReadEventAsync(reader);
        }
        while (next.GetProperty("sequence").GetInt64() < expected);

        Assert.Equal("2", Assert.Single(next.GetProperty("positions").EnumerateArray()).GetProperty("quantity").GetString());
        Assert.Equal("9999.299", next.GetProperty("portfolio").GetProperty("equity").GetString());
    }

    [Fact]
    public async Task GetStream_LongEquityCurve_StreamsOnlyTheNewestPoints()
    {
        await using var d = await ServedDashboard.StartAsync(Ct, options: new DashboardServerOptions { StreamEquityPoints = 3 });
        d.Harness.Advance(TimeSpan.FromSeconds(5));         // points at t0 … t0+5
        using var response = await d.Http.GetAsync("api/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));

        var snapshot = await ReadEventAsync(reader);

        var t0 = ManualStart;
        Assert.Equal([t0 + 3, t0 + 4, t0 + 5], snapshot.GetProperty("equity").EnumerateArray().Select(p => p.GetProperty("time").GetInt64()));
        Assert.Equal(6, d.Harness.Publisher.Current.Equity.Count);
    }

    [Fact]
    public async Task GetStream_NothingNew_KeepAliveCommentInsteadOfAnEvent()
    {
        var options = new DashboardServerOptions { StreamInterval = TimeSpan.FromMilliseconds(1), KeepAliveInterval = TimeSpan.FromMilliseconds(50) };
        await using var d = await ServedDashboard.StartAsync(Ct, options: options);
        using var response = await d.Http.GetAsync("api/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        await ReadEventAsync(reader);

        // The engine is idle (synchronous mode, clock not moved): no snapshot can come, only the keep-alive.
        var line = await reader.ReadLineAsync(Ct);

        Assert.Equal(": keep-alive", line);
    }

    [Fact]
    public async Task GetSnapshot_Whole_EverySectionAndTheFullEquityCurve()
    {
        await using var d = await TradedAsync();

        var json = await d.GetJsonAsync("api/snapshot", Ct);

        var data = json.GetProperty("data");
        Assert.Equal(json.GetProperty("sequence").GetInt64(), data.GetProperty("sequence").GetInt64());
        Assert.Equal(
            ["sequence", "time", "risk", "portfolio", "positions", "openOrders", "openOrderCount", "recentFills", "totalFills", "strategies", "equity", "books", "feeds", "engine"],
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, data.GetProperty("equity").GetArrayLength());
        Assert.Equal("2026-01-01T00:00:02+00:00", data.GetProperty("time").GetString());
    }

    [Fact]
    public async Task GetPage_IndexAndVendoredChartLibrary_ServedWithSecurityHeaders()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);

        using var index = await d.Http.GetAsync("/", Ct);
        using var library = await d.Http.GetAsync("lib/lightweight-charts.standalone.production.js", Ct);
        using var missing = await d.Http.GetAsync("lib/nothing.js", Ct);
        using var missingApi = await d.Http.GetAsync("api/nothing", Ct);

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Edgewise dashboard</title>", await index.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", index.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Contains("Lightweight Charts™ v5.2.1", await library.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingApi.StatusCode);
    }

    [Fact]
    public async Task GetPage_SameETag_304NotModified()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);
        using var first = await d.Http.GetAsync("app.js", Ct);
        using var again = new HttpRequestMessage(HttpMethod.Get, "app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await d.Http.SendAsync(again, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Request_ForeignHostName_400WhileLoopbackOnly()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/health");
        request.Headers.Host = "attacker.example";

        using var response = await d.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_DefaultOptions_BindsLoopbackOnly()
    {
        await using var d = await ServedDashboard.StartAsync(Ct);

        Assert.Equal("127.0.0.1", d.Server.Url.Host);
        Assert.NotEqual(0, d.Server.Url.Port);
        Assert.Matches("^[0-9a-f]{32}$", d.Server.Token);
    }

    /// <summary>2026-01-01T00:00:00Z, the manual clock's start, in Unix seconds.</summary>
    private static long ManualStart => TestKit.ManualTimeProvider.DefaultStart.ToUnixTimeSeconds();

    /// <summary>Buys 2 @ 100.50 at t0, moves the book and sells 1 @ 101.00 at t0+1, then lets one quiet second pass.</summary>
    private static async Task<ServedDashboard> TradedAsync()
    {
        var d = await ServedDashboard.StartAsync(Ct);
        var h = d.Harness;
        h.Alpha.Market(OrderSide.Buy, 2m);
        h.Book(100.00m, 100.50m);
        h.Advance(TimeSpan.FromSeconds(1));
        h.Alpha.Market(OrderSide.Sell, 1m);
        h.Book(101.00m, 101.50m);
        h.Advance(TimeSpan.FromSeconds(1));
        return d;
    }

    /// <summary>Reads one "snapshot" event (skipping comments) and returns its data.</summary>
    private static async Task<JsonElement> ReadEventAsync(StreamReader reader)
    {
        string? data = null;
        string? kind = null;
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (kind == "snapshot" && data is not null)
                {
                    using var document = JsonDocument.Parse(data);
                    return document.RootElement.Clone();
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                kind = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("The stream ended before a snapshot event.");
    }
}
