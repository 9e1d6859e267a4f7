using System.Text.Json;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Simulators;

/// <summary>
/// Same seed, same clock ticks, same frames: two worlds run side by side with the same steps, each watched by the REAL clients of
/// all five venues, give identical WebSocket frame sequences per venue; another seed gives others.
/// </summary>
public sealed class SimulatedMarketsDeterminismTests
{
    private const string Sentinel = "1.23"; // a BRTI value the world never prints

    [Fact]
    public async Task TwoRuns_SameSeed_IdenticalFramesPerVenue_AnotherSeedDiffers()
    {
        var first = await RunAsync(seed: 11);
        var second = await RunAsync(seed: 11);
        var other = await RunAsync(seed: 12);

        foreach (var venue in first.Keys)
        {
            Assert.True(first[venue].Count > 50, $"{venue}: only {first[venue].Count} frames in 45 s");
            // The frames are read once the books are synced (and, for Kalshi, once a frame sent after everything has arrived); a
            // spot frame of the last step (a heartbeat, a ticker) may still be on the wire in one run and not the other, so the
            // runs must agree on everything both received, and differ in length by no more than one step's tail.
            var common = Math.Min(first[venue].Count, second[venue].Count);
            Assert.True(Math.Abs(first[venue].Count - second[venue].Count) <= 3, $"{venue}: {first[venue].Count} vs {second[venue].Count} frames");
            Assert.Equal(first[venue][..common], second[venue][..common]);
            Assert.NotEqual(first[venue][..Math.Min(common, other[venue].Count)], other[venue][..Math.Min(common, other[venue].Count)]);
        }

        Assert.Equal(["binanceus", "bitstamp", "coinbase", "kalshi", "kraken"], first.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The WebSocket frames each client received, in order; Kraken's pongs (answers to the client's clock-driven pings, whose place among the data depends on socket timing) left out.</summary>
    private static async Task<Dictionary<string, List<string>>> RunAsync(int seed)
    {
        await using var h = await SimulatedWorldHarness.StartAsync(seed);
        var kalshiFrames = new ListFrameSink();
        var sink = new AwaitingSink();
        var ticker = "KXBTC15M-25DEC311915-15"; // the window open at the start (00:00-00:15Z)
        var kalshi = new KalshiDataClient(new KalshiDataOptions
        {
            WebSocketUri = h.Markets.KalshiWebSocket,
            RestBaseUri = h.Markets.KalshiRest,
            Markets = [ticker],
            Connection = SimulatedWorldHarness.Connection(),
        }, sink, h.Clock, h.Markets.CreateKalshiAuth(h.Clock), recorder: kalshiFrames, random: FeedTestSettings.Random());
        h.Own(kalshi);
        h.Track(kalshi.RunAsync(h.Stopping));
        SimKalshiSession? session = null;
        await h.StartSpotClientsAsync(beforeFirstStep: async () =>
        {
            session = await h.Markets.Kalshi.Server.NextSessionAsync();
            foreach (var channel in new[] { "orderbook_delta", "ticker", "trade" })
            {
                await session.WaitForSubscriptionAsync(channel, ticker);
            }

            await session.WaitForSubscriptionAsync("cfbenchmarks_value");
            await sink.WaitUntilAsync(s => s.HealthOf(new InstrumentId(KalshiParser.VenueName, ticker)) == BookHealth.Healthy, "the Kalshi book healthy");
        });
        await h.AdvanceAsync(TimeSpan.FromSeconds(44));
        await h.SpotBooksSyncedAsync();

        // Everything the Kalshi venue sent has arrived once a frame sent after it has (one socket, in order): a last BRTI print
        // with a value the world never makes, left out of the frames compared.
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kalshi.IndexTickReceived += tick =>
        {
            if (tick.Value == Price.Parse(Sentinel))
            {
                arrived.TrySetResult();
            }
        };
        await session!.PushIndexValueAsync("BRTI", Sentinel, h.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        await arrived.Task.WaitAsync(SimVenueServer.DefaultTimeout);

        var frames = h.Spots.ToDictionary(f => f.Instrument.Venue, f => WebSocketFrames(f.Recorder));
        frames["kalshi"] = WebSocketFrames(kalshiFrames);
        Assert.Equal(1, frames["kalshi"].RemoveAll(IsSentinel));
        frames["kraken"].RemoveAll(f => f.StartsWith("""{"method":"pong""", StringComparison.Ordinal));
        return frames;
    }

    /// <summary>The cfbenchmarks_value frame whose inner CF print (a JSON string in "data") has the sentinel value.</summary>
    private static bool IsSentinel(string frame)
    {
        using var outer = JsonDocument.Parse(frame);
        if (outer.RootElement.GetProperty("type").GetString() != "cfbenchmarks_value")
        {
            return false;
        }

        using var inner = JsonDocument.Parse(outer.RootElement.GetProperty("msg").GetProperty("data").GetString()!);
        return inner.RootElement.GetProperty("value").GetString() == Sentinel;
    }

    private static List<string> WebSocketFrames(ListFrameSink recorder) =>
        [.. recorder.Frames.Where(f => f.Source == FrameSource.Ws).Select(f => f.Text)];
}
