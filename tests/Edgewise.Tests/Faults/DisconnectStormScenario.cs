using Edgewise.Core.Books;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Tests.Venues.Kalshi.Live;

namespace Edgewise.Tests.Faults;

/// <summary>
/// Every feed loses its connection at the same moment (Binance.US, Bitstamp, Coinbase, Kraken, Kalshi, each against its
/// fake venue on 127.0.0.1 with its own manual clock): each notices, waits its backoff, reconnects, resubscribes, and
/// is healthy again from a fresh snapshot holding levels the old connection never had. The drops all happen before any
/// feed recovers, so no feed can lean on another. The steps are those of the feed tests' abrupt-close cases.
/// </summary>
internal sealed class DisconnectStormScenario : IFaultScenario
{
    private static readonly string KrakenFresh = KrakenWire.Book("snapshot", [("51000.0", "1.00000000")], [("51001.0", "2.00000000")],
        "510010200000000" + "510000100000000");

    public string Name => "disconnect storm across all feeds";

    public async Task<FaultResult> RunAsync(string directory, CancellationToken ct)
    {
        await using var binance = await BinanceUsFeedHarness.StartAsync();
        await using var bitstamp = await BitstampFeedHarness.StartAsync();
        await using var coinbase = await CoinbaseFeedHarness.StartAsync();
        await using var kraken = await KrakenFeedHarness.StartAsync();
        await using var kalshi = await KalshiLiveHarness.StartAsync();
        var binanceWs = await binance.RunHealthyAsync();
        var bitstampWs = await bitstamp.RunHealthyAsync();
        var coinbaseWs = await coinbase.RunHealthyAsync();
        var krakenWs = await kraken.RunHealthyAsync();
        var kalshiSession = await kalshi.RunHealthyAsync();
        binance.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.Snapshot(200, """[["51000.00","1.0"]]""", """[["51001.00","2.0"]]"""));
        bitstamp.Server.Respond(BitstampWire.BookPath, BitstampWire.Snapshot(5500, """[["52000.00","1.00000000"]]""", """[["52010.00","1.00000000"]]"""));
        kalshi.Server.SetBook(KalshiLiveHarness.Market.Ticker, [("0.5000", "1.00")], [("0.4800", "2.00")]);

        binanceWs.Abort();
        bitstampWs.Abort();
        coinbaseWs.Abort();
        krakenWs.Abort();
        kalshiSession.Abort();

        await Task.WhenAll(
            HealAsync(binance.Waits, binance.Sink, binance.Btc, binance.Clock, async () =>
            {
                var ws = await binance.Server.NextConnectionAsync();
                await ws.SendTextAsync(BinanceUsWire.Depth(201, 201, bids: """[["51000.50","0.3"]]"""));
                await binance.Sink.WaitUntilAsync(s => s.IsHealthyWith(binance.Btc, "51000.5 x 0.3", "51001 x 2"), "Binance.US healthy again");
            }),
            HealAsync(bitstamp.Waits, bitstamp.Sink, bitstamp.Btc, bitstamp.Clock, async () =>
            {
                var ws = await bitstamp.SubscribedConnectionAsync();
                await ws.SendTextAsync(BitstampWire.Diff(5000));
                await ws.SendTextAsync(BitstampWire.Diff(6000, bids: """[["52001.00","0.10000000"]]"""));
                await bitstamp.Sink.WaitUntilAsync(s => s.IsHealthyWith(bitstamp.Btc, "52001 x 0.1", "52010 x 1"), "Bitstamp healthy again");
            }),
            HealAsync(coinbase.Waits, coinbase.Sink, coinbase.Btc, coinbase.Clock, async () =>
            {
                var ws = await coinbase.SubscribedConnectionAsync();
                await ws.SendTextAsync(CoinbaseWire.Subscriptions(1));
                await ws.SendTextAsync(CoinbaseWire.L2(2, "snapshot", ("bid", "52000.00", "1.00000000"), ("offer", "52001.00", "1.00000000")));
                await coinbase.Sink.WaitUntilAsync(s => s.IsHealthyWith(coinbase.Btc, "52000 x 1", "52001 x 1"), "Coinbase healthy again");
            }),
            HealAsync(kraken.Waits, kraken.Sink, kraken.Btc, kraken.Clock, async () =>
            {
                var ws = await kraken.SubscribedConnectionAsync(
                    [KrakenWire.SubscribeBookAgain(4), KrakenWire.Subscribe("trade", 5, ",\"snapshot\":false"), KrakenWire.Subscribe("ticker", 6)]);
                await ws.SendTextAsync(KrakenFresh);
                await kraken.Sink.WaitUntilAsync(s => s.IsHealthyWith(kraken.Btc, "51000 x 1", "51001 x 2"), "Kraken healthy again");
            }),
            HealAsync(kalshi.Waits, kalshi.Sink, KalshiLiveHarness.MarketId, kalshi.Clock, async () =>
            {
                await kalshi.Server.NextSessionAsync();
                // YES bid 0.50 x 1; YES ask 1 − 0.48 = 0.52 x 2: the new connection's snapshot.
                await kalshi.Sink.WaitUntilAsync(s => s.IsHealthyWith(KalshiLiveHarness.MarketId, "0.5 x 1", "0.52 x 2"), "Kalshi healthy again");
            }));

        var reconnects = binance.Client.GetHealth().Reconnects + bitstamp.Client.GetHealth().Reconnects + coinbase.Client.GetHealth().Reconnects
                         + kraken.Client.GetHealth().Reconnects + kalshi.Client.GetHealth().Reconnects;
        Assert.Equal(5, reconnects);
        return new FaultResult(Name, 5, 5, 0, "5 connections dropped at once; each reconnected after its backoff and resynced from a fresh snapshot");
    }

    /// <summary>The drop is seen (book awaiting a snapshot, reconnect scheduled), the backoff passes on the feed's clock, then <paramref name="heal"/>.</summary>
    private static async Task HealAsync(FeedWaits waits, Edgewise.TestKit.AwaitingSink sink, Edgewise.Core.Instruments.InstrumentId book,
        Edgewise.TestKit.ManualTimeProvider clock, Func<Task> heal)
    {
        var delay = await waits.NextReconnectWaitAsync();
        await sink.WaitUntilAsync(s => s.HealthOf(book) == BookHealth.AwaitingSnapshot, $"{book} unhealthy after the drop");
        clock.Advance(delay);
        await heal();
    }
}
