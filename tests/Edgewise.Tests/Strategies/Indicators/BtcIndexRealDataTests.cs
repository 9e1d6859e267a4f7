using Edgewise.Cli.Replay;
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.Strategies.Indicators;
using Edgewise.TestKit;

namespace Edgewise.Tests.Strategies.Indicators;

public class BtcIndexRealDataTests
{
    private const string SharedCapture = "data/btc_spot/binance_spot_btcusdt_ws_2024-08-08.gz";

    [Fact]
    public void Compute_ReplayedBinanceBook_RtiInsideTheUtilizedBookAndEqualToAPlainRecomputation()
    {
        var path = SharedData.Find(SharedCapture);
        if (path is null)
        {
            Assert.Skip(SharedData.MissingReason(SharedCapture));
        }

        // Replay through the production path: BinanceUsParser -> BinanceUsBookSync -> engine, then read the final book.
        using var pipeline = ReplayPipeline.Create("binanceus", [path]);
        pipeline.Run(null, CancellationToken.None);
        var book = Assert.Single(pipeline.Books);
        Assert.Equal(BookHealth.Healthy, book.Health);
        Assert.True(book.TryGetBestBid(out var bestBid));
        Assert.True(book.TryGetBestAsk(out var bestAsk));

        var options = new BtcIndexOptions { MinIncludedVenues = 1 };
        var proxy = new BtcIndexProxy(options, id => id == book.Instrument ? book : null);
        proxy.AddConstituent(book.Instrument);
        var value = proxy.Compute(book.TsRecv);

        Assert.True(value.IsUsable, value.ToString());
        Assert.Equal((bestBid.Price.ToDecimal() + bestAsk.Price.ToDecimal()) / 2, value.WeightedMid);
        var rti = value.Rti;
        Assert.Equal(RtiOutage.None, rti.Outage);
        Assert.True(rti.UtilizedDepth.IsPositive, $"utilized depth {rti.UtilizedDepth}");
        var index = rti.Value!.Value;

        // The index is NOT always between this book's best bid and ask: it averages the mid curve over the utilized depth,
        // and this book is lopsided (9.5 BTC bid at 61680 against thin asks), so its depth-weighted mid sits a few dollars
        // under a one-cent spread. What must hold: every averaged mid lies between the marginal bid and ask at v_T, which
        // are within the 0.5% mid spread of each other.
        var bids = Levels(book, BookSide.Bid, options.Rti.MaxLevelsPerSide, rti.SizeCap);
        var asks = Levels(book, BookSide.Ask, options.Rti.MaxLevelsPerSide, rti.SizeCap);
        var depth = rti.UtilizedDepth.ToDecimal();
        var bidAtDepth = Marginal(bids, depth)!.Value;
        var askAtDepth = Marginal(asks, depth)!.Value;
        Assert.InRange(index, bidAtDepth, askAtDepth);
        Assert.True(askAtDepth / ((askAtDepth + bidAtDepth) / 2) - 1 <= options.Rti.MaxMidSpread);

        // And the allocation-free implementation agrees with a plain one: capped levels, marginal prices by LINQ, weights
        // λe^(−λv) evaluated point by point in double, v_T the last 1 BTC point before the spread passes 0.5%.
        Assert.Equal(ReferenceDepth(bids, asks, options.Rti.MaxMidSpread), depth);
        var lambda = 1.0 / (0.3 * (double)depth);
        double weights = 0, weighted = 0;
        for (var v = 0m; v <= depth; v += 1m)
        {
            var w = lambda * Math.Exp(-lambda * (double)v);
            weights += w;
            weighted += w * (double)((Marginal(bids, v)!.Value + Marginal(asks, v)!.Value) / 2);
        }

        Assert.Equal(weighted / weights, (double)index, 1e-6);
    }

    private static List<(decimal Price, decimal Size)> Levels(IOrderBook book, BookSide side, int max, Quantity cap)
    {
        var levels = new BookLevel[max];
        var n = book.CopyLevels(side, levels);
        return levels.Take(n).Select(l => (l.Price.ToDecimal(), Math.Min(l.Size.ToDecimal(), cap.ToDecimal()))).ToList();
    }

    private static decimal? Marginal(List<(decimal Price, decimal Size)> levels, decimal volume)
    {
        var cumulative = 0m;
        foreach (var (price, size) in levels)
        {
            cumulative += size;
            if (cumulative >= volume)
            {
                return price;
            }
        }

        return null;
    }

    private static decimal ReferenceDepth(List<(decimal Price, decimal Size)> bids, List<(decimal Price, decimal Size)> asks, decimal maxSpread)
    {
        var depth = -1m;
        for (var v = 0m; ; v += 1m)
        {
            if (Marginal(bids, v) is not { } b || Marginal(asks, v) is not { } a || a / ((a + b) / 2) - 1 > maxSpread)
            {
                return depth;
            }

            depth = v;
        }
    }
}
