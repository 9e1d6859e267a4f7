// GET /api/stream: server-sent events, one "snapshot" event per new snapshot and at most one per StreamInterval (a
// burst of snapshots collapses into the latest). The first event goes out at once. Each event carries the snapshot
// with only the newest StreamEquityPoints of the equity curve (the page loads the whole curve from /api/pnl and
// appends). An idle stream gets a comment line every KeepAliveInterval. The stream ends when the client goes or the
// server stops. Pacing uses the server's clock, never the engine's.
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Edgewise.Dashboard.Publishing;
using Edgewise.Dashboard.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Edgewise.Dashboard.Server;

internal sealed class SnapshotStream(IDashboardSnapshotSource snapshots, DashboardServerOptions options, CancellationToken stopping)
{
    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(": keep-alive\n\n");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");

    public async Task RunAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = linked.Token;
        var sent = -1L;
        try
        {
            await response.StartAsync(ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                var snapshot = snapshots.Current;
                if (snapshot.Sequence == sent)
                {
                    try
                    {
                        snapshot = await snapshots.WaitForNewerAsync(sent, ct).WaitAsync(options.KeepAliveInterval, options.Clock, ct).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        await response.Body.WriteAsync(KeepAlive, ct).ConfigureAwait(false);
                        await response.Body.FlushAsync(ct).ConfigureAwait(false);
                        continue;
                    }
                }

                await WriteEventAsync(response, snapshot, ct).ConfigureAwait(false);
                sent = snapshot.Sequence;
                await Task.Delay(options.StreamInterval, options.Clock, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client left or the server is stopping: the stream simply ends.
        }
    }

    /// <summary>The snapshot as it is streamed: the newest <paramref name="points"/> of the equity curve only.</summary>
    internal static DashboardSnapshot WithEquityTail(DashboardSnapshot snapshot, int points)
    {
        var equity = snapshot.Equity;
        if (equity.Count <= points)
        {
            return snapshot;
        }

        IReadOnlyList<EquityPoint> tail = equity is ImmutableList<EquityPoint> list
            ? list.GetRange(list.Count - points, points)
            : equity.Skip(equity.Count - points).ToArray();
        return snapshot with { Equity = tail };
    }

    private async Task WriteEventAsync(HttpResponse response, DashboardSnapshot snapshot, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(WithEquityTail(snapshot, options.StreamEquityPoints), DashboardJsonContext.Default.DashboardSnapshot);
        var header = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"id: {snapshot.Sequence}\nevent: snapshot\ndata: "));
        await response.Body.WriteAsync(header, ct).ConfigureAwait(false);
        await response.Body.WriteAsync(json, ct).ConfigureAwait(false);
        await response.Body.WriteAsync(EventEnd, ct).ConfigureAwait(false);
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
    }
}
