// Kalshi Trade API v2 REST reads (FACTS §5.2, §5.3, §5.7): series, events, markets (cursor paging), one market, its order book,
// public trades, candlesticks, and the portfolio reads (balance, positions, orders, fills); order entry is KalshiRestClient.Orders.cs.
// Every request is signed with KalshiAuth when credentials are configured (the signed path runs from the host root, so it
// includes /trade-api/v2, and leaves out the query); portfolio reads without credentials answer AuthFailed without a request.
// Expected venue failures are typed results, never exceptions: 429 is RateLimited (Kalshi sends no Retry-After: the caller backs
// off by policy), 5xx/408/timeouts/network errors Retryable, 401/403 AuthFailed, other 4xx Rejected with Kalshi's error body,
// anything unusable Fatal. Only cancellation of the caller's token throws. The timeout runs on the given clock, bodies are read
// up to a size limit, and each result carries the endpoint and receive time, so a body can be parsed or recorded as a REST frame.
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Edgewise.Core.Time;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiRestClient
{
    /// <summary>The production REST root (FACTS §5.1).</summary>
    public static readonly Uri ProductionBaseUri = new("https://external-api.kalshi.com/trade-api/v2");

    private const int ErrorBodyBytes = 4096;

    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly KalshiAuth? _auth;
    private readonly TimeSpan _timeout;
    private readonly int _maxBytes;
    private readonly string _origin;
    private readonly string _basePath;

    /// <param name="http">Its own Timeout should be infinite: the request timeout here runs on <paramref name="clock"/>.</param>
    /// <param name="baseUri">The API root including its path, e.g. https://external-api.kalshi.com/trade-api/v2.</param>
    /// <param name="clock">Request timeouts and receive times.</param>
    /// <param name="auth">Signs every request when given; the portfolio reads need it.</param>
    /// <param name="timeout">Per request, 10 s when null.</param>
    /// <param name="maxBytes">Largest response body accepted.</param>
    public KalshiRestClient(HttpClient http, Uri baseUri, TimeProvider clock, KalshiAuth? auth = null, TimeSpan? timeout = null, int maxBytes = 16 * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(clock);
        if (!baseUri.IsAbsoluteUri || baseUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The Kalshi REST root must be an absolute http:// or https:// URI, not '{baseUri}'.", nameof(baseUri));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1024);
        _http = http;
        _clock = clock;
        _auth = auth;
        _timeout = timeout ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_timeout, TimeSpan.Zero, nameof(timeout));
        _maxBytes = maxBytes;
        _origin = baseUri.GetLeftPart(UriPartial.Authority);
        _basePath = baseUri.AbsolutePath.TrimEnd('/');
    }

    public bool HasCredentials => _auth is not null;

    /// <summary>GET /series/{series_ticker}: the series, with its fee_type and fee_multiplier.</summary>
    public Task<KalshiRestResult> GetSeriesAsync(string seriesTicker, CancellationToken ct) =>
        GetAsync("/series/" + Segment(seriesTicker), requiresAuth: false, ct);

    /// <summary>GET /events?series_ticker=&amp;status=&amp;with_nested_markets=&amp;cursor= (one page).</summary>
    public Task<KalshiRestResult> GetEventsAsync(string seriesTicker, string? status, bool withNestedMarkets, string? cursor, CancellationToken ct) =>
        GetAsync("/events" + Query(("series_ticker", Required(seriesTicker)), ("status", status),
            ("with_nested_markets", withNestedMarkets ? "true" : null), ("cursor", cursor)), requiresAuth: false, ct);

    /// <summary>GET /markets?series_ticker=&amp;status=&amp;limit=&amp;cursor= (one page; follow <see cref="KalshiRestResult.ReadCursor"/>).</summary>
    public Task<KalshiRestResult> GetMarketsAsync(string seriesTicker, string? status, string? cursor, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "Kalshi pages markets 1-1000 at a time.");
        }

        return GetAsync("/markets" + Query(("series_ticker", Required(seriesTicker)), ("status", status),
            ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), requiresAuth: false, ct);
    }

    /// <summary>GET /markets/{ticker}.</summary>
    public Task<KalshiRestResult> GetMarketAsync(string ticker, CancellationToken ct) =>
        GetAsync("/markets/" + Segment(ticker), requiresAuth: false, ct);

    /// <summary>GET /markets/{ticker}/orderbook (all levels unless <paramref name="depth"/> is 1-100): YES and NO bids, best last.</summary>
    public Task<KalshiRestResult> GetOrderbookAsync(string ticker, int? depth, CancellationToken ct)
    {
        if (depth is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "Order book depth is 0 (all) to 100.");
        }

        return GetAsync($"/markets/{Segment(ticker)}/orderbook" + Query(("depth", depth?.ToString(CultureInfo.InvariantCulture))), requiresAuth: false, ct);
    }

    /// <summary>GET /markets/trades?ticker=&amp;limit=&amp;cursor= (public trades, one page).</summary>
    public Task<KalshiRestResult> GetTradesAsync(string ticker, string? cursor, int? limit, CancellationToken ct) =>
        GetAsync("/markets/trades" + Query(("ticker", Required(ticker)), ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)),
            requiresAuth: false, ct);

    /// <summary>
    /// GET /series/{series}/markets/{ticker}/candlesticks?start_ts=&amp;end_ts=&amp;period_interval= (Unix seconds; period in
    /// minutes: 1, 60 or 1440).
    /// </summary>
    public Task<KalshiRestResult> GetCandlesticksAsync(string seriesTicker, string ticker, DateTimeOffset start, DateTimeOffset end, int periodMinutes,
        CancellationToken ct)
    {
        if (periodMinutes is not (1 or 60 or 1440))
        {
            throw new ArgumentOutOfRangeException(nameof(periodMinutes), periodMinutes, "Kalshi candlesticks are 1, 60 or 1440 minutes.");
        }

        if (end < start)
        {
            throw new ArgumentException($"The candlestick window ends ({end:O}) before it starts ({start:O}).", nameof(end));
        }

        return GetAsync($"/series/{Segment(seriesTicker)}/markets/{Segment(ticker)}/candlesticks" + Query(
            ("start_ts", start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ("end_ts", end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ("period_interval", periodMinutes.ToString(CultureInfo.InvariantCulture))), requiresAuth: false, ct);
    }

    /// <summary>GET /portfolio/balance (signed).</summary>
    public Task<KalshiRestResult> GetBalanceAsync(CancellationToken ct) => GetAsync("/portfolio/balance", requiresAuth: true, ct);

    /// <summary>GET /portfolio/positions?cursor= (signed, one page).</summary>
    public Task<KalshiRestResult> GetPositionsAsync(string? cursor, CancellationToken ct) =>
        GetAsync("/portfolio/positions" + Query(("cursor", cursor)), requiresAuth: true, ct);

    /// <summary>GET /portfolio/orders?ticker=&amp;status=&amp;cursor= (signed, one page).</summary>
    public Task<KalshiRestResult> GetOrdersAsync(string? ticker, string? status, string? cursor, CancellationToken ct) =>
        GetAsync("/portfolio/orders" + Query(("ticker", ticker), ("status", status), ("cursor", cursor)), requiresAuth: true, ct);

    /// <summary>GET /portfolio/fills?ticker=&amp;cursor= (signed, one page).</summary>
    public Task<KalshiRestResult> GetFillsAsync(string? ticker, string? cursor, CancellationToken ct) =>
        GetAsync("/portfolio/fills" + Query(("ticker", ticker), ("cursor", cursor)), requiresAuth: true, ct);

    /// <summary>GETs <paramref name="relative"/> (path and query below the API root, "/markets?limit=5"), signed when credentials exist.</summary>
    public Task<KalshiRestResult> GetAsync(string relative, bool requiresAuth, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, relative, requiresAuth, null, ct);

    /// <summary>
    /// Sends one request: signed over timestamp + METHOD + path (no query; the body is not signed) when credentials exist, the
    /// JSON body (if any) as application/json. A write whose answer never came (timeout, network error, 5xx) is Retryable here,
    /// which for an order means its outcome is UNKNOWN: the caller must look the order up before sending anything again.
    /// </summary>
    private async Task<KalshiRestResult> SendAsync(HttpMethod method, string relative, bool requiresAuth, byte[]? jsonBody, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(relative);
        if (!relative.StartsWith('/'))
        {
            throw new ArgumentException($"A Kalshi endpoint starts with '/', not '{relative}'.", nameof(relative));
        }

        var endpoint = _basePath + relative;
        var verb = method.Method;
        if (requiresAuth && _auth is null)
        {
            return Failed(KalshiRestOutcome.AuthFailed, 0, endpoint, null, null, $"{verb} {endpoint} needs Kalshi credentials and none are configured");
        }

        using var request = new HttpRequestMessage(method, new Uri(_origin + endpoint));
        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        if (_auth is not null)
        {
            foreach (var (name, value) in _auth.Sign(verb, endpoint).ToHeaders())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = new CancellationTokenSource(_timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await ReadBoundedAsync(response.Content, _maxBytes, linked.Token).ConfigureAwait(false);
                return body is { } ok
                    ? new KalshiRestResult(KalshiRestOutcome.Ok, status, endpoint, ok, _clock.GetUnixNs(), null, null, null)
                    : Failed(KalshiRestOutcome.Fatal, status, endpoint, null, null, $"the response from {endpoint} exceeds {_maxBytes} bytes");
            }

            var errorBody = await ReadBoundedAsync(response.Content, ErrorBodyBytes, linked.Token).ConfigureAwait(false);
            var (code, message, text) = ReadError(errorBody);
            var error = $"HTTP {status} from {(method == HttpMethod.Get ? string.Empty : verb + " ")}{endpoint}: {text}";
            var outcome = response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => KalshiRestOutcome.RateLimited,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => KalshiRestOutcome.AuthFailed,
                HttpStatusCode.RequestTimeout => KalshiRestOutcome.Retryable,
                _ when status >= 500 => KalshiRestOutcome.Retryable,
                _ when status >= 400 => KalshiRestOutcome.Rejected,
                _ => KalshiRestOutcome.Fatal, // 1xx/3xx: nothing here follows them
            };
            return Failed(outcome, status, endpoint, code, message, error);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(KalshiRestOutcome.Retryable, 0, endpoint, null, null, $"{verb} {endpoint} timed out after {_timeout}");
        }
        catch (HttpRequestException ex)
        {
            return Failed(KalshiRestOutcome.Retryable, 0, endpoint, null, null, $"{verb} {endpoint} failed: {ex.Message}");
        }
        catch (IOException ex)
        {
            return Failed(KalshiRestOutcome.Retryable, 0, endpoint, null, null, $"{verb} {endpoint} failed while reading: {ex.Message}");
        }
    }

    private KalshiRestResult Failed(KalshiRestOutcome outcome, int status, string endpoint, string? code, string? message, string error) =>
        new(outcome, status, endpoint, ReadOnlyMemory<byte>.Empty, _clock.GetUnixNs(), code, message, error);

    /// <summary>
    /// Kalshi's error body is {"error":{"code":"...","message":"...","details":"..."}}, sometimes {"error":"..."} or a flat
    /// {"code","message"}; anything else is quoted as text (a proxy's HTML page, truncated to the bytes read).
    /// </summary>
    private static (string? Code, string? Message, string Text) ReadError(ReadOnlyMemory<byte>? body)
    {
        if (body is not { } bytes)
        {
            return (null, null, $"(an error body over {ErrorBodyBytes} bytes)");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var error = root.TryGetProperty("error", out var e) ? e : root;
                if (error.ValueKind == JsonValueKind.String)
                {
                    return (null, error.GetString(), error.GetString() ?? string.Empty);
                }

                if (error.ValueKind == JsonValueKind.Object)
                {
                    var code = Scalar(error, "code");
                    var message = Scalar(error, "message");
                    var details = Scalar(error, "details");
                    if (code is not null || message is not null)
                    {
                        var text = string.Join(": ", new[] { code, message, details }.Where(s => !string.IsNullOrEmpty(s)));
                        return (code, message, text);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: quoted below.
        }

        return (null, null, Encoding.UTF8.GetString(bytes.Span));
    }

    private static string? Scalar(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? value.GetRawText()
        : null;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (read no further than one byte past it).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(HttpContent content, int limit, CancellationToken ct)
    {
        if (content.Headers.ContentLength is { } length && length > limit)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[(int)Math.Min(content.Headers.ContentLength ?? 16 * 1024, limit) + 1];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsMemory(0, total);
                }

                total += read;
                if (total > limit)
                {
                    return null;
                }
            }
        }
    }

    private static string Segment(string value) => Uri.EscapeDataString(Required(value));

    private static string Required(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }

    private static string Query(params (string Name, string? Value)[] pairs)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
