using System.Security.Cryptography;
using System.Text;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Simulators;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Tests.Venues.Kalshi.Live;

namespace Edgewise.Tests.Venues.Kalshi.Orders;

/// <summary>
/// KalshiExecutionClient against the fake Kalshi: the request it sends, how each answer becomes order events, fills from the
/// WebSocket and over REST, and the unknown-outcome path. Book (see KalshiOrdersHarness): YES asks 0.44 x 17, 0.46 x 400; NO asks
/// 0.58 x 13, 0.65 x 200. Taker fee = 0.07 × C × P × (1 − P), rounded up to $0.000001.
/// </summary>
public sealed class KalshiExecutionClientTests
{
    private const string OrdersPath = "/trade-api/v2/portfolio/orders";
    private const string FillsPath = "/trade-api/v2/portfolio/fills";

    private static string Ticker => KalshiOrdersHarness.Ticker;

    [Fact]
    public async Task Submit_MarketableBuyYesIoc_SignedPostThenAcceptedAndTwoFillsFromTheWebSocket()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        await h.RunAsync();
        h.Clock.Advance(TimeSpan.FromMilliseconds(250));

        h.Client.Submit(OrderRequest.Limit("t-1", KalshiOrdersHarness.Yes.Id, OrderSide.Buy, P("0.46"), Q("20"), TimeInForce.Ioc));
        await h.Events.WaitForCountAsync(3);
        await h.Client.WaitIdleAsync(TestContext.Current.CancellationToken);

        var post = Assert.Single(h.Requests("POST", OrdersPath));
        Assert.Equal(
            $$"""{"ticker":"{{Ticker}}","client_order_id":"t-1","side":"yes","action":"buy","type":"limit","count":20,"yes_price_dollars":"0.4600","time_in_force":"immediate_or_cancel"}""",
            post.Body);
        Assert.Equal((KalshiLiveHarness.KeyId, "1767225600250", true), (post.KeyId, post.TimestampMs, post.SignatureValid));
        // Checked with the public half here too: timestamp + POST + path is signed; the body is not part of it.
        var signature = Convert.FromBase64String(post.Signature!);
        Assert.True(Verify("1767225600250POST" + OrdersPath, signature));
        Assert.False(Verify("1767225600250GET" + OrdersPath, signature));

