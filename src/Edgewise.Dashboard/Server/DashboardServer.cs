// The dashboard's web server, hosted inside the running process: Kestrel on 127.0.0.1 (by default), the embedded
// front end, a JSON API under /api, a live stream of snapshots (/api/stream, server-sent events) and the kill switch
// (POST /api/kill-switch with the start-up token). It reads engine state only through IDashboardSnapshotSource
// (immutable snapshots built on the engine thread) and acts on the engine only through the kill-switch callback the
// composition passes (EngineLoop.RequestKillSwitch or its Inbox, both thread-safe).
// While bound to loopback it refuses requests whose Host is not a loopback name, so a web page elsewhere cannot reach
// it through DNS rebinding.
using System.Net;
using Edgewise.Dashboard.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edgewise.Dashboard.Server;

public sealed class DashboardServer : IAsyncDisposable
{
    private readonly IDashboardSnapshotSource _snapshots;
    private readonly Action<string> _requestKillSwitch;
    private readonly DashboardServerOptions _options;
    private readonly KillSwitchToken _token;
    private readonly ILogger _logger;
    private WebApplication? _app;
    private Uri? _url;

    /// <param name="snapshots">What to show (a <see cref="DashboardPublisher"/>).</param>
    /// <param name="requestKillSwitch">Halts trading and cancels open orders, from any thread; called with the reason.</param>
    /// <param name="options">Address, port, token; loopback port 5000 with a new token when null.</param>
    public DashboardServer(IDashboardSnapshotSource snapshots, Action<string> requestKillSwitch, DashboardServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(requestKillSwitch);
        _options = options ?? new DashboardServerOptions();
        _options.EnsureValid();
        _snapshots = snapshots;
        _requestKillSwitch = requestKillSwitch;
        _token = _options.Token is { } token ? new KillSwitchToken(token) : KillSwitchToken.Generate();
        _logger = _options.LoggerFactory?.CreateLogger<DashboardServer>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The kill-switch token: print it once at start-up; POST /api/kill-switch needs it in <see cref="KillSwitchToken.HeaderName"/>.</summary>
    public string Token => _token.Value;

    /// <summary>The address the server is bound to ("http://127.0.0.1:5000/"), with the real port when 0 was asked.</summary>
    public Uri Url => _url ?? throw new InvalidOperationException("The dashboard server has not been started.");

    public bool IsRunning => _app is not null;

    public async Task StartAsync(CancellationToken ct)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The dashboard server is already running.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(_options.Address, _options.Port);
        });
        builder.Services.AddRoutingCore();
        if (_options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        var loopbackOnly = IPAddress.IsLoopback(_options.Address);
        app.Use((context, next) => Guard(context, next, loopbackOnly));
        var assets = StaticAssets.Load(typeof(DashboardServer).Assembly);
        DashboardEndpoints.Map(app, new DashboardEndpoints(_snapshots, _requestKillSwitch, _token, _options, _logger), assets);

        await app.StartAsync(ct).ConfigureAwait(false);
        _app = app;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var bound = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no bound address.");
        _url = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        DashboardLog.Listening(_logger, _url);
    }

    /// <summary>Stops accepting requests, ends open streams, and waits for requests in progress (bounded by <paramref name="ct"/>).</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        var app = _app;
        if (app is null)
        {
            return;
        }

        _app = null;
        try
        {
            await app.StopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// Security headers on every answer; a non-loopback Host is refused while the server is loopback-only. Scripts may
    /// come from this server only; inline styles are allowed because the chart library injects a style element for its
    /// attribution logo.
    /// </summary>
    private Task Guard(HttpContext context, RequestDelegate next, bool loopbackOnly)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        if (loopbackOnly && !IsLoopbackHost(context.Request.Host.Host))
        {
            DashboardLog.HostRefused(_logger, context.Request.Host.Value ?? string.Empty);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
