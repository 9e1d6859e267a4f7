using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Strategies.Indicators;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.Common;
using static Edgewise.Tests.Strategies.Indicators.IndexBooks;

namespace Edgewise.Tests.Faults;

/// <summary>
/// Stale data, at both levels that watch for it. A feed silent past its stale limit (30 s) is closed by its watchdog,
/// reconnects and resyncs (Binance.US). A venue book that stopped changing 31 s ago is left out of the BTC index; with
/// two venues required the index is then a DATA_OUTAGE (no value made up), and it is usable again as soon as the
/// venue's book changes.
/// </summary>
internal sealed class StaleBooksScenario : IFaultScenario
{
    public string Name => "stale books";

    public async Task<FaultResult> RunAsync(string directory, CancellationToken ct)
    {
        await using (var h = await BinanceUsFeedHarness.StartAsync())
        {
            await h.RunHealthyAsync();
            h.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.Snapshot(300, """[["52000.00","1.0"]]""", """[["52001.00","1.0"]]"""));
            h.Clock.Advance(TimeSpan.FromSeconds(30)); // the last message was at the start
            var delay = await h.Waits.NextReconnectWaitAsync();
            Assert.Equal(1, h.Client.GetHealth().StaleDisconnects);
            h.Clock.Advance(delay);
            var second = await h.Server.NextConnectionAsync();
            await second.SendTextAsync(BinanceUsWire.Depth(301, 301));
            await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(h.Btc, "52000 x 1", "52001 x 1"), "healthy after the stale reconnect");
            Assert.Equal(FeedState.Connected, h.Client.Connection.State);
        }

        var books = new Dictionary<InstrumentId, IOrderBook>
        {
            [Id("coinbase")] = Quote("coinbase", "99.5", "100.5"),
            [Id("kraken")] = Quote("kraken", "100.9", "101.1", tsRecv: Now - (31 * Second)),
        };
        var proxy = new BtcIndexProxy(new BtcIndexOptions(), id => books.GetValueOrDefault(id));
        proxy.AddConstituent(Id("coinbase"));
        proxy.AddConstituent(Id("kraken"));

        var stale = proxy.Compute(Now);
        Assert.False(stale.IsUsable);
        Assert.Null(stale.WeightedMid);
        Assert.Equal(VenueExclusion.Stale, stale.Venues.Single(v => v.Venue == "kraken").Exclusion);
        Assert.StartsWith("DATA_OUTAGE: 1 of 2 venues included", stale.OutageReason, StringComparison.Ordinal);

        books[Id("kraken")] = Quote("kraken", "100.9", "101.1", tsRecv: Now - Second);
        var fresh = proxy.Compute(Now);
        // Equal weights (no trades): (100 + 101) / 2 = 100.5.
        Assert.True(fresh.IsUsable);
        Assert.Equal(100.5m, fresh.WeightedMid);
        return new FaultResult(Name, 2, 2, 0, "silent feed reconnected by its watchdog; a 31 s old book kept out of the index (outage) until it changed");
    }
}
