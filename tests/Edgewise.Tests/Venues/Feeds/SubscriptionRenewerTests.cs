using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>The renewal queue behind Coinbase and Kraken resyncs, on a real connection to a fake venue.</summary>
public sealed class SubscriptionRenewerTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly CancellationTokenSource _stop = new();
    private SimVenueServer _server = null!;
    private FeedConnection _connection = null!;
    private SubscriptionRenewer _renewer = null!;
    private Task? _run;

    public async ValueTask InitializeAsync()
    {
        _server = await SimVenueServer.StartAsync();
        _connection = new FeedConnection("test", _server.WebSocketUri, FeedTestSettings.Connection(), new RecordingFeedHandler(), _clock, FeedTestSettings.Random());
        _renewer = new SubscriptionRenewer(_connection, key => [$"off {key}", $"on {key}"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(SimVenueServer.DefaultTimeout);
        }

        _connection.Dispose();
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task RunAsync_RequestsQueuedBeforehand_EachKeyOnceInOrderResetDropsWhatWasQueued()
    {
        var waits = new FeedWaits(_connection);
        var connectionRun = _connection.RunAsync(_stop.Token);
        var ws = await _server.NextConnectionAsync();
        await waits.NextStateAsync(FeedState.Connected); // the server accepts before the client has finished its handshake
        _renewer.Request("stale");
        _renewer.Reset(); // a new connection: "stale" is dropped
        _renewer.Request("BTC-USD");
        _renewer.Request("ETH-USD");
        _renewer.Request("BTC-USD"); // already queued

        _run = Task.WhenAll(connectionRun, _renewer.RunAsync(_stop.Token));

        Assert.Equal(["off BTC-USD", "on BTC-USD", "off ETH-USD", "on ETH-USD"], await ws.WaitForMessagesAsync(4));
        _renewer.Request("BTC-USD"); // sent before: asked again, sent again
        Assert.Equal(["off BTC-USD", "on BTC-USD"], (await ws.WaitForMessagesAsync(6)).Skip(4));
        Assert.Equal((3L, 0L), (_renewer.Renewals, _renewer.Failures));
    }

    [Fact]
    public void RunAsync_NotConnected_SendFailureCountedAndTheLoopCarriesOn()
    {
        _renewer.Request("BTC-USD");

        // The queued request is taken and its send fails synchronously (no connection), before RunAsync first waits.
        _run = _renewer.RunAsync(_stop.Token);

        Assert.Equal((0L, 1L), (_renewer.Renewals, _renewer.Failures));
        Assert.Equal("renewing the subscription of BTC-USD failed: The test feed is not connected.", _renewer.LastError);
        Assert.False(_run.IsCompleted);
    }
}
