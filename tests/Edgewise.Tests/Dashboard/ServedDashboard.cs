using System.Text.Json;
using Edgewise.Dashboard.Server;

namespace Edgewise.Tests.Dashboard;

/// <summary>A <see cref="DashboardHarness"/> engine with the real dashboard server on 127.0.0.1 (a free port) and an HttpClient for it.</summary>
internal sealed class ServedDashboard : IAsyncDisposable
{
    private ServedDashboard(DashboardHarness harness, DashboardServer server)
    {
        Harness = harness;
        Server = server;
        // No proxy: a proxy from the environment must never see (or break) requests to our loopback server.
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public DashboardHarness Harness { get; }

    public DashboardServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>Starts the engine (synchronous, or live with RunAsync) and the server; the kill switch goes to the engine.</summary>
    public static async Task<ServedDashboard> StartAsync(CancellationToken ct, bool live = false, DashboardServerOptions? options = null)
    {
        var harness = new DashboardHarness().Start(live);
        var server = new DashboardServer(harness.Publisher, harness.Engine.RequestKillSwitch, (options ?? new DashboardServerOptions()) with { Port = 0 });
        await server.StartAsync(ct);
        return new ServedDashboard(harness, server);
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await Http.GetAsync(path, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
