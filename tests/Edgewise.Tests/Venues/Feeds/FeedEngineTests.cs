using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Messaging;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.BinanceUs;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>A live feed into the engine as production wires it: data client → EngineInbox → EngineLoop.RunAsync.</summary>
public class FeedEngineTests
{
    [Fact]
    public async Task BinanceUsFeed_IntoEngineInbox_EngineBookHealthyWithTheExpectedBest()
    {
        var engine = new EngineLoop(new EngineOptions { Clock = new ManualTimeProvider(), BookFactory = i => OrderBookFactory.ForUnbounded(i.Id) });
        var btc = new InstrumentId(BinanceUsParser.VenueName, "BTCUSDT");
        engine.Cache.AddInstrument(BinanceUsInstruments.FromCapture(btc));
        var expected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            // On the engine thread: read the live book the cache holds.
            if (engine.Cache.TryGetBook(btc, out var book) && book.Health == BookHealth.Healthy
                && book.TryGetBestBid(out var bid) && book.TryGetBestAsk(out var ask) && bid.Price.ToString() == "50000.5")
            {
                expected.TrySetResult($"{bid.Price} x {bid.Size} / {ask.Price} x {ask.Size} @ {book.LastUpdateId}");
            }
        }

        engine.Bus.Subscribe((in BookChanged _) => Check());
        engine.Bus.Subscribe((in BookStatus _) => Check());
        using var stop = new CancellationTokenSource();
        var loop = engine.RunAsync(stop.Token);
        await using (var h = await BinanceUsFeedHarness.StartAsync(downstream: engine.Inbox))
        {
            Assert.Equal(btc, h.Btc);
            h.Server.Respond(BinanceUsWire.DepthPath, BinanceUsWire.FirstSnapshot());
            h.Run();
            var ws = await h.Server.NextConnectionAsync();
            await ws.SendTextAsync(BinanceUsWire.Depth(101, 102, bids: """[["50000.50","0.50000000"]]""", asks: """[["50001.00","0.00000000"]]"""));

            // Snapshot 100 + (101,102): bid 50000.5 x 0.5 on top, ask 50001 removed so 50002 x 3 is best; last id 102.
            Assert.Equal("50000.5 x 0.5 / 50002 x 3 @ 102",
                await expected.Task.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken));
        }

        await stop.CancelAsync();
        await loop.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        Assert.Equal(0, engine.Inbox.DataDropped);
        Assert.Equal(0, engine.Data.UnknownInstrumentMessages);
    }
}
