using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Live;

/// <summary>The Kalshi REST client against the fake Kalshi: signing, paging and the typed results of every expected failure.</summary>
public sealed class KalshiRestClientTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private SimKalshiServer _server = null!;

    private static string Ticker => KalshiLiveHarness.Market.Ticker;

    public async ValueTask InitializeAsync()
    {
        _server = await SimKalshiServer.StartAsync(KalshiLiveHarness.ClientKey, KalshiLiveHarness.KeyId, _clock);
        _server.AddMarket(KalshiLiveHarness.Market);
        _server.SetBook(Ticker, KalshiLiveHarness.YesBids, KalshiLiveHarness.NoBids);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetOrdersAsync_WithAQuery_SignsThePathFromTheRootWithoutTheQuery()
    {
        var rest = Client(signed: true);
        _clock.Advance(TimeSpan.FromMilliseconds(1234));

        var result = await rest.GetOrdersAsync(Ticker, "resting", cursor: null, TestContext.Current.CancellationToken);

        Assert.Equal((KalshiRestOutcome.Ok, 200), (result.Outcome, result.StatusCode));
        Assert.Equal("""{"orders":[],"cursor":""}""", Encoding.UTF8.GetString(result.Body.Span));
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("/trade-api/v2/portfolio/orders", $"?ticker={Ticker}&status=resting"), (request.Path, request.Query));
        Assert.Equal((KalshiLiveHarness.KeyId, "1767225601234", true), (request.KeyId, request.TimestampMs, request.SignatureValid));
        // Checked here too, with the public key: the signed text is timestamp + GET + path, and the query is not part of it.
        var signature = Convert.FromBase64String(request.Signature!);
        Assert.True(Verify("1767225601234GET/trade-api/v2/portfolio/orders", signature));
        Assert.False(Verify($"1767225601234GET/trade-api/v2/portfolio/orders?ticker={Ticker}&status=resting", signature));
        Assert.Equal($"/trade-api/v2/portfolio/orders?ticker={Ticker}&status=resting", result.Endpoint);
    }

    [Fact]
    public async Task GetMarketsAsync_CursorPaging_EveryMarketOnceInCloseOrder()
    {
        var later = SimKalshiMarket.Btc15m(KalshiLiveHarness.Market.CloseTime + TimeSpan.FromMinutes(15), 96_300m);
        var latest = SimKalshiMarket.Btc15m(KalshiLiveHarness.Market.CloseTime + TimeSpan.FromMinutes(30), 96_350m);
        _server.AddMarket(latest);
        _server.AddMarket(later);
        var rest = Client(signed: false);
        var tickers = new List<string>();
        var queries = new List<string>();
        string? cursor = null;
        do
        {
            var page = await rest.GetMarketsAsync("KXBTC15M", status: null, cursor, limit: 2, TestContext.Current.CancellationToken);
            Assert.True(page.IsOk, page.ToString());
            using var document = JsonDocument.Parse(page.Body);
            tickers.AddRange(document.RootElement.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("ticker").GetString()!));
            queries.Add(page.Endpoint);
            cursor = page.ReadCursor();
        }
        while (cursor is not null);

        Assert.Equal([KalshiLiveHarness.Market.Ticker, later.Ticker, latest.Ticker], tickers);
        Assert.Equal(2, queries.Count); // 2 + 1 markets
        Assert.Equal("/trade-api/v2/markets?series_ticker=KXBTC15M&limit=2", queries[0]);
        Assert.StartsWith("/trade-api/v2/markets?series_ticker=KXBTC15M&limit=2&cursor=", queries[1], StringComparison.Ordinal);
        Assert.All(_server.Requests, r => Assert.Null(r.SignatureValid)); // no credentials: nothing signed
    }

    [Fact]
    public async Task Get_EveryMarketDataEndpoint_OkWithKalshisShapes()
    {
        var rest = Client(signed: true);
        var ct = TestContext.Current.CancellationToken;
        var close = KalshiLiveHarness.Market.CloseTime;

        var series = await rest.GetSeriesAsync("KXBTC15M", ct);
        var events = await rest.GetEventsAsync("KXBTC15M", "open", withNestedMarkets: true, cursor: null, ct);
        var market = await rest.GetMarketAsync(Ticker, ct);
        var book = await rest.GetOrderbookAsync(Ticker, depth: 10, ct);
        var trades = await rest.GetTradesAsync(Ticker, cursor: null, limit: 100, ct);
        var candles = await rest.GetCandlesticksAsync("KXBTC15M", Ticker, close - TimeSpan.FromMinutes(15), close, periodMinutes: 1, ct);

        Assert.All(new[] { series, events, market, book, trades, candles }, r => Assert.True(r.IsOk, r.ToString()));
        Assert.Equal("quadratic", Json(series).GetProperty("series").GetProperty("fee_type").GetString());
        Assert.Equal(Ticker, Json(events).GetProperty("events")[0].GetProperty("markets")[0].GetProperty("ticker").GetString());
        Assert.Equal("tapered_deci_cent", Json(market).GetProperty("market").GetProperty("price_level_structure").GetString());
        Assert.Equal(4, Json(book).GetProperty("orderbook_fp").EnumerateObject().Sum(side => side.Value.GetArrayLength()));
        Assert.Equal("0.4400", Json(trades).GetProperty("trades")[0].GetProperty("yes_price_dollars").GetString());
        // Mid of the best YES bid 0.42 and YES ask 0.44.
        Assert.Equal("0.4300", Json(candles).GetProperty("candlesticks")[0].GetProperty("price").GetProperty("close_dollars").GetString());
        Assert.Equal(
        [
            "/trade-api/v2/series/KXBTC15M",
            "/trade-api/v2/events?series_ticker=KXBTC15M&status=open&with_nested_markets=true",
            $"/trade-api/v2/markets/{Ticker}",
            $"/trade-api/v2/markets/{Ticker}/orderbook?depth=10",
            $"/trade-api/v2/markets/trades?ticker={Ticker}&limit=100",
            // The market's window in Unix seconds: close 2026-01-01T00:10Z = 1767225600 + 600; start 15 min earlier = 1767226200 − 900.
            $"/trade-api/v2/series/KXBTC15M/markets/{Ticker}/candlesticks?start_ts=1767225300&end_ts=1767226200&period_interval=1",
        ], _server.Requests.Select(r => r.PathAndQuery));
        Assert.All(_server.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task Get_Status429_RateLimitedWithNoRetryAfter()
    {
        _server.RespondOnce($"/markets/{Ticker}/orderbook", new SimRestResponse(429, """{"error":{"code":"too_many_requests","message":"too many requests"}}"""));

        var result = await Client(signed: true).GetOrderbookAsync(Ticker, depth: null, TestContext.Current.CancellationToken);

        Assert.Equal((KalshiRestOutcome.RateLimited, 429, "too_many_requests", "too many requests"), (result.Outcome, result.StatusCode, result.ErrorCode, result.ErrorMessage));
        Assert.True(result.Body.IsEmpty);
        Assert.Equal($"HTTP 429 from /trade-api/v2/markets/{Ticker}/orderbook: too_many_requests: too many requests", result.Error);
    }

    [Fact]
    public async Task Get_Status500_Retryable()
    {
        _server.RespondOnce($"/markets/{Ticker}", new SimRestResponse(500, "upstream error"));

        var result = await Client(signed: false).GetMarketAsync(Ticker, TestContext.Current.CancellationToken);

        Assert.Equal((KalshiRestOutcome.Retryable, 500, null), (result.Outcome, result.StatusCode, result.ErrorCode));
        Assert.Equal($"HTTP 500 from /trade-api/v2/markets/{Ticker}: upstream error", result.Error);
    }

    [Fact]
    public async Task Get_Status400WithKalshisErrorBody_RejectedWithCodeAndMessage()
    {
        var result = await Client(signed: false).GetMarketsAsync("KXBTC15M", "open", cursor: "not-a-cursor", limit: null, TestContext.Current.CancellationToken);

        Assert.Equal((KalshiRestOutcome.Rejected, 400), (result.Outcome, result.StatusCode));
        Assert.Equal(("invalid_parameters", "invalid cursor"), (result.ErrorCode, result.ErrorMessage));
        Assert.Equal("HTTP 400 from /trade-api/v2/markets?series_ticker=KXBTC15M&status=open&cursor=not-a-cursor: invalid_parameters: invalid cursor: cursor", result.Error);
    }

    [Fact]
    public async Task Get_Status401FromABadSignature_AuthFailed()
    {
        using var badAuth = BadAuth();
        var rest = new KalshiRestClient(_http, _server.RestBaseUri, _clock, badAuth);

        var result = await rest.GetBalanceAsync(TestContext.Current.CancellationToken);

        Assert.Equal((KalshiRestOutcome.AuthFailed, 401, "authentication_error"), (result.Outcome, result.StatusCode, result.ErrorCode));
        Assert.False(Assert.Single(_server.Requests).SignatureValid);
    }

    [Fact]
    public async Task GetBalanceAsync_NoCredentials_AuthFailedWithoutARequest()
    {
        var result = await Client(signed: false).GetBalanceAsync(TestContext.Current.CancellationToken);

        Assert.Equal((KalshiRestOutcome.AuthFailed, 0), (result.Outcome, result.StatusCode));
        Assert.Equal("GET /trade-api/v2/portfolio/balance needs Kalshi credentials and none are configured", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task GetBalanceAsync_Signed_OkWithTheBalance()
    {
        var result = await Client(signed: true).GetBalanceAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal(125_000, Json(result).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task Get_NoAnswerWithinTheTimeout_RetryableOnTheClock()
    {
        var release = new TaskCompletionSource();
        _server.RespondOnce($"/markets/{Ticker}/orderbook", new SimRestResponse(200, "{}", HeldUntil: release.Task));
        var rest = new KalshiRestClient(_http, _server.RestBaseUri, _clock, auth: null, timeout: TimeSpan.FromSeconds(5));

        var pending = rest.GetOrderbookAsync(Ticker, depth: null, TestContext.Current.CancellationToken);
        await _server.WaitUntilAsync(s => s.Requests.Count == 1, "the request held by the fake");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var result = await pending.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        release.SetResult();

        Assert.Equal((KalshiRestOutcome.Retryable, 0), (result.Outcome, result.StatusCode));
        Assert.Equal($"GET /trade-api/v2/markets/{Ticker}/orderbook timed out after 00:00:05", result.Error);
    }

    private KalshiRestClient Client(bool signed) =>
        new(_http, _server.RestBaseUri, _clock, signed ? GoodAuth() : null);

    private KalshiAuth GoodAuth() => Auth(KalshiLiveHarness.ClientKey);

    private KalshiAuth BadAuth()
    {
        using var other = RSA.Create(2048);
        return Auth(other);
    }

    private KalshiAuth Auth(RSA key)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(key.ExportParameters(includePrivateParameters: true));
        return new KalshiAuth(KalshiLiveHarness.KeyId, rsa, _clock);
    }

    private static bool Verify(string message, byte[] signature)
    {
        using var publicKey = RSA.Create();
        publicKey.ImportParameters(KalshiLiveHarness.ClientKey.ExportParameters(includePrivateParameters: false));
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(message), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
    }

    private static JsonElement Json(KalshiRestResult result)
    {
        using var document = JsonDocument.Parse(result.Body);
        return document.RootElement.Clone();
    }
}
