// A fake Kalshi on 127.0.0.1, built on SimVenueServer, that speaks the real protocol (FACTS §5): REST under /trade-api/v2 (series,
// events, markets with cursor paging, one market, its orderbook_fp, public trades, candlesticks, and the signed portfolio: order
// entry, matching and reads in SimKalshiServer.Orders.cs) and the WebSocket at /trade-api/ws/v2, whose upgrade it CHECKS: the three KALSHI-ACCESS-* headers must be present, name
// the configured key id, and carry an RSA-PSS (SHA-256, salt 32) signature of timestamp + "GET" + "/trade-api/ws/v2" that verifies
// with the public key the server was given; anything else is answered HTTP 401 (and AlwaysUnauthorized refuses every upgrade).
// Each accepted connection becomes a SimKalshiSession that answers commands (subscribe, unsubscribe, update_subscription) and
// lets the test push data. Markets, books and trades are server state the test sets; a market's status (unopened, open, closed)
// follows the server's clock, so a test that moves a ManualTimeProvider sees markets open and close. Every request and upgrade is
// recorded, and a test can await a condition over them instead of sleeping.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators;

public sealed partial class SimKalshiServer : IAsyncDisposable
{
    public const string RestPrefix = "/trade-api/v2";
    public const string WebSocketPath = "/trade-api/ws/v2";

