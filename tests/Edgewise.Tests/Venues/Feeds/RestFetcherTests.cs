using System.Text;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>REST results typed the way a venue's answers need: ok, retryable (with the venue's Retry-After), fatal.</summary>
public sealed class RestFetcherTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private SimVenueServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await SimVenueServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetAsync_Ok_ReturnsTheBody()
    {
        _server.Respond("/api/v3/depth", """{"lastUpdateId":1,"bids":[],"asks":[]}""");

        var result = await Fetcher().GetAsync(new Uri(_server.HttpUri, "/api/v3/depth?symbol=BTCUSDT&limit=5"), TestContext.Current.CancellationToken);

        Assert.Equal((RestOutcome.Ok, 200), (result.Outcome, result.StatusCode));
        Assert.Equal("""{"lastUpdateId":1,"bids":[],"asks":[]}""", Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal("?symbol=BTCUSDT&limit=5", Assert.Single(_server.RestRequests).Query);
    }

    [Fact]
    public async Task GetAsync_429WithRetryAfterSeconds_RetryableAfterThatDelay()
    {
        _server.Respond("/x", new SimRestResponse(429, """{"code":-1003}""", new Dictionary<string, string> { ["Retry-After"] = "7" }));

        var result = await Fetcher().GetAsync(new Uri(_server.HttpUri, "/x"), TestContext.Current.CancellationToken);

        Assert.Equal((RestOutcome.Retryable, 429, TimeSpan.FromSeconds(7)), (result.Outcome, result.StatusCode, result.RetryAfter));
        Assert.Equal("""HTTP 429 from /x: {"code":-1003}""", result.Error);
    }

    [Fact]
    public async Task GetAsync_418WithRetryAfterDate_DelayMeasuredOnTheFeedClock()
    {
        // The manual clock reads 2026-01-01T00:00:00Z (a Thursday); the ban lifts two minutes later.
        _server.Respond("/x", new SimRestResponse(418, "banned", new Dictionary<string, string> { ["Retry-After"] = "Thu, 01 Jan 2026 00:02:00 GMT" }));

        var result = await Fetcher().GetAsync(new Uri(_server.HttpUri, "/x"), TestContext.Current.CancellationToken);

        Assert.Equal((RestOutcome.Retryable, 418, TimeSpan.FromMinutes(2)), (result.Outcome, result.StatusCode, result.RetryAfter));
    }

    [Theory]
    [InlineData(500, RestOutcome.Retryable)]
    [InlineData(503, RestOutcome.Retryable)]
    [InlineData(408, RestOutcome.Retryable)]
    [InlineData(400, RestOutcome.Fatal)]
    [InlineData(404, RestOutcome.Fatal)]
    public async Task GetAsync_ErrorStatus_TypedByWhetherRetryingHelps(int status, RestOutcome expected)
    {
        _server.Respond("/x", new SimRestResponse(status, """{"msg":"no"}"""));

        var result = await Fetcher().GetAsync(new Uri(_server.HttpUri, "/x"), TestContext.Current.CancellationToken);

        Assert.Equal((expected, status, (TimeSpan?)null), (result.Outcome, result.StatusCode, result.RetryAfter));
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public async Task GetAsync_BodyOverTheLimit_Fatal()
    {
        _server.Respond("/big", "\"" + new string('b', 2000) + "\"");

        var result = await Fetcher(maxBytes: 1024).GetAsync(new Uri(_server.HttpUri, "/big"), TestContext.Current.CancellationToken);

        Assert.Equal((RestOutcome.Fatal, "response from /big exceeds 1024 bytes"), (result.Outcome, result.Error));
    }

    [Fact]
    public async Task GetAsync_NothingListening_RetryableWithoutStatus()
    {
        var address = _server.HttpUri;
        await _server.DisposeAsync();

        var result = await Fetcher().GetAsync(new Uri(address, "/x"), TestContext.Current.CancellationToken);

        Assert.Equal((RestOutcome.Retryable, 0), (result.Outcome, result.StatusCode));
        Assert.StartsWith("GET /x failed: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_NoAnswerWithinTheTimeout_RetryableTimedOutOnTheClock()
    {
        var never = new TaskCompletionSource();
        _server.Respond("/slow", new SimRestResponse(200, "{}", HeldUntil: never.Task));

        var pending = Fetcher().GetAsync(new Uri(_server.HttpUri, "/slow"), TestContext.Current.CancellationToken);
        await _server.NextRestRequestAsync(); // the request is out, so its timeout is running on the clock
        _clock.Advance(TimeSpan.FromSeconds(10));
        var result = await pending.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);

        Assert.Equal((RestOutcome.Retryable, 0, "GET /slow timed out after 00:00:10"), (result.Outcome, result.StatusCode, result.Error));
        never.SetResult();
    }

    private RestFetcher Fetcher(int maxBytes = 1 << 20) => new(_http, _clock, TimeSpan.FromSeconds(10), maxBytes);
}
