// The routes. Reads answer from the current snapshot only (never from engine objects), with Cache-Control: no-store.
// The kill switch checks the token before anything else; a refused request changes nothing. An accepted one calls
// the composition's callback and then waits (up to KillSwitchConfirmTimeout) for a snapshot that shows the engine
// Halted: 200 when it does, 202 when the engine has not confirmed yet (the request is queued and will be handled).
using Edgewise.Dashboard.Publishing;
using Edgewise.Dashboard.Snapshots;
using Edgewise.Engine.Risk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Edgewise.Dashboard.Server;

internal sealed class DashboardEndpoints(
    IDashboardSnapshotSource snapshots,
    Action<string> requestKillSwitch,
    KillSwitchToken token,
    DashboardServerOptions options,
    ILogger logger)
{
    /// <summary>The reason the engine records when the dashboard's kill switch halts it.</summary>
    public const string KillSwitchReason = "kill switch from the dashboard";

    private static readonly DashboardJsonContext Json = DashboardJsonContext.Default;

    public static void Map(WebApplication app, DashboardEndpoints endpoints, StaticAssets assets)
    {
        var stream = new SnapshotStream(endpoints.Snapshots, endpoints.Options, app.Lifetime.ApplicationStopping);
        var api = app.MapGroup("/api");
        api.AddEndpointFilter(static async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context).ConfigureAwait(false);
        });
        api.MapGet("/health", endpoints.Health);
        api.MapGet("/snapshot", () => endpoints.Envelope(static s => s, Json.ApiEnvelopeDashboardSnapshot));
        api.MapGet("/positions", () => endpoints.Envelope(static s => s.Positions, Json.ApiEnvelopeIReadOnlyListPositionRow));
        api.MapGet("/orders", () => endpoints.Envelope(static s => s.OpenOrders, Json.ApiEnvelopeIReadOnlyListOrderRow));
        api.MapGet("/fills", () => endpoints.Envelope(static s => s.RecentFills, Json.ApiEnvelopeIReadOnlyListFillRow));
        api.MapGet("/books", () => endpoints.Envelope(static s => s.Books, Json.ApiEnvelopeIReadOnlyListBookTopRow));
        api.MapGet("/feeds", () => endpoints.Envelope(static s => s.Feeds, Json.ApiEnvelopeIReadOnlyListFeedStatus));
        api.MapGet("/risk", () => endpoints.Envelope(static s => s.Risk, Json.ApiEnvelopeRiskStatus));
        api.MapGet("/pnl", () => endpoints.Envelope(static s => new PnlReport(s.Portfolio, s.Strategies, s.Equity), Json.ApiEnvelopePnlReport));
        api.MapGet("/stream", stream.RunAsync);
        api.MapPost("/kill-switch", new Func<HttpContext, Task<IResult>>(endpoints.KillSwitchAsync));
        api.MapFallback(static () => Results.NotFound());

        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], (string? path) =>
            assets.TryGet("/" + (path ?? string.Empty), out var asset)
                ? Results.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue(asset.ETag))
                : Results.NotFound());
    }

    private IDashboardSnapshotSource Snapshots => snapshots;

    private DashboardServerOptions Options => options;

    private IResult Envelope<T>(Func<DashboardSnapshot, T> select, System.Text.Json.Serialization.Metadata.JsonTypeInfo<ApiEnvelope<T>> typeInfo)
    {
        var snapshot = snapshots.Current;
        return Results.Json(new ApiEnvelope<T>(snapshot.Sequence, snapshot.Time, select(snapshot)), typeInfo);
    }

    private IResult Health()
    {
        var snapshot = snapshots.Current;
        var issues = new List<string>();
        var risk = snapshot.Risk;
        if (snapshot.Sequence == 0)
        {
            issues.Add("no snapshot published yet");
        }

        if (risk.State != TradingState.Active)
        {
            issues.Add($"trading {risk.State.ToString().ToLowerInvariant()}: {risk.Reason}");
        }

        foreach (var feed in snapshot.Feeds)
        {
            if (!feed.Connected)
            {
                issues.Add($"feed {feed.Feed} not connected: {(feed.StateText.Length > 0 ? feed.StateText : feed.State)}");
            }
        }

        var unhealthyBooks = 0;
        foreach (var book in snapshot.Books)
        {
            if (book.Health != Core.Books.BookHealth.Healthy)
            {
                unhealthyBooks++;
                issues.Add($"book {book.Instrument} {book.Health}");
            }
        }

        var errors = snapshots.PublishErrors;
        if (errors > 0)
        {
            issues.Add($"{errors} dashboard snapshot errors, last: {snapshots.LastPublishError}");
        }

        var status = risk.State == TradingState.Halted ? "halted" : issues.Count > 0 ? "degraded" : "ok";
        var report = new HealthReport(
            status,
            issues,
            snapshot.Sequence,
            snapshot.Time,
            risk.State,
            risk.Reason,
            snapshot.Feeds.Count(static f => f.Connected),
            snapshot.Feeds.Count,
            unhealthyBooks,
            snapshot.Engine.DataDropped,
            errors,
            snapshots.LastPublishError);
        return Results.Json(report, Json.HealthReport);
    }

    private async Task<IResult> KillSwitchAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var presented = context.Request.Headers[KillSwitchToken.HeaderName];
        if (presented.Count != 1 || !token.Matches(presented[0]))
        {
            DashboardLog.KillSwitchRefused(logger, remote);
            context.Response.Headers.WWWAuthenticate = $"Token header=\"{KillSwitchToken.HeaderName}\"";
            return Results.Json(
                new KillSwitchReply(false, null, $"Refused: the {KillSwitchToken.HeaderName} header is missing or wrong. Nothing was changed."),
                Json.KillSwitchReply,
                statusCode: StatusCodes.Status401Unauthorized);
        }

        DashboardLog.KillSwitchRequested(logger, remote);
        try
        {
            requestKillSwitch(KillSwitchReason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            DashboardLog.KillSwitchFailed(logger, ex);
            return Results.Json(
                new KillSwitchReply(false, snapshots.Current.Risk.State, $"The kill switch could not reach the engine: {ex.Message}"),
                Json.KillSwitchReply,
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        using var timeout = new CancellationTokenSource(options.KillSwitchConfirmTimeout, options.Clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        var snapshot = snapshots.Current;
        try
        {
            while (snapshot.Risk.State != TradingState.Halted)
            {
                snapshot = await snapshots.WaitForNewerAsync(snapshot.Sequence, wait.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            DashboardLog.KillSwitchUnconfirmed(logger, options.KillSwitchConfirmTimeout);
            return Results.Json(
                new KillSwitchReply(true, snapshot.Risk.State, "Kill switch sent; the engine has not confirmed the halt yet."),
                Json.KillSwitchReply,
                statusCode: StatusCodes.Status202Accepted);
        }

        return Results.Json(
            new KillSwitchReply(true, TradingState.Halted, "Trading halted: no new orders; open orders are being canceled."),
            Json.KillSwitchReply);
    }
}
