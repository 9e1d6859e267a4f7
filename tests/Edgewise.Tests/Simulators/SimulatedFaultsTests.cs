using Edgewise.Core.Books;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.Coinbase;

namespace Edgewise.Tests.Simulators;

/// <summary>The faults the world injects: feed outages the REAL clients recover from, and the planners' counts over hours.</summary>
public sealed class SimulatedFaultsTests
{
    [Fact]
    public async Task Outages_AbruptAndSilent_ClientsReconnectAndResyncWithoutGaps()
    {
        await using var h = await SimulatedWorldHarness.StartAsync();
        var faults = new List<string>();
        h.Markets.WorldEvent += faults.Add;
        await h.StartSpotClientsAsync(staleAfter: TimeSpan.FromSeconds(30));
        var coinbase = h.Spots.Single(f => f.Venue == h.Markets.Coinbase);
        var binance = h.Spots.Single(f => f.Venue == h.Markets.BinanceUs);

        // Coinbase: dropped and refused for 10 s; reconnect delays 0.9, 1.8, 3.6, 7.2 s (FeedTestSettings) put the attempts at
        // 0.9, 2.7, 6.3 (refused) and 13.5 s (accepted). Binance.US: silent 75 s; the client gives up after 30 s of silence
        // (StaleAfter) and reconnects to a venue that is still silent, until the venue drops the connections at 75 s.
        var coinbaseWaits = new FeedWaits(((CoinbaseDataClient)coinbase.Client).Connection);
        h.Markets.BeginOutage(h.Markets.Coinbase, silent: false, TimeSpan.FromSeconds(10));
        h.Markets.BeginOutage(h.Markets.BinanceUs, silent: true, TimeSpan.FromSeconds(75));
        await coinbaseWaits.NextReconnectWaitAsync(); // the drop
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        await coinbaseWaits.NextReconnectWaitAsync(); // the first attempt, at 0.9 s, was refused (the clock waits for it)
        await h.AdvanceAsync(TimeSpan.FromSeconds(99));
        await h.SpotBooksSyncedAsync();

        var c = coinbase.Client.GetHealth();
        Assert.True(c.ConnectFailures >= 1 && c.Connections >= 2, $"coinbase: {c.ConnectFailures} refused connects, {c.Connections} connections");
        var b = binance.Client.GetHealth();
        Assert.True(b.StaleDisconnects >= 1 && b.Connections >= 2, $"binanceus: {b.StaleDisconnects} stale disconnects, {b.Connections} connections");
        foreach (var feed in h.Spots)
        {
            var health = feed.Client.GetHealth();
            // Every recovery went through a fresh snapshot: no checksum failure, and any gap seen was healed by a resync. A gap can
            // be legitimate here: a REST snapshot that a reconnecting client fetched before the venue's next delta reached it shows
            // as one at that delta (Binance's rule), and the client resyncs. The simulated venues register a connection at the
            // upgrade itself, so no delta is lost in between (they used to do it a task later, and a delta sent in that gap was
            // noticed only at the next one; at the end of a test's clock there was none).
            Assert.Equal(0L, health.ChecksumFailures);
            Assert.True(health.Gaps <= health.Resyncs, $"{feed.Venue}: {health.Gaps} gaps, {health.Resyncs} resyncs");
            Assert.Equal(BookHealth.Healthy, feed.Sink.HealthOf(feed.Instrument));
        }

        Assert.Equal(2, h.Markets.Stats.FeedOutages);
        Assert.Equal(["coinbase feed outage: connections dropped, refused for 10 s", "binanceus feed outage: silent for 75 s, then the connections drop"], faults);
    }

    [Fact]
    public async Task TwoHours_WithoutClients_MarketsRollAndFaultsArriveAtTheirRates()
    {
        await using var h = await SimulatedWorldHarness.StartAsync(seed: 3, feedOutages: true, flashCrashes: true);
        h.Clock.Advance(TimeSpan.FromHours(2));
        var stats = h.Markets.Stats;

        // From 00:00 to 02:00 the windows closing 00:15 ... 02:00 (8) have closed and settled; listed are those 8, the one
        // closing 02:15 (current at 02:00) and the one after it: 10.
        Assert.Equal((7200L, 10, 8), (stats.Seconds, stats.MarketsListed, stats.MarketsSettled));
        // Outages: one per 240 s once a minute has passed and none is running or cooling down (abrupt 5-15 s or silent 75 s,
        // about 42 s on average, plus 30 s of calm): 7,140 s / (240 + 72) ≈ 23, Poisson sd ≈ 4.8; ±3.5 sd is 6..40.
        Assert.InRange(stats.FeedOutages, 6, 40);
        // Flash crashes: one per 360 s when the traded window is between a minute after its open and two minutes before its close
        // (720 of 900 s) and its price is 0.25-0.75 (roughly half the time): 7,200 × 0.8 × 0.5 / 360 ≈ 8; 1..24 allows for the
        // share of time at mid prices varying a lot with the path.
        Assert.InRange(stats.FlashCrashes, 1, 24);
    }
}
