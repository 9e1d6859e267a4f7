using System.Text;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Messaging;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Live;

/// <summary>The Kalshi feed into the engine as production wires it (client -> EngineInbox -> EngineLoop), and REST books in YES terms.</summary>
public sealed class KalshiEngineFeedTests
{
    [Fact]
    public async Task KalshiFeed_IntoEngineInbox_DenseYesTermsBookHealthyWithTheExpectedBest()
    {
        var engine = new EngineLoop(new EngineOptions
        {
            Clock = new ManualTimeProvider(),
            BookFactory = i => i is BinaryContract b ? OrderBookFactory.ForBinaryContract(b.Id, b.MinTick) : OrderBookFactory.ForUnbounded(i.Id),
        });
        var market = KalshiLiveHarness.MarketId;
        engine.Cache.AddInstrument(new KalshiInstrumentProvider().FromCapture(market)); // the tapered grid: 0.001 buckets
        var expected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (engine.Cache.TryGetBook(market, out var book) && book.Health == BookHealth.Healthy
                && book.TryGetBestBid(out var bid) && book.TryGetBestAsk(out var ask) && book.LastUpdateId == 3)
            {
                expected.TrySetResult($"{bid.Price} x {bid.Size} / {ask.Price} x {ask.Size} @ {book.LastUpdateId}");
            }
        }

        engine.Bus.Subscribe((in BookChanged _) => Check());
        engine.Bus.Subscribe((in BookStatus _) => Check());
        using var stop = new CancellationTokenSource();
        var loop = engine.RunAsync(stop.Token);
        await using (var h = await KalshiLiveHarness.StartAsync(downstream: engine.Inbox))
        {
            // On the tapered grid's 0.001 band: YES bids 0.09 x 10, 0.085 x 5; NO bids 0.905 x 2.25 and 0.90 x 7, i.e. YES asks
            // 1 − 0.905 = 0.095 x 2.25 and 1 − 0.90 = 0.10 x 7.
            h.Server.SetBook(KalshiLiveHarness.Market.Ticker, [("0.0850", "5.00"), ("0.0900", "10.00")], [("0.9000", "7.00"), ("0.9050", "2.25")]);
            h.Run();
            var session = await h.Server.NextSessionAsync();
            await session.WaitForSubscriptionAsync(KalshiCommands.OrderbookDeltaChannel, KalshiLiveHarness.Market.Ticker);
            await session.PushDeltaAsync(KalshiLiveHarness.Market.Ticker, "yes", "0.0920", "4.50");  // seq 2: YES bid 0.092 x 4.5, the new best
            await session.PushDeltaAsync(KalshiLiveHarness.Market.Ticker, "no", "0.9050", "-0.25");  // seq 3: YES ask 0.095: 2.25 − 0.25 = 2

            Assert.Equal("0.092 x 4.5 / 0.095 x 2 @ 3",
                await expected.Task.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken));
        }

        await stop.CancelAsync();
        await loop.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        Assert.Equal(0, engine.Inbox.DataDropped);
    }

    [Theory]
    [InlineData(KalshiBookPricing.NoLevelsAtNoPrice)]
    [InlineData(KalshiBookPricing.NoLevelsAtYesPrice)]
    public void Parse_RestOrderbook_NoLevelsAreNoPricesWhateverTheWebSocketPricing(KalshiBookPricing pricing)
    {
        // GET /markets/{ticker}/orderbook has no use_yes_price flag: its NO bids are always at NO prices. A parser built for a
        // use_yes_price=true subscription must still turn NO 0.56 into a YES ask at 0.44 (before the fix it kept 0.56).
        var parser = new KalshiParser(pricing);
        var sink = new RecordingSink();
        var body = """{"orderbook_fp":{"yes_dollars":[["0.3500","200.00"],["0.4200","13.00"]],"no_dollars":[["0.5400","400.00"],["0.5600","17.00"]]}}""";
        var frame = new RawFrame(1_000, "kalshi", FrameSource.Rest, "/trade-api/v2/markets/KXBTC15M-25DEC311910-10/orderbook", Encoding.UTF8.GetBytes(body));

        Assert.Equal(ParseOutcome.Data, parser.Parse(frame, sink));

        var book = OrderBookFactory.ForBinaryContract(new InstrumentId("kalshi", "KXBTC15M-25DEC311910-10"), Price.Parse("0.001"));
        Assert.Single(sink.BookUpdates).ApplyTo(book);
        Assert.True(book.TryGetBestBid(out var bid));
        Assert.True(book.TryGetBestAsk(out var ask));
        Assert.Equal(("0.42", "0.44", "17"), (bid.Price.ToString(), ask.Price.ToString(), ask.Size.ToString()));
    }
}