        var fills = h.Server.Fills;
        var events = h.Events.Events;
        Assert.Equal(3, events.Count); // executed: no terminal event, the engine's order is Filled by its fills
        var accepted = Assert.IsType<OrderAccepted>(events[0]);
        Assert.Equal(("t-1", h.Server.Orders.Single().OrderId), (accepted.ClientOrderId, accepted.VenueOrderId));
        // 17 at the YES ask 0.44 (NO bid 0.56): fee 0.07 × 17 × 0.44 × 0.56 = 0.293216; 3 at 0.46: 0.07 × 3 × 0.46 × 0.54 = 0.052164.
        AssertFill(events[1], "t-1", fills[0].TradeId, "0.44", "17", 0.293216m);
        AssertFill(events[2], "t-1", fills[1].TradeId, "0.46", "3", 0.052164m);
        Assert.Empty(h.Requests("GET", FillsPath)); // the socket brought them
        // 1250 − (17 × 0.44 + 0.293216) − (3 × 0.46 + 0.052164) = 1250 − 7.773216 − 1.432164 = 1240.79462
        Assert.Equal((1240.79462m, 20m), (h.Server.Balance, h.Server.PositionOf(Ticker)));
    }

    [Fact]
    public async Task Submit_BuyNoIocPartlyFilled_NoSideAndPriceThenFillThenExpired()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        await h.RunAsync();

        h.Client.Submit(OrderRequest.Limit("t-2", KalshiOrdersHarness.No.Id, OrderSide.Buy, P("0.60"), Q("20"), TimeInForce.Ioc));
        await h.Events.WaitForCountAsync(3);

        Assert.Contains("\"side\":\"no\",\"action\":\"buy\",\"type\":\"limit\",\"count\":20,\"no_price_dollars\":\"0.6000\"",
            Assert.Single(h.Requests("POST", OrdersPath)).Body, StringComparison.Ordinal);
        var events = h.Events.Events;
        Assert.IsType<OrderAccepted>(events[0]);
        // NO asks at or below 0.60: only 1 − 0.42 = 0.58 x 13. Fee 0.07 × 13 × 0.58 × 0.42 = 0.221676. The other 7 expire (IOC).
        AssertFill(events[1], "t-2", h.Server.Fills.Single().TradeId, "0.58", "13", 0.221676m);
        Assert.Equal("t-2", Assert.IsType<OrderExpired>(events[2]).ClientOrderId);
        Assert.Equal(-13m, h.Server.PositionOf(Ticker)); // Kalshi nets: 13 NO contracts
    }

    [Fact]
    public async Task Cancel_RestingGtcOrder_SignedDeleteThenCanceled()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        await h.RunAsync();
        h.Client.Submit(OrderRequest.Limit("t-3", KalshiOrdersHarness.No.Id, OrderSide.Buy, P("0.50"), Q("5"), TimeInForce.Gtc));
        await h.Events.WaitForCountAsync(1);
        var venueId = Assert.IsType<OrderAccepted>(h.Events.Events[0]).VenueOrderId;
        Assert.Equal("resting", h.Server.Orders.Single().Status); // no YES bid at or above 0.50: it rests as a NO bid at 0.50

        h.Client.Cancel(new CancelRequest("t-3", venueId, KalshiOrdersHarness.No.Id));
        await h.Events.WaitForCountAsync(2);

        Assert.Equal("t-3", Assert.IsType<OrderCanceled>(h.Events.Events[1]).ClientOrderId);
        var delete = Assert.Single(h.Requests("DELETE", $"{OrdersPath}/{venueId}"));
        Assert.True(delete.SignatureValid);
        Assert.True(Verify($"{delete.TimestampMs}DELETE{OrdersPath}/{venueId}", Convert.FromBase64String(delete.Signature!)));
        Assert.Equal(("canceled", 0m), (h.Server.Orders.Single().Status, h.Server.Orders.Single().RemainingCount));
    }

    [Fact]
    public async Task Submit_KalshiRefusesThePrice_RejectedWithKalshisCodeAndMessage()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        await h.RunAsync();

        h.Client.Submit(OrderRequest.Limit("t-4", KalshiOrdersHarness.Yes.Id, OrderSide.Buy, P("0.455"), Q("5"), TimeInForce.Gtc));
        await h.Events.WaitForCountAsync(1);

        var rejected = Assert.IsType<OrderRejected>(Assert.Single(h.Events.Events));
        Assert.Equal("invalid_parameters: price 0.4550 is not on the market's price grid", rejected.Reason);
        Assert.Empty(h.Requests("GET", OrdersPath)); // a refusal is certain: nothing to look up
        Assert.Empty(h.Server.Orders);
    }

    [Fact]
    public async Task Submit_SignatureRefused_RejectedAsAuthenticationError()
    {
        await using var h = await KalshiOrdersHarness.StartAsync(badKey: true);
        await h.RunAsync(waitForFills: false);

        h.Client.Submit(OrderRequest.Limit("t-5", KalshiOrdersHarness.Yes.Id, OrderSide.Buy, P("0.46"), Q("5"), TimeInForce.Ioc));
        await h.Events.WaitForCountAsync(1);

        Assert.Equal("authentication_error: authentication failed", Assert.IsType<OrderRejected>(Assert.Single(h.Events.Events)).Reason);
        Assert.False(Assert.Single(h.Requests("POST", OrdersPath)).SignatureValid);
    }

    [Fact]
    public async Task Submit_RateLimited_SameCreateAgainAfterTheDelayThenPlacedOnce()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        await h.RunAsync();
        h.Server.RespondOnce("/portfolio/orders", new SimRestResponse(429, """{"error":{"code":"too_many_requests","message":"too many requests"}}"""));

        h.Client.Submit(OrderRequest.Limit("t-6", KalshiOrdersHarness.Yes.Id, OrderSide.Buy, P("0.44"), Q("10"), TimeInForce.Ioc));
        Assert.Equal(TimeSpan.FromSeconds(1), await h.NextRetryAsync()); // RateLimitDelay × 2^0
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.Events.WaitForCountAsync(2);

        Assert.Equal(2, h.Requests("POST", OrdersPath).Count);
        Assert.Single(h.Server.Orders);
        Assert.IsType<OrderAccepted>(h.Events.Events[0]);
        AssertFill(h.Events.Events[1], "t-6", h.Server.Fills.Single().TradeId, "0.44", "10", 0.172480m); // 0.07 × 10 × 0.44 × 0.56
    }

    [Fact]
    public async Task Submit_AnswerLostAfterTheOrderWasPlaced_FoundByClientOrderIdAndNeverResent()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        await h.RunAsync();
        h.Server.RespondToNextCreate(new SimRestResponse(500, """{"error":{"code":"internal_server_error","message":"try again"}}"""), placeOrder: true);

        h.Client.Submit(OrderRequest.Limit("t-7", KalshiOrdersHarness.Yes.Id, OrderSide.Buy, P("0.46"), Q("20"), TimeInForce.Ioc));
        await h.Events.WaitForCountAsync(3);
        await h.Client.WaitIdleAsync(TestContext.Current.CancellationToken);

        Assert.Single(h.Requests("POST", OrdersPath)); // never resent
        var lookup = Assert.Single(h.Requests("GET", OrdersPath));
        Assert.Equal($"?ticker={Ticker}", lookup.Query);
        var events = h.Events.Events;
        Assert.Equal(h.Server.Orders.Single().OrderId, Assert.IsType<OrderAccepted>(events[0]).VenueOrderId);
        // The socket's fills came before the order's id was known; they waited for it and were reported after the acceptance.
        AssertFill(events[1], "t-7", h.Server.Fills[0].TradeId, "0.44", "17", 0.293216m);
        AssertFill(events[2], "t-7", h.Server.Fills[1].TradeId, "0.46", "3", 0.052164m);
        Assert.Equal(3, events.Count);
        Assert.Equal(1, h.Client.UnknownOutcomes);
    }

    [Fact]
    public async Task Submit_TimedOutAndNotPlaced_ResentOnlyAfterTwoLookupsFoundNothing()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        await h.RunAsync();
        var release = new TaskCompletionSource();
        h.Server.RespondToNextCreate(new SimRestResponse(200, "{}", HeldUntil: release.Task), placeOrder: false);

        h.Client.Submit(OrderRequest.Limit("t-8", KalshiOrdersHarness.Yes.Id, OrderSide.Buy, P("0.44"), Q("10"), TimeInForce.Ioc));
        await h.Server.WaitUntilAsync(s => s.Requests.Any(r => r.Method == "POST"), "the create held by the fake");
        h.Clock.Advance(KalshiOrdersHarness.RestTimeout); // no answer: outcome unknown
        Assert.Equal(TimeSpan.FromSeconds(2), await h.NextRetryAsync()); // lookup 1 found nothing: look again later
        Assert.Empty(h.Events.Events);
        Assert.Single(h.Requests("POST", OrdersPath));
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        await h.Events.WaitForCountAsync(2);
        release.SetResult();

        Assert.Equal(2, h.Requests("GET", OrdersPath).Count); // two lookups, both empty...
        var posts = h.Requests("POST", OrdersPath);
        Assert.Equal(2, posts.Count); // ...and only then the same order again
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Single(h.Server.Orders);
        Assert.IsType<OrderAccepted>(h.Events.Events[0]);
        AssertFill(h.Events.Events[1], "t-8", h.Server.Fills.Single().TradeId, "0.44", "10", 0.172480m);
    }

    [Fact]
    public async Task Reconnect_FillsFetchedAgainOverRest_EachTradeReportedOnce()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        var session = await h.RunAsync();
        var waits = new FeedWaits(h.Client.Connection);
        // GTC buy YES 20 at 0.44: 17 fill at 0.44, 3 rest as a YES bid at 0.44.
        h.Client.Submit(OrderRequest.Limit("t-9", KalshiOrdersHarness.Yes.Id, OrderSide.Buy, P("0.44"), Q("20"), TimeInForce.Gtc));
        await h.Events.WaitForCountAsync(2);

        session!.Abort();
        Assert.False(await KalshiLiveHarness.NextAsync(h.SocketChanges, "the fill socket down"));
        h.Clock.Advance(await waits.NextReconnectWaitAsync());
        Assert.True(await KalshiLiveHarness.NextAsync(h.SocketChanges, "the fill socket up again"));

        var fetch = Assert.Single(h.Requests("GET", FillsPath));
        Assert.Equal($"?order_id={h.Server.Orders.Single().OrderId}", fetch.Query);
        Assert.Equal(1, h.Client.DuplicateFills); // the REST copy of the socket's fill
        Assert.Equal(2, h.Events.Events.Count);
        AssertFill(h.Events.Events[1], "t-9", h.Server.Fills.Single().TradeId, "0.44", "17", 0.293216m);
    }

    [Fact]
    public async Task Submit_FillSocketRefused_FillsFetchedOverRestInTradeOrder()
    {
        await using var h = await KalshiOrdersHarness.StartAsync();
        h.Server.AlwaysUnauthorized = true; // the upgrade is refused; REST still works
        await h.RunAsync(waitForFills: false);

        h.Client.Submit(OrderRequest.Limit("t-10", KalshiOrdersHarness.Yes.Id, OrderSide.Buy, P("0.46"), Q("20"), TimeInForce.Ioc));
        await h.Events.WaitForCountAsync(3);

        Assert.False(h.Client.IsFillSocketUp);
        Assert.Single(h.Requests("GET", FillsPath));
        var fills = h.Server.Fills;
        AssertFill(h.Events.Events[1], "t-10", fills[0].TradeId, "0.44", "17", 0.293216m);
        AssertFill(h.Events.Events[2], "t-10", fills[1].TradeId, "0.46", "3", 0.052164m);
    }

    private static void AssertFill(OrderEvent orderEvent, string clientOrderId, string tradeId, string price, string quantity, decimal fee)
    {
        var filled = Assert.IsType<OrderFilled>(orderEvent);
        Assert.Equal(
            (clientOrderId, tradeId, P(price), Q(quantity), LiquiditySide.Taker, fee),
            (filled.ClientOrderId, filled.Fill.TradeId, filled.Fill.Price, filled.Fill.Quantity, filled.Fill.Liquidity, filled.Fill.Fee));
    }

    private static Price P(string text) => Price.Parse(text);

    private static Quantity Q(string text) => Quantity.Parse(text);

    private static bool Verify(string message, byte[] signature) =>
        KalshiLiveHarness.ClientKey.VerifyData(Encoding.UTF8.GetBytes(message), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
}
