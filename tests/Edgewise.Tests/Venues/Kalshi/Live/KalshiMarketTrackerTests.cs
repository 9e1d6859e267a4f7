using System.Threading.Channels;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Live;

/// <summary>
/// Rollover of KXBTC15M against the fake Kalshi: the clock starts at 00:00Z; market A closes at T = 00:10Z (opened 23:55Z), market B
/// opens at T and closes at T + 15 min. With a 60 s lead, B is subscribed at 00:09:00, becomes the active market at 00:10:00, and A
/// is unsubscribed then.
/// </summary>
public sealed class KalshiMarketTrackerTests
{
    private static readonly DateTimeOffset T = ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Rollover_NextSubscribedAtCloseMinusLead_SwitchedAtClose_OldUnsubscribed()
    {
        var a = KalshiLiveHarness.Market; // closes at T
        var b = SimKalshiMarket.Btc15m(T + TimeSpan.FromMinutes(15), 96_301.55m);
        Assert.Equal(("KXBTC15M-25DEC311910-10", "KXBTC15M-25DEC311925-25"), (a.Ticker, b.Ticker)); // 00:10Z and 00:25Z in EST
        // The test jumps the clock by minutes with no venue traffic in between (live, BRTI ticks arrive every second): staleness off.
        await using var h = await KalshiLiveHarness.StartAsync(o => o with
        {
            Markets = [],
            Connection = o.Connection with { StaleAfter = TimeSpan.FromHours(2), StaleCheckInterval = TimeSpan.FromMinutes(1) },
        });
        h.Server.AddMarket(b);
        h.Server.SetBook(b.Ticker, [("0.5100", "7.00")], [("0.4700", "9.00")]);
        var tracker = new KalshiMarketTracker(
            new KalshiMarketTrackerOptions { SeriesTicker = "KXBTC15M", SubscribeLead = Lead, RefreshInterval = TimeSpan.FromMinutes(30), PageSize = 1 },
            h.Client.Rest, h.Client, h.Clock, random: new Feeds.FixedRandom(0.5));
        var opened = Channel.CreateUnbounded<(string Ticker, DateTimeOffset At)>();
        var closed = Channel.CreateUnbounded<(string Ticker, DateTimeOffset At)>();
        var switches = Channel.CreateUnbounded<KalshiMarketSwitch>();
        var wakes = Channel.CreateUnbounded<DateTimeOffset>();
        tracker.MarketOpened += m => opened.Writer.TryWrite((m.Contract.Id.Symbol, h.Clock.GetUtcNow()));
        tracker.MarketClosed += m => closed.Writer.TryWrite((m.Contract.Id.Symbol, h.Clock.GetUtcNow()));
        tracker.ActiveMarketChanged += s => switches.Writer.TryWrite(s);
        tracker.WakeScheduled += w => wakes.Writer.TryWrite(w);
        h.Run();
        h.Track(tracker.RunAsync(h.Stopping));

        // Start: A is open, so it is the current market; B (unopened) is known as the next one but not subscribed yet.
        var start = await KalshiLiveHarness.NextAsync(switches, "the first active market");
        Assert.Equal((0, a.Ticker), (start.Previous.Count, Assert.Single(start.Current).Contract.Id.Symbol));
        Assert.Equal((a.Ticker, ManualTimeProvider.DefaultStart), await KalshiLiveHarness.NextAsync(opened, "A subscribed"));
        Assert.Equal(T - Lead, await KalshiLiveHarness.NextAsync(wakes, "the wake at T − lead"));
        var session = await h.Server.NextSessionAsync();
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(Id(a), "0.42 x 13", "0.44 x 17"), "A healthy");
        Assert.Equal(b.Ticker, Assert.Single(tracker.Next).Contract.Id.Symbol);
        Assert.True(tracker.IsCurrent(Id(a)));
        // Listing: open then unopened markets, one per page (PageSize 1), each page a signed GET.
        Assert.Equal(["/trade-api/v2/series/KXBTC15M", "/trade-api/v2/markets", "/trade-api/v2/markets"], h.Server.Requests.Select(r => r.Path));
        Assert.Equal(["?series_ticker=KXBTC15M&status=open&limit=1", "?series_ticker=KXBTC15M&status=unopened&limit=1"], h.Server.Requests.Skip(1).Select(r => r.Query));
        var aSids = new[] { "orderbook_delta", "ticker", "trade" }.Select(c => session.SidOf(c, a.Ticker)).Order().ToList();

