// A simulated venue on 127.0.0.1 (Kestrel on a free port, real sockets): any path accepts WebSocket upgrades, and
// REST routes answer what its driver scripted. A test or the demo's market generator drives the venue's side of a
// protocol with it - push frames, read subscriptions, drop connections, stay silent, serve snapshots or rate-limit
// answers - and awaits what the client did (a new connection, a message, a REST request) with a timeout that fails
// instead of sleeping. Every connection and request is recorded.
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edgewise.Simulators;

public sealed class SimVenueServer : IAsyncDisposable
{
    /// <summary>How long an await on the network waits before failing: generous, because builds share the machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<SimWebSocketConnection> _newConnections = Channel.CreateUnbounded<SimWebSocketConnection>();
    private readonly Channel<SimRestRequest> _newRequests = Channel.CreateUnbounded<SimRestRequest>();
    private readonly List<SimWebSocketConnection> _connections = [];
    private readonly List<SimRestRequest> _requests = [];
    private readonly ConcurrentDictionary<string, SimRestResponse> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SimRestResponse>> _onceRoutes = new(StringComparer.Ordinal);
    private int _connectionCount;
    private int _disposed;

    private readonly Func<HttpContext, Task<bool>>? _intercept;
    private readonly Action<SimWebSocketConnection>? _accepted;

    private SimVenueServer(Func<HttpContext, Task<bool>>? intercept, Action<SimWebSocketConnection>? accepted)
    {
        _intercept = intercept;
        _accepted = accepted;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(HandleAsync);
    }

    /// <summary>http://127.0.0.1:port</summary>
    public Uri HttpUri { get; private set; } = null!;

    /// <summary>ws://127.0.0.1:port</summary>
    public Uri WebSocketUri { get; private set; } = null!;

    /// <summary>WebSocket connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<SimWebSocketConnection> Connections
    {
        get
        {
            lock (_connections)
            {
                return [.. _connections];
            }
        }
    }

    public IReadOnlyList<SimRestRequest> RestRequests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static Task<SimVenueServer> StartAsync() => StartAsync(intercept: null);

    /// <summary>
    /// Starts a server whose every request first goes to <paramref name="intercept"/> (a venue-specific fake: checking a signed
    /// upgrade, answering REST with state); when it returns true it has answered, otherwise the default handling applies.
    /// </summary>
    /// <param name="intercept">See above.</param>
    /// <param name="accepted">
    /// Given each accepted WebSocket at once, on the upgrade's own thread, instead of queueing it for <see cref="NextConnectionAsync"/>:
    /// a simulated venue registers the connection before anything else can run, so no stream message of the venue falls between
    /// the client seeing the socket open and the venue sending to it (a message lost there is noticed only at the next one).
    /// </param>
    public static async Task<SimVenueServer> StartAsync(Func<HttpContext, Task<bool>>? intercept, Action<SimWebSocketConnection>? accepted = null)
    {
        var server = new SimVenueServer(intercept, accepted);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address).Port;
        server.HttpUri = new Uri($"http://127.0.0.1:{port}");
        server.WebSocketUri = new Uri($"ws://127.0.0.1:{port}");
        return server;
    }

    /// <summary>The next WebSocket connection a client opens (in order of acceptance).</summary>
    public async Task<SimWebSocketConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await _newConnections.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No new WebSocket connection within the timeout ({ConnectionCount} so far).", ex);
        }
    }

    /// <summary>The next REST request received (in order of arrival).</summary>
    public async Task<SimRestRequest> NextRestRequestAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await _newRequests.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No new REST request within the timeout ({RestRequests.Count} so far).", ex);
        }
    }

    /// <summary>Answers every GET of <paramref name="path"/> with <paramref name="response"/> (after any one-off answers queued for it).</summary>
    public void Respond(string path, SimRestResponse response) => _routes[path] = response;

    public void Respond(string path, string json) => Respond(path, SimRestResponse.Json(json));

    /// <summary>Answers the next GET of <paramref name="path"/> with <paramref name="response"/>, once (queued in order).</summary>
    public void RespondOnce(string path, SimRestResponse response) =>
        _onceRoutes.GetOrAdd(path, _ => new ConcurrentQueue<SimRestResponse>()).Enqueue(response);

    /// <summary>Stops the venue: open connections are aborted and new ones refused. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _newConnections.Writer.TryComplete(); // a loop awaiting the next connection ends instead of waiting forever
        _newRequests.Writer.TryComplete();
        foreach (var connection in Connections)
        {
            connection.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var connection in Connections)
        {
            connection.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (_intercept is not null && await _intercept(context))
        {
            return;
        }

        if (context.WebSockets.IsWebSocketRequest)
        {
            var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new SimWebSocketConnection(context, socket, Interlocked.Increment(ref _connectionCount));
            lock (_connections)
            {
                _connections.Add(connection);
            }

            if (_accepted is { } accepted)
            {
                accepted(connection);
            }
            else
            {
                _newConnections.Writer.TryWrite(connection);
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await connection.RunAsync(stop.Token);
            return;
        }

        var request = new SimRestRequest(context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty);
        lock (_requests)
        {
            _requests.Add(request);
        }

        _newRequests.Writer.TryWrite(request);
        var response = _onceRoutes.TryGetValue(request.Path, out var queue) && queue.TryDequeue(out var once) ? once
            : _routes.TryGetValue(request.Path, out var always) ? always
            : new SimRestResponse(404, """{"error":"no route scripted"}""");
        if (response.HeldUntil is { } hold)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await hold.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }
}
