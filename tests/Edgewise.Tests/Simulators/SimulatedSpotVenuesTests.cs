using Edgewise.Core.Books;

namespace Edgewise.Tests.Simulators;

/// <summary>
/// The four REAL spot data clients against a started SimulatedMarkets on a manual clock: books stay healthy (no gap, no checksum
/// failure, one connection each), equal the venues' books at the touch, and sit close to the generator's true price.
/// </summary>
public sealed class SimulatedSpotVenuesTests
{
    [Fact]
    public async Task RealClients_TwoMinutesOfSteps_BooksHealthyInSyncAndNearTheTruePrice()
    {
        await using var h = await SimulatedWorldHarness.StartAsync();
        await h.StartSpotClientsAsync();

        var maxDeviation = 0m;
        await h.AdvanceAsync(TimeSpan.FromSeconds(120), afterEachStep: async () =>
        {
            if (h.Clock.GetUtcNow().Second % 20 != 0)
            {
                return;
            }

            await h.SpotBooksSyncedAsync();
            maxDeviation = Math.Max(maxDeviation, h.Spots.Max(f => Deviation(h, f)));
        });
        await h.SpotBooksSyncedAsync();

        foreach (var feed in h.Spots)
        {
            var health = feed.Client.GetHealth();
            Assert.True((health.Gaps, health.ChecksumFailures, health.Connections, health.MalformedFrames) == (0, 0, 1, 0),
                $"{feed.Instrument}: gaps {health.Gaps}, checksum failures {health.ChecksumFailures}, connections {health.Connections}, malformed {health.MalformedFrames}");
            Assert.Equal(BookHealth.Healthy, feed.Sink.HealthOf(feed.Instrument));
            Assert.True(feed.Sink.Count("book:") > 100, $"{feed.Instrument} saw {feed.Sink.Count("book:")} book updates in two minutes");
            Assert.True(feed.Sink.Trades.Count > 0, $"{feed.Instrument} saw no trade");
        }

        // Each venue's mid is the true price × (1 + its basis, at most 1 bp, + noise clamped to 2 bp), re-centred whenever the price
        // has run 5 bp from where the book was, then rounded to its tick (Bitstamp's $1 is 0.1 bp of 97,000) with half a spread
        // either side (Binance.US up to 80 cents, under 0.1 bp): so within 1 + 2 + 5 + 1 = 9 bp, and 10 bp is the bound.
        Assert.True(maxDeviation < 0.0010m, $"a venue mid was {maxDeviation:P4} from the true price");
        Assert.True(maxDeviation > 0m, "every venue sat exactly on the true price: the bases and noise are not applied");
    }

    [Fact]
    public async Task Urls_AreDropInValuesForTheConfiguration()
    {
        await using var h = await SimulatedWorldHarness.StartAsync();
        var m = h.Markets;
        Assert.Equal(("ws", "127.0.0.1", "/"), (m.CoinbaseWebSocket.Scheme, m.CoinbaseWebSocket.Host, m.CoinbaseWebSocket.AbsolutePath));
        Assert.Equal(("ws", "/v2"), (m.KrakenWebSocket.Scheme, m.KrakenWebSocket.AbsolutePath));
        Assert.Equal(("http", "/"), (m.BitstampRest.Scheme, m.BitstampRest.AbsolutePath));
        Assert.Equal(("http", "/"), (m.BinanceUsRest.Scheme, m.BinanceUsRest.AbsolutePath));
        Assert.Equal("/trade-api/v2", m.KalshiRest.AbsolutePath);
        Assert.Equal(("ws", "/trade-api/ws/v2"), (m.KalshiWebSocket.Scheme, m.KalshiWebSocket.AbsolutePath));
        var ports = new[] { m.CoinbaseWebSocket, m.KrakenWebSocket, m.BitstampWebSocket, m.BinanceUsWebSocket, m.KalshiRest }.Select(u => u.Port).ToList();
        Assert.Equal(5, ports.Distinct().Count()); // one loopback port per venue
        Assert.Equal(97_000m, m.BtcPrice); // the first step is at the start instant: the walk has not moved yet
    }

    private static decimal Deviation(SimulatedWorldHarness h, SimulatedWorldHarness.SpotFeed feed)
    {
        lock (h.Markets.World)
        {
            var mid = (feed.Venue.Book.BestBid + feed.Venue.Book.BestAsk) / 2;
            return Math.Abs(mid - h.Markets.Generator.Price) / h.Markets.Generator.Price;
        }
    }
}