        h.Clock.SetUtcNow(T - Lead - TimeSpan.FromMilliseconds(1));
        Assert.False(opened.Reader.TryRead(out _)); // the wake's timer is due at T − lead exactly
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal((b.Ticker, T - Lead), await KalshiLiveHarness.NextAsync(opened, "B subscribed at T − lead"));
        Assert.Equal(T, await KalshiLiveHarness.NextAsync(wakes, "the wake at T"));
        await session.WaitForSubscriptionAsync("orderbook_delta", b.Ticker);
        // B's book: YES bid 0.51 x 7; YES ask 1 − 0.47 = 0.53 x 9. Both markets are followed until the switch.
        await h.Sink.WaitUntilAsync(s => s.IsHealthyWith(Id(b), "0.51 x 7", "0.53 x 9"), "B healthy before the switch");
        Assert.True(tracker.IsCurrent(Id(a)));
        Assert.Equal([a.Ticker, b.Ticker], h.Client.ActiveMarkets.Order());

        h.Clock.SetUtcNow(T);

        var rolled = await KalshiLiveHarness.NextAsync(switches, "the switch at T");
        Assert.Equal((a.Ticker, b.Ticker, T), (Assert.Single(rolled.Previous).Contract.Id.Symbol, Assert.Single(rolled.Current).Contract.Id.Symbol, rolled.At));
        Assert.Equal((a.Ticker, T), await KalshiLiveHarness.NextAsync(closed, "A closed"));
        await session.WaitUntilAsync(s => !s.Subscriptions.Any(x => x.Tickers.Contains(a.Ticker)), "A unsubscribed");
        Assert.Equal(aSids, session.Commands.Where(c => c.Cmd == "unsubscribe").SelectMany(c => c.Numbers("sids")).Order());
        Assert.Equal([b.Ticker], h.Client.ActiveMarkets);
        Assert.True(tracker.IsCurrent(Id(b)));
        Assert.False(tracker.IsCurrent(Id(a)));

        // A quote after the switch names B's instrument: a strategy can tell it from A's prices and never reads the jump as a move.
        await session.PushTickerAsync(b.Ticker, "0.5100", "0.5300");
        await h.Sink.WaitUntilAsync(s => s.Quotes.Count == 1, "B's quote");
        Assert.Equal(rolled.Current[0].Contract.Id, h.Sink.Quotes[0].Instrument);
        Assert.Equal(BinaryStrike.FromKalshi("greater_or_equal", 96_301.55m, null), rolled.Current[0].Contract.Strike);
    }

    [Fact]
    public async Task ListingFails_RetryWakeNotOnAWholeMillisecond_WaitsForItInsteadOfSpinning()
    {
        await using var h = await KalshiLiveHarness.StartAsync(o => o with { Markets = [] });
        // Retry delay = 10,000,000 ticks × (1 − 0.2 × 0.00000025) = 9,999,999.5 -> 9,999,999 ticks = 1 s − 100 ns. Task.Delay counts whole
        // milliseconds, so an untreated wait of
        // 999.9999 ms fires at 999 ms and the 0.9999 ms left truncates to 0: the loop would spin at that instant forever.
        var tracker = new KalshiMarketTracker(new KalshiMarketTrackerOptions { SeriesTicker = "KXBTC15M" }, h.Client.Rest, h.Client, h.Clock,
            random: new Feeds.FixedRandom(0.00000025));
        var wakes = Channel.CreateUnbounded<DateTimeOffset>();
        tracker.WakeScheduled += w => wakes.Writer.TryWrite(w);
        h.Server.RespondOnce("/markets", new SimRestResponse(500, """{"error":{"code":"internal_server_error","message":"try again"}}"""));
        h.Track(tracker.RunAsync(h.Stopping));

        var retry = await KalshiLiveHarness.NextAsync(wakes, "the retry after the failed listing");
        Assert.Equal(ManualTimeProvider.DefaultStart + TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1), retry);
        // Moved on another thread: a spinning timer callback would never let Advance return.
        await Task.Run(() => h.Clock.Advance(TimeSpan.FromSeconds(2)), TestContext.Current.CancellationToken).WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);

        await KalshiLiveHarness.NextAsync(wakes, "the wake after the second listing");
        Assert.Equal((1L, 1L), (tracker.ListingFailures, tracker.Listings));
    }

    private static InstrumentId Id(SimKalshiMarket market) => KalshiLiveHarness.Id(market.Ticker);
}