    private readonly RSA _publicKey;
    private readonly string _keyId;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<SimKalshiMarket> _markets = [];
    private readonly Dictionary<string, SimKalshiBook> _books = new(StringComparer.Ordinal);
    private readonly List<SimKalshiRequest> _requests = [];
    private readonly List<SimKalshiHandshake> _handshakes = [];
    private readonly Queue<SimKalshiHandshake> _acceptedHandshakes = new();
    private readonly List<SimKalshiSession> _sessions = [];
    private readonly List<(Func<SimKalshiServer, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SimRestResponse>> _onceRoutes = new(StringComparer.Ordinal);
    private readonly Channel<SimKalshiSession> _newSessions = Channel.CreateUnbounded<SimKalshiSession>();
    private SimVenueServer _venue = null!;
    private Task _acceptLoop = Task.CompletedTask;
    private volatile bool _alwaysUnauthorized;

    private SimKalshiServer(RSA key, string keyId, TimeProvider clock)
    {
        _publicKey = RSA.Create();
        _publicKey.ImportParameters(key.ExportParameters(includePrivateParameters: false)); // the venue only ever holds the public half
        _keyId = keyId;
        _clock = clock;
    }

    /// <summary>The underlying fake venue (ports, raw connections).</summary>
    public SimVenueServer Venue => _venue;

    /// <summary>http://127.0.0.1:port/trade-api/v2</summary>
    public Uri RestBaseUri => new(_venue.HttpUri, RestPrefix);

    /// <summary>ws://127.0.0.1:port/trade-api/ws/v2</summary>
    public Uri WebSocketUri => new(_venue.WebSocketUri, WebSocketPath);

    /// <summary>When set, every WebSocket upgrade is answered 401 whatever its headers (a revoked key, an outage of auth).</summary>
    public bool AlwaysUnauthorized
    {
        get => _alwaysUnauthorized;
        set => _alwaysUnauthorized = value;
    }

    public IReadOnlyList<SimKalshiRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<SimKalshiHandshake> Handshakes
    {
        get
        {
            lock (_gate)
            {
                return [.. _handshakes];
            }
        }
    }

    public IReadOnlyList<SimKalshiSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions];
            }
        }
    }

    internal DateTimeOffset Now => _clock.GetUtcNow();

    /// <param name="key">The client's key: only its public half is kept, to verify signatures.</param>
    /// <param name="keyId">The KALSHI-ACCESS-KEY the client must send.</param>
    /// <param name="clock">Market statuses follow it (the test's manual clock); the system clock when null.</param>
    public static async Task<SimKalshiServer> StartAsync(RSA key, string keyId, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var server = new SimKalshiServer(key, keyId, clock ?? TimeProvider.System);
        server._venue = await SimVenueServer.StartAsync(server.InterceptAsync);
        server._acceptLoop = server.AcceptLoopAsync();
        return server;
    }

    /// <summary>Lists a market (its book starts empty).</summary>
    public void AddMarket(SimKalshiMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        lock (_gate)
        {
            _markets.RemoveAll(m => m.Ticker == market.Ticker);
            _markets.Add(market);
            _books.TryAdd(market.Ticker, new SimKalshiBook());
        }
    }

    /// <summary>Replaces a market's resting bids: YES bids and NO bids, each at its own side's price ("0.4200", "13.00").</summary>
    public void SetBook(string ticker, IEnumerable<(string Price, string Size)> yes, IEnumerable<(string Price, string Size)> no)
    {
        ArgumentNullException.ThrowIfNull(yes);
        ArgumentNullException.ThrowIfNull(no);
        lock (_gate)
        {
            var book = BookOf(ticker);
            book.Yes.Clear();
            book.No.Clear();
            book.Touch();
            foreach (var (price, size) in yes)
            {
                book.Yes[Decimal(price)] = Decimal(size);
            }

            foreach (var (price, size) in no)
            {
                book.No[Decimal(price)] = Decimal(size);
            }
        }
    }

    /// <summary>
    /// Answers the next GET of <paramref name="relativePath"/> ("/markets/X/orderbook", below /trade-api/v2) with <paramref name="response"/>,
    /// once (a 429, a 500, a 400 with Kalshi's error body; held until its HeldUntil task completes when one is given).
    /// </summary>
    public void RespondOnce(string relativePath, SimRestResponse response) =>
        _onceRoutes.GetOrAdd(relativePath, _ => new ConcurrentQueue<SimRestResponse>()).Enqueue(response);

    /// <summary>The next WebSocket session a client opened with an accepted handshake.</summary>
    public async Task<SimKalshiSession> NextSessionAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await _newSessions.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No accepted Kalshi WebSocket session within the timeout ({Handshakes.Count} upgrade attempts so far).", ex);
        }
    }

    /// <summary>Completes once <paramref name="condition"/> holds (checked after every request and upgrade); times out naming <paramref name="what"/>.</summary>
    public async Task WaitUntilAsync(Func<SimKalshiServer, bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(this))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout ?? SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }

            throw new TimeoutException(
                $"Timed out waiting for: {what}. Requests: {string.Join(", ", Requests.Select(r => r.PathAndQuery))}; upgrades: {Handshakes.Count}.", ex);
        }
    }

    /// <summary>Counts the REST requests whose path (from the host root) is <paramref name="path"/>.</summary>
    public int CountRequests(string path) => Requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _venue.DisposeAsync(); // aborts the sessions' sockets; their loops end
        await Task.WhenAll(Sessions.Select(s => s.Completion)).WaitAsync(SimVenueServer.DefaultTimeout);
        foreach (var session in Sessions)
        {
            session.Dispose();
        }

        _publicKey.Dispose();
    }

    internal SimKalshiBook BookOf(string ticker) =>
        _books.TryGetValue(ticker, out var book) ? book : throw new InvalidOperationException($"The fake Kalshi has no market {ticker}: add it first.");

    /// <summary>Applies a signed delta to the server's book (under the server lock), as the venue's matching engine would; returns the book's new version.</summary>
    internal long ApplyDelta(string ticker, bool yes, decimal price, decimal delta)
    {
        lock (_gate)
        {
            var book = BookOf(ticker);
            book.Apply(yes, price, delta);
            return book.Version;
        }
    }

    /// <summary>The market's book as (yes, no) level lists ascending by price and its version, copied under the server lock.</summary>
    internal (List<KeyValuePair<decimal, decimal>> Yes, List<KeyValuePair<decimal, decimal>> No, long Version) CopyBook(string ticker)
    {
        lock (_gate)
        {
            var book = BookOf(ticker);
            return ([.. book.Yes], [.. book.No], book.Version);
        }
    }

    internal static decimal Decimal(string text) => decimal.Parse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> InterceptAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (context.WebSockets.IsWebSocketRequest)
        {
            if (path != WebSocketPath)
            {
                await WriteAsync(context, 404, Error("not_found", $"no WebSocket at {path}"));
                return true;
            }

            var handshake = CheckHandshake(context.Request.Headers);
            lock (_gate)
            {
                _handshakes.Add(handshake);
                if (handshake.Accepted)
                {
                    _acceptedHandshakes.Enqueue(handshake);
                }

                Notify();
            }

            if (!handshake.Accepted)
            {
                await WriteAsync(context, 401, Error("authentication_error", handshake.Reason));
                return true;
            }

            return false; // SimVenueServer accepts the upgrade; the accept loop turns it into a session
        }

        if (!path.StartsWith(RestPrefix + "/", StringComparison.Ordinal))
        {
            return false; // the venue's scripted routes, or its 404
        }

        var request = RecordRequest(context.Request, path, await ReadBodyAsync(context.Request));
        var relative = path[RestPrefix.Length..];
        if (_onceRoutes.TryGetValue(relative, out var queue) && queue.TryDequeue(out var once))
        {
            if (once.HeldUntil is { } hold)
            {
                try
                {
                    await hold.WaitAsync(context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return true; // the client gave up (its timeout) or the server is stopping
                }
            }

            foreach (var (name, value) in once.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            await WriteAsync(context, once.Status, once.Body);
            return true;
        }

        var answer = relative.StartsWith("/portfolio/", StringComparison.Ordinal)
            ? await PortfolioAsync(context.Request.Method, relative, context.Request.Query, request, context.RequestAborted) // SimKalshiServer.Orders.cs
            : Route(relative, context.Request.Query, request);
        if (answer is { } reply)
        {
            await WriteAsync(context, reply.Status, reply.Body);
        }

        return true;
    }

    private SimKalshiRequest RecordRequest(HttpRequest http, string path, string body)
    {
        var (key, timestamp, signature) = SignedHeaders(http.Headers);
        bool? valid = key is null && timestamp is null && signature is null ? null
            : key == _keyId && timestamp is not null && signature is not null && Verify(timestamp, http.Method, path, signature);
        var request = new SimKalshiRequest(path, http.QueryString.Value ?? string.Empty, key, timestamp, signature, valid) { Method = http.Method, Body = body };
        lock (_gate)
        {
            _requests.Add(request);
            Notify();
        }

        return request;
    }

    /// <summary>RSA-PSS SHA-256 over timestamp + METHOD + path, as Kalshi verifies it (FACTS §5.2).</summary>
    private bool Verify(string timestamp, string method, string path, string signature)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        lock (_publicKey)
        {
            return _publicKey.VerifyData(Encoding.UTF8.GetBytes(timestamp + method + path), bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }
    }

    private static (string? Key, string? Timestamp, string? Signature) SignedHeaders(IHeaderDictionary headers) =>
        (Header(headers, "KALSHI-ACCESS-KEY"), Header(headers, "KALSHI-ACCESS-TIMESTAMP"), Header(headers, "KALSHI-ACCESS-SIGNATURE"));

    private static string? Header(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;

    /// <summary>Re-checks the waiters; call under the lock.</summary>
    private void Notify()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Condition(this))
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
