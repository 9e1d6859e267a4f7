using System.Text.Json;
using System.Threading.Channels;
using Edgewise.Core.Books;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Simulators;

/// <summary>
/// The REAL Kalshi data client and market tracker against the simulated Kalshi, signing with the world's generated key. The clock
/// starts at 00:13:30Z, so the first window (opened 00:00, closing 00:15, strike = the start price 97,000 rounded) is current
/// and the next one (00:15-00:30) is listed without a strike until it opens.
/// </summary>
public sealed class SimulatedKalshiTests
{
    private static readonly DateTimeOffset Start = ManualTimeProvider.DefaultStart + new TimeSpan(0, 13, 30);
    private static readonly DateTimeOffset Close = ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Tracker_AcrossTheClose_RollsToTheNextWindowAndTheClosedMarketSettlesOnTheMinuteAverage()
    {
        await using var h = await SimulatedWorldHarness.StartAsync(start: Start);
        var sink = new AwaitingSink();
        var ticks = new List<KalshiIndexTick>();
        var client = new KalshiDataClient(new KalshiDataOptions
        {
            WebSocketUri = h.Markets.KalshiWebSocket,
            RestBaseUri = h.Markets.KalshiRest,
            Markets = [],
            Connection = SimulatedWorldHarness.Connection(),
        }, sink, h.Clock, h.Markets.CreateKalshiAuth(h.Clock), random: FeedTestSettings.Random());
        client.IndexTickReceived += tick =>
        {
            lock (ticks)
            {
                ticks.Add(tick);
            }
        };
        var tracker = new KalshiMarketTracker(new KalshiMarketTrackerOptions { SeriesTicker = "KXBTC15M", SubscribeLead = TimeSpan.FromMinutes(1) },
            client.Rest, client, h.Clock, random: FeedTestSettings.Random());
        var switches = Channel.CreateUnbounded<KalshiMarketSwitch>();
        tracker.ActiveMarketChanged += s => switches.Writer.TryWrite(s);
        h.Own(client);
        h.Track(client.RunAsync(h.Stopping));
        h.Track(tracker.RunAsync(h.Stopping));

        var first = await switches.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        var old = Assert.Single(first.Current).Contract;
        Assert.Equal(("KXBTC15M-25DEC311915-15", Close, 97_000m), (old.Id.Symbol, old.CloseTime, old.Strike!.Floor!.Value)); // 00:15Z is 19:15 EST
        var session = await h.Markets.Kalshi.Server.NextSessionAsync();
        Assert.True(session.Handshake.Accepted);
        await session.WaitForSubscriptionAsync("cfbenchmarks_value");
        await sink.WaitUntilAsync(s => s.HealthOf(old.Id) == BookHealth.Healthy, "the current window's book healthy");

        await h.AdvanceAsync(Close - Start); // 90 s, to 00:15:00
        var rolled = await switches.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        var next = Assert.Single(rolled.Current).Contract;
        Assert.Equal((old.Id, "KXBTC15M-25DEC311930-30", Close), (Assert.Single(rolled.Previous).Contract.Id, next.Id.Symbol, rolled.At));
        Assert.Null(next.Strike); // listed before its open: no strike yet
        await sink.WaitUntilAsync(s => s.HealthOf(next.Id) == BookHealth.Healthy, "the next window's book healthy (subscribed a minute early)");
        await h.AdvanceAsync(TimeSpan.FromSeconds(6)); // the result shows 5 s after the close

        // The settlement value is the simple average of the 60 prints of 00:14:00 ... 00:14:59 the client received, to the cent.
        List<KalshiIndexTick> minute;
        lock (ticks)
        {
            minute = [.. ticks.Where(t => t.SourceTs >= (Close - TimeSpan.FromMinutes(1)).ToUnixTimeMilliseconds() * 1_000_000 && t.SourceTs < Close.ToUnixTimeMilliseconds() * 1_000_000)];
        }

        Assert.Equal(60, minute.Count);
        var average = decimal.Round(minute.Average(t => t.Value.ToDecimal()), 2, MidpointRounding.ToEven);
        var closed = await MarketAsync(client, old.Id.Symbol);
        Assert.Equal(("finalized", average.ToString(System.Globalization.CultureInfo.InvariantCulture), average >= 97_000m ? "yes" : "no"),
            (closed.GetProperty("status").GetString(), closed.GetProperty("expiration_value").GetString(), closed.GetProperty("result").GetString()));
        var opened = await MarketAsync(client, next.Id.Symbol);
        Assert.Equal(("active", average), (opened.GetProperty("status").GetString(), opened.GetProperty("floor_strike").GetDecimal()));
        Assert.Equal(next.Id.Symbol, Assert.Single(tracker.Current).Contract.Id.Symbol);
        Assert.Equal((1, 1), (h.Markets.Stats.MarketsSettled, h.Markets.Stats.MarketsListed - 2)); // listed: 00:15, 00:30, then 00:45 at the open
        var health = client.GetHealth();
        Assert.Equal((0L, 1L), (health.Gaps, health.Connections));
    }

    private static async Task<JsonElement> MarketAsync(KalshiDataClient client, string ticker)
    {
        var result = await client.Rest.GetMarketAsync(ticker, TestContext.Current.CancellationToken);
        Assert.True(result.IsOk, result.ToString());
        using var document = JsonDocument.Parse(result.Body);
        return document.RootElement.GetProperty("market").Clone();
    }
}
