using Edgewise.Simulators.Market;

namespace Edgewise.Tests.Simulators;

/// <summary>The simulated spot book: its reported changes rebuild it exactly, and it keeps its shape around the mid it is given.</summary>
public sealed class SpotBookTests
{
    public static TheoryData<string> Shapes => ["coinbase", "kraken", "bitstamp", "binanceus"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void UpdateAndTrade_ThousandsOfSteps_ChangesRebuildTheBookAndItKeepsItsShape(string venue)
    {
        var shape = venue switch
        {
            "coinbase" => SpotBookShape.Coinbase,
            "kraken" => SpotBookShape.Kraken,
            "bitstamp" => SpotBookShape.Bitstamp,
            _ => SpotBookShape.BinanceUs,
        };
        var book = new SpotBook(shape, new Random(3));
        var rng = new Random(4);
        var bids = new SortedDictionary<decimal, decimal>();
        var asks = new SortedDictionary<decimal, decimal>();
        var changes = new List<LevelChange>();
        var mid = 97_000m;
        for (var step = 0; step < 3000; step++)
        {
            // A walk of a few dollars a step with an occasional $300 jump, so the touch moves through levels either way.
            mid += (decimal)(rng.NextDouble() - 0.5) * 8m + (step % 500 == 499 ? 300m : 0m);
            changes.Clear();
            book.Update(mid, changes);
            if (step % 3 == 0)
            {
                book.Trade(takerBuys: step % 2 == 0, changes);
            }

            foreach (var change in changes)
            {
                var side = change.IsBid ? bids : asks;
                if (change.Size == 0m)
                {
                    Assert.True(side.Remove(change.Price), $"step {step}: removal of {change.Price}, a level never reported");
                }
                else
                {
                    side[change.Price] = change.Size;
                }
            }

            Assert.Equal(book.Bids.OrderBy(l => l.Key), bids);
            Assert.Equal(book.Asks.OrderBy(l => l.Key), asks);
            Assert.InRange(book.Bids.Count, shape.Levels - 1, shape.Levels); // a trade may have used up a level until the next update
            Assert.InRange(book.Asks.Count, shape.Levels - 1, shape.Levels);
            Assert.True(book.BestBid < book.BestAsk, $"step {step}: crossed {book.BestBid} / {book.BestAsk}");
            // The best bid is put at round(mid − spread/2) on the tick: below the mid by half the spread ± half a tick; a trade may
            // since have used it up, leaving the next level at most MaxGap ticks further (the ask side likewise).
            var reach = ((shape.MaxSpreadTicks / 2m) + 1 + shape.MaxGapTicks) * shape.Tick;
            Assert.InRange(mid - book.BestBid, 0m, reach);
            Assert.InRange(book.BestAsk - mid, 0m, reach);
            Assert.All(book.Bids.Keys.Concat(book.Asks.Keys), p => Assert.Equal(0m, p % shape.Tick));
            Assert.All(book.Bids.Values.Concat(book.Asks.Values), s => Assert.True(s > 0m && s == decimal.Round(s, 8)));
        }
    }

    [Fact]
    public void Update_OneChangePerLevel_BidsBestFirstThenAsksBestFirst()
    {
        var book = new SpotBook(SpotBookShape.Kraken, new Random(9));
        var changes = new List<LevelChange>();
        book.Update(97_000.02m, changes);

        // The first update builds 30 levels a side from nothing: 60 changes, each level once, in the order venues send them.
        Assert.Equal(60, changes.Count);
        Assert.Equal(60, changes.Select(c => (c.IsBid, c.Price)).Distinct().Count());
        Assert.Equal(changes.Where(c => c.IsBid).Select(c => c.Price).OrderDescending(), changes.Take(30).Select(c => c.Price));
        Assert.Equal(changes.Where(c => !c.IsBid).Select(c => c.Price).Order(), changes.Skip(30).Select(c => c.Price));
        // Kraken's spread is one tick: bid = round((97,000.02 − 0.05) / 0.1) × 0.1 = round(969,999.7) × 0.1 = 97,000.0, ask 97,000.1.
        Assert.Equal((97_000.0m, 97_000.1m), (book.BestBid, book.BestAsk));
    }
}
