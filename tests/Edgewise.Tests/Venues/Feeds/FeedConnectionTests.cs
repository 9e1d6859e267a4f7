using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>The supervised connection against a fake venue on 127.0.0.1: framing, limits, keep-alive, backoff, fault containment.</summary>
public sealed class FeedConnectionTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly CancellationTokenSource _stop = new();
    private SimVenueServer _server = null!;
    private FeedConnection? _connection;
    private Task? _run;

    public async ValueTask InitializeAsync() => _server = await SimVenueServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(SimVenueServer.DefaultTimeout);
        }

        _connection?.Dispose();
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task RunAsync_Connected_SubscribesAndDeliversFramesWithClockTime()
    {
        var handler = new RecordingFeedHandler("""{"op":"subscribe"}""");
        Start(handler);

        var ws = await _server.NextConnectionAsync();
        Assert.Equal("""{"op":"subscribe"}""", await ws.NextMessageAsync());
        _clock.Advance(TimeSpan.FromMilliseconds(1500));
        await ws.SendTextAsync("""{"n":1}""");

        var (text, recv) = await handler.NextFrameAsync();
        Assert.Equal("""{"n":1}""", text);
        // Receive time is the feed's clock: the manual start (2026-01-01) plus 1.5 s, in Unix ns.
        Assert.Equal(ReplayTimeProviderNs(ManualTimeProvider.DefaultStart) + 1_500_000_000, recv);
        Assert.Equal([1L], handler.ConnectionNumbers);
    }

    [Fact]
    public async Task ReceiveAsync_FragmentedMessage_DeliveredWhole()
    {
        var handler = new RecordingFeedHandler();
        Start(handler);
        var ws = await _server.NextConnectionAsync();

        await ws.SendFragmentsAsync("""{"a":""", "\"part one ", """and two"}""");

        Assert.Equal("""{"a":"part one and two"}""", (await handler.NextFrameAsync()).Text);
    }

    [Fact]
    public async Task ReceiveAsync_OversizedBinaryAndMalformed_CountedSkippedConnectionKept()
    {
        var handler = new RecordingFeedHandler();
        Start(handler);
        var ws = await _server.NextConnectionAsync();

        // MaxMessageBytes is 4096: a 10 000-byte message is read to its end and dropped.
        await ws.SendTextAsync("{\"pad\":\"" + new string('x', 10_000) + "\"}");
        await ws.SendBinaryAsync([1, 2, 3]);
        await ws.SendTextAsync("not json"); // the handler's parser calls this malformed
        await ws.SendFragmentsAsync("""{"after":""", "true}");

        Assert.Equal("not json", (await handler.NextFrameAsync()).Text);
        Assert.Equal("""{"after":true}""", (await handler.NextFrameAsync()).Text);
        var health = _connection!.GetHealth();
        Assert.Equal(4, health.Messages);
        Assert.Equal(3, health.MalformedFrames); // oversized + binary + "not json"
        Assert.Equal(1, health.OversizedFrames);
        Assert.Equal(1, _server.ConnectionCount);
        Assert.Equal(FeedState.Connected, health.State);
    }

    [Fact]
    public async Task ReceiveAsync_MessageOfExactlyTheLimit_Delivered()
    {
        var handler = new RecordingFeedHandler();
        Start(handler);
        var ws = await _server.NextConnectionAsync();
        var exact = "{\"p\":\"" + new string('y', 4096 - 8) + "\"}"; // 6 + 4088 + 2 = 4096 bytes

        await ws.SendTextAsync(exact);

        Assert.Equal(exact, (await handler.NextFrameAsync()).Text);
        Assert.Equal(0, _connection!.MalformedFrames);
    }

    [Fact]
    public async Task WatchAsync_AppPingInterval_SendsPingOnTheClock()
    {
        var handler = new RecordingFeedHandler();
        var waits = Start(handler, FeedTestSettings.Connection() with { AppPingInterval = TimeSpan.FromSeconds(5), AppPingMessage = """{"event":"bts:heartbeat"}""" });
        var ws = await _server.NextConnectionAsync();
        await waits.NextStateAsync(FeedState.Connected); // the server accepts before the client has finished its handshake

        _clock.Advance(TimeSpan.FromSeconds(4)); // stays under both the ping interval and the 30 s stale limit
        Assert.Empty(ws.Received);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("""{"event":"bts:heartbeat"}""", await ws.NextMessageAsync());
    }

    [Fact]
    public async Task RunAsync_VenueUnreachable_BackoffDoublesUpToTheCap()
    {
        var address = _server.WebSocketUri;
        await _server.DisposeAsync();
        _server = await SimVenueServer.StartAsync(); // a different port; the old one now refuses connections
        var waits = Start(new RecordingFeedHandler(), uri: address);

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var delay = await waits.NextReconnectWaitAsync();
            delays.Add(delay);
            _clock.Advance(delay);
        }

        // 1, 2, 4, 8, 16 → capped 8 seconds, each shortened by 10 % (jitter 0.2 × draw 0.5).
        Assert.Equal([900, 1800, 3600, 7200, 7200], delays.Select(d => d.TotalMilliseconds));
        await waits.NextReconnectWaitAsync();
        var health = _connection!.GetHealth();
        Assert.Equal(6, health.ConnectFailures);
        Assert.Equal(5, health.Reconnects);
        Assert.Equal(0, health.Connections);
        Assert.StartsWith("connect failed", health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ConnectionReopenedAfterBackoffErrorKept()
    {
        var handler = new RecordingFeedHandler { ThrowOn = "boom" };
        var waits = Start(handler);
        var first = await _server.NextConnectionAsync();

        await first.SendTextAsync("boom");

        // The frame never reached a usable state, so the connection counts as not having worked: 0.9 s.
        Assert.Equal(FeedTestSettings.FirstDelay, await waits.NextReconnectWaitAsync());
        Assert.Equal("handler bug on purpose", _connection!.LastError);
        _clock.Advance(FeedTestSettings.FirstDelay);
        var second = await _server.NextConnectionAsync();
        await second.SendTextAsync("""{"ok":1}""");
        Assert.Equal("""{"ok":1}""", (await handler.NextFrameAsync()).Text);
        Assert.Equal([1L, 2L], handler.ConnectionNumbers);
        Assert.Equal(["handler bug on purpose"], handler.Disconnects);
    }

    [Fact]
    public async Task RunAsync_ServerClosesNormally_ReconnectsAfterBackoff()
    {
        var waits = Start(new RecordingFeedHandler());
        var first = await _server.NextConnectionAsync();

        await first.CloseAsync();

        Assert.Equal(FeedTestSettings.FirstDelay, await waits.NextReconnectWaitAsync());
        Assert.StartsWith("waiting 00:00:00.9000000 to reconnect after: closed by server (NormalClosure bye)", _connection!.GetHealth().StateText, StringComparison.Ordinal);
        _clock.Advance(FeedTestSettings.FirstDelay);
        Assert.Equal(2, (await _server.NextConnectionAsync()).Number);
    }

    [Fact]
    public async Task RunAsync_Canceled_ReturnsAndReportsStopped()
    {
        Start(new RecordingFeedHandler());
        var ws = await _server.NextConnectionAsync();

        await _stop.CancelAsync();
        await _run!.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);

        Assert.Equal(FeedState.Stopped, _connection!.State);
        await ws.Closed.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
    }

    private static long ReplayTimeProviderNs(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    private FeedWaits Start(RecordingFeedHandler handler, FeedConnectionSettings? settings = null, Uri? uri = null)
    {
        _connection = new FeedConnection("fake", new Uri(uri ?? _server.WebSocketUri, "/ws"), settings ?? FeedTestSettings.Connection(),
            handler, _clock, FeedTestSettings.Random());
        var waits = new FeedWaits(_connection);
        _run = _connection.RunAsync(_stop.Token);
        return waits;
    }
}
