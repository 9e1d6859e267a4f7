using Edgewise.Core.Books;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>One feed failing never affects another feed or the process.</summary>
public class FeedIsolationTests
{
    [Fact]
    public async Task TwoFeeds_OneVenueGoesAway_TheOtherKeepsItsConnectionAndBook()
    {
        var clock = new ManualTimeProvider();
        await using var binanceServer = await SimVenueServer.StartAsync();
        await using var bitstamp = await BitstampFeedHarness.StartAsync(clock);
        var binanceSink = new AwaitingSink();
        using var binance = new BinanceUsDataClient(
            new BinanceUsDataOptions { WebSocketBaseUri = binanceServer.WebSocketUri, RestBaseUri = binanceServer.HttpUri, Connection = FeedTestSettings.Connection() },
            binanceSink, clock, random: FeedTestSettings.Random());
        var binanceWaits = new FeedWaits(binance.Connection);
        var supervisor = new FeedSupervisor([binance, bitstamp.Client], clock);
        binanceServer.Respond(BinanceUsWire.DepthPath, BinanceUsWire.FirstSnapshot());
        bitstamp.Server.Respond(BitstampWire.BookPath, BitstampWire.Snapshot(1500, """[["50000.00","1.0"]]""", """[["50010.00","1.0"]]"""));
        using var stop = new CancellationTokenSource();
        var run = supervisor.RunAsync(stop.Token);

        var binanceWs = await binanceServer.NextConnectionAsync();
        await binanceWs.SendTextAsync(BinanceUsWire.Depth(101, 102));
        var bitstampWs = await bitstamp.SubscribedConnectionAsync();
        await bitstampWs.SendTextAsync(BitstampWire.Diff(1000));
        await binanceSink.WaitUntilAsync(s => s.HealthOf(binance.Instruments[0]) == BookHealth.Healthy, "Binance.US healthy");
        await bitstamp.Sink.WaitUntilAsync(s => s.IsHealthyWith(bitstamp.Btc, "50000 x 1", "50010 x 1"), "Bitstamp healthy");

        await binanceServer.DisposeAsync(); // the whole venue goes away: connection dropped, new ones refused
        Assert.Equal(FeedTestSettings.FirstDelay, await binanceWaits.NextReconnectWaitAsync());
        clock.Advance(FeedTestSettings.FirstDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(1800), await binanceWaits.NextReconnectWaitAsync()); // refused: the backoff grows

        await bitstampWs.SendTextAsync(BitstampWire.Diff(2000, bids: """[["50001.00","0.4"]]"""));
        await bitstamp.Sink.WaitUntilAsync(s => s.IsHealthyWith(bitstamp.Btc, "50001 x 0.4", "50010 x 1"), "Bitstamp still updating");
        Assert.Equal(BookHealth.AwaitingSnapshot, binanceSink.HealthOf(binance.Instruments[0]));
        var health = supervisor.GetHealth();
        Assert.Equal((FeedState.WaitingToReconnect, 1L), (health[0].State, health[0].ConnectFailures));
        Assert.Equal((FeedState.Connected, 1L, 0L), (health[1].State, health[1].Connections, health[1].Reconnects));
        Assert.Equal(1, bitstamp.Server.ConnectionCount);
        Assert.Equal((0L, 0L), (supervisor.Faults(0), supervisor.Faults(1)));

        await stop.CancelAsync();
        await run.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Supervisor_FeedThrows_RestartedAfterBackoffOthersUntouched()
    {
        var clock = new ManualTimeProvider();
        var faulty = new ScriptedFeed("faulty", failFirstRun: true);
        var steady = new ScriptedFeed("steady", failFirstRun: false);
        var supervisor = new FeedSupervisor([faulty, steady], clock, new ReconnectBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), 0, new Random(1)));
        var restarts = new TaskCompletionSource<(int, TimeSpan)>(TaskCreationOptions.RunContinuationsAsynchronously);
        supervisor.RestartScheduled += (index, delay) => restarts.TrySetResult((index, delay));
        using var stop = new CancellationTokenSource();

        var run = supervisor.RunAsync(stop.Token);

        Assert.Equal((0, TimeSpan.FromSeconds(2)), await restarts.Task.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken));
        await steady.Started(1).WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        Assert.Equal("faulty failed: feed bug on purpose", supervisor.GetHealth()[0].LastError);
        clock.Advance(TimeSpan.FromSeconds(2));
        await faulty.Started(2).WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        Assert.Equal((1L, 0L), (supervisor.Faults(0), supervisor.Faults(1)));
        Assert.Equal(1, steady.Runs);

        await stop.CancelAsync();
        await run.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
    }

    /// <summary>A feed that throws on its first run when told to, and otherwise runs until stopped.</summary>
    private sealed class ScriptedFeed(string name, bool failFirstRun) : IFeed
    {
        private readonly TaskCompletionSource[] _started = [.. Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        private int _runs;

        public string Name => name;

        public int Runs => Volatile.Read(ref _runs);

        public Task Started(int run) => _started[run - 1].Task;

        public async Task RunAsync(CancellationToken ct)
        {
            var run = Interlocked.Increment(ref _runs);
            _started[run - 1].TrySetResult();
            if (failFirstRun && run == 1)
            {
                throw new InvalidOperationException("feed bug on purpose");
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        }

        public FeedHealth GetHealth() => new() { Feed = name };
    }
}
