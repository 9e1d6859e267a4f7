using System.Threading.Channels;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Kalshi.Live;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Orders;

/// <summary>KalshiSettlementWatcher against the fake Kalshi: a closed market is read every poll until it shows its result.</summary>
public sealed class KalshiSettlementWatcherTests
{
    [Fact]
    public async Task Watch_ResultAppearsTenSecondsAfterTheClose_ReadAtCloseAndEveryFiveSecondsThenSettledYes()
    {
        var clock = new ManualTimeProvider();
        await using var server = await SimKalshiServer.StartAsync(KalshiLiveHarness.ClientKey, KalshiLiveHarness.KeyId, clock);
        var market = KalshiLiveHarness.Market; // closes 00:10
        server.AddMarket(market);
        server.SetResult(market.Ticker, "yes", settlesAfter: TimeSpan.FromSeconds(10));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var watcher = new KalshiSettlementWatcher(new KalshiRestClient(http, server.RestBaseUri, clock), clock, TimeSpan.FromSeconds(5));
        var wakes = Channel.CreateUnbounded<DateTimeOffset>();
        var settled = new TaskCompletionSource<KalshiSettlement>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.WakeScheduled += at => wakes.Writer.TryWrite(at);
        watcher.MarketSettled += s => settled.TrySetResult(s);
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(stop.Token);
        var path = $"/trade-api/v2/markets/{market.Ticker}";

        watcher.Watch(market.Ticker, market.CloseTime);
        Assert.Equal(market.CloseTime, await KalshiLiveHarness.NextAsync(wakes, "the first read at the close"));
        clock.SetUtcNow(market.CloseTime); // 00:10:00: closed, no result yet
        Assert.Equal(market.CloseTime.AddSeconds(5), await KalshiLiveHarness.NextAsync(wakes, "the second read"));
        clock.Advance(TimeSpan.FromSeconds(5)); // 00:10:05: still none
        Assert.Equal(market.CloseTime.AddSeconds(10), await KalshiLiveHarness.NextAsync(wakes, "the third read"));
        Assert.False(settled.Task.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5)); // 00:10:10: "yes"
        var settlement = await settled.Task.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);

        Assert.Equal((market.Ticker, OutcomeSide.Yes, "finalized", market.CloseTime.AddSeconds(10)),
            (settlement.Ticker, settlement.Result, settlement.Status, settlement.ObservedAt));
        Assert.Equal(3, server.CountRequests(path));
        Assert.Empty(watcher.Pending);
        await stop.CancelAsync();
        await run.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
    }
}
