using System.Globalization;
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.Strategies.Indicators;
using static Edgewise.Tests.Strategies.Indicators.IndexBooks;

namespace Edgewise.Tests.Strategies.Indicators;

[Collection(AllocationMeasurements.Name)]
public class RtiApproximatorTests
{
    private static readonly RtiOptions HalfBtcSpacing = new() { Spacing = Quantity.Parse("0.5") };

    [Fact]
    public void Compute_TwoVenueTinyBook_MatchesHandComputedUtilizedDepthAndExponentialAverage()
    {
        // venue a: bids 10000 × 0.5, 9950 × 1;    asks 10010 × 0.5, 10060 × 1    (mid 10005)
        // venue b: bids  9990 × 0.75, 9900 × 1;   asks 10030 × 0.75, 10100 × 1   (mid 10010)
        // Consolidated bids 10000 (0.5), 9990 (0.75), 9950 (1), 9900 (1): cumulative 0.5, 1.25, 2.25, 3.25
        // Consolidated asks 10010 (0.5), 10030 (0.75), 10060 (1), 10100 (1): cumulative 0.5, 1.25, 2.25, 3.25
        // Marginal prices on the 0.5 grid (the first level whose cumulative size reaches v):
        //   v = 0:   bid 10000, ask 10010: mid 10005, ask − bid = 10 ≤ 0.005 × 20010 = 100.05
        //   v = 0.5: bid 10000, ask 10010: mid 10005 (the first levels end exactly at 0.5: still theirs)
        //   v = 1.0: bid 9990,  ask 10030: mid 10010, 40 ≤ 0.005 × 20020 = 100.1
        //   v = 1.5: bid 9950,  ask 10060: 110 > 0.005 × 20010 = 100.05 -> stop: v_T = 1.0
        // λ = 1 / (0.3 × 1.0) = 10/3; weights e^(−λv) at v = 0, 0.5, 1: 1, e^(−5/3) = 0.188875602837562, e^(−10/3) = 0.035673993347252
        // index = (10005 × (1 + 0.188875602837562) + 10010 × 0.035673993347252) / (1 + 0.188875602837562 + 0.035673993347252)
        //       = 10005 + 5 × 0.035673993347252 / 1.224549596184814 = 10005 + 0.178369966736 / 1.224549596184814
        //       = 10005 + 0.145661692… = 10005.145661693 (9 decimals)
        var books = new List<IOrderBook>
        {
            Book("a", [("10000", "0.5"), ("9950", "1")], [("10010", "0.5"), ("10060", "1")]),
            Book("b", [("9990", "0.75"), ("9900", "1")], [("10030", "0.75"), ("10100", "1")]),
        };

        var result = new RtiApproximator(HalfBtcSpacing).Compute(books);

        Assert.Equal(RtiOutage.None, result.Outage);
        Assert.Equal(10005.145661693m, result.Value);
        Assert.Equal(Quantity.Parse("1"), result.UtilizedDepth);
        Assert.Equal(3, result.CurvePoints);
        Assert.False(result.DepthExhausted);
        Assert.Equal((4, 4), (result.ConsolidatedBids, result.ConsolidatedAsks));

        // 8 samples (fewer than 50 a side: all of them), no trimming; sizes 0.5, 0.75, 1, 1 per side: mean 0.8125,
        // population variance (2 × (0.3125² + 0.0625² + 0.1875² + 0.1875²)) / 8 = 0.34375 / 8 = 0.04296875, sd 0.2072890…
        // cap = 0.8125 + 5 × 0.2072890 = 1.8489452…, floored to 9 decimals: above every size, nothing capped.
        Assert.Equal(8, result.SizeCapSamples);
        Assert.Equal(0, result.CappedLevels);
        Assert.Equal(1.848945246m, result.SizeCap.ToDecimal());
    }

    [Fact]
    public void Compute_TwoVenuesThroughTheProxy_SameValueAsComputedByHand()
    {
        // The proxy consolidates exactly its included books, so it gives the value computed by hand above.
        var books = new Dictionary<string, IOrderBook>
        {
            ["a"] = Book("a", [("10000", "0.5"), ("9950", "1")], [("10010", "0.5"), ("10060", "1")]),
            ["b"] = Book("b", [("9990", "0.75"), ("9900", "1")], [("10030", "0.75"), ("10100", "1")]),
        };
        var proxy = new BtcIndexProxy(new BtcIndexOptions { Rti = HalfBtcSpacing }, id => books[id.Venue]);
        proxy.AddConstituent(Id("a"));
        proxy.AddConstituent(Id("b"));

        var value = proxy.Compute(Now);

        Assert.Equal(10005.145661693m, value.RtiValue);
        Assert.Equal(10007.5m, value.WeightedMid); // (10005 + 10010) / 2, no trades: equal weights
    }

    [Fact]
    public void Compute_OutlierSizes_CappedAtTrimmedMeanPlusFiveWinsorizedStdDevs()
    {
        // 100 bids from 1000.00 down by 0.01 and 100 asks from 1000.01 up by 0.01, all inside 5% of the best: 200 samples.
        // Sizes: 100 × 1, 98 × 3, one 500 (best bid) and one 300 (best ask). Sorted: 1 (×100), 3 (×98), 300, 500.
        // k = floor(200 × 1%) = 2. Kept s[2..198): 98 × 1 + 98 × 3: mean 2.
        // Winsorized: the two lowest -> s[2] = 1 (unchanged), 300 and 500 -> s[197] = 3: 100 × 1 + 100 × 3, mean 2,
        // every deviation ±1: variance 1, sd 1. Cap = 2 + 5 × 1 = 7: the 500 and 300 levels become 7.
        var bids = new (string, string)[100];
        var asks = new (string, string)[100];
        for (var i = 0; i < 100; i++)
        {
            bids[i] = (P(100_000 - i), i == 0 ? "500" : i <= 50 ? "1" : "3");
            asks[i] = (P(100_001 + i), i == 0 ? "300" : i <= 50 ? "1" : "3");
        }

        var book = Book("a", bids, asks);

        var result = new RtiApproximator(new RtiOptions()).Compute([book]);

        Assert.Equal(200, result.SizeCapSamples);
        Assert.Equal(Quantity.Parse("7"), result.SizeCap);
        Assert.Equal(2, result.CappedLevels);

        // Capped, each side holds 7 + 50 × 1 + 49 × 3 = 204 BTC, and the spread never passes 0.5% within 1 USD of 1000,
        // so the 1 BTC grid runs out first: v = 204 is the last point both sides reach (uncapped: 50 + 147 + 300 = 497 on the ask side).
        Assert.True(result.DepthExhausted);
        Assert.Equal(Quantity.Parse("204"), result.UtilizedDepth);
        Assert.Equal(205, result.CurvePoints);
    }

    [Fact]
    public void SampleCounts_FewLevelsInsideTheBand_TakesTheBestFiftyOrAllThereAre()
    {
        // Bids: 10 levels 100.00 .. 99.91, then 50 at 90 and below (under 100 × 0.95 = 95): in band 10 -> the best 50.
        // Asks: 80 levels 100.01 .. 100.80, all under 100.01 × 1.05: 80.
        var bids = Enumerable.Range(0, 10).Select(i => Level(10_000 - i)).Concat(Enumerable.Range(0, 50).Select(i => Level(9_000 - i))).ToArray();
        var asks = Enumerable.Range(0, 80).Select(i => Level(10_001 + i)).ToArray();
        Assert.Equal((50, 80), OrderSizeCap.SampleCounts(bids, asks, new RtiOptions()));

        // A side of 30 levels, only the best in band: all 30.
        var shortBids = new[] { Level(10_000) }.Concat(Enumerable.Range(0, 29).Select(i => Level(8_000 - i))).ToArray();
        Assert.Equal((30, 80), OrderSizeCap.SampleCounts(shortBids, asks, new RtiOptions()));
    }

    [Fact]
    public void Compute_TopOfBookSpreadWiderThanDeviation_NoValueSpreadTooWide()
    {
        // ask − bid = 2 > 0.005 × (102 + 100) = 1.01 already at v = 0.
        var result = new RtiApproximator(new RtiOptions()).Compute([Quote("a", "100", "102")]);

        Assert.Null(result.Value);
        Assert.Equal(RtiOutage.SpreadTooWide, result.Outage);
    }

    [Fact]
    public void Compute_BookThinnerThanTheGrid_StopsWhereVolumeEnds()
    {
        // One level of 0.75 a side: v = 0 and v = 0.5 lie inside it (cumulative 0.75 ≥ 0.5), v = 1 does not.
        // v_T = 0.5, two points, both with mid 10005: the average is 10005 whatever the weights.
        var result = new RtiApproximator(HalfBtcSpacing).Compute([Book("a", [("10000", "0.75")], [("10010", "0.75")])]);

        Assert.Equal(10005m, result.Value);
        Assert.Equal(Quantity.Parse("0.5"), result.UtilizedDepth);
        Assert.Equal(2, result.CurvePoints);
        Assert.True(result.DepthExhausted);
    }

    [Fact]
    public void Compute_NoBooks_NoLevelsOutage()
    {
        var result = new RtiApproximator(new RtiOptions()).Compute([]);

        Assert.Equal(RtiOutage.NoLevels, result.Outage);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Compute_SecondEvaluationOfSameBooks_AllocatesNothing()
    {
        var bids = Enumerable.Range(0, 300).Select(i => (P(100_000 - i), "0.5")).ToArray();
        var asks = Enumerable.Range(0, 300).Select(i => (P(100_001 + i), "0.5")).ToArray();
        var books = new List<IOrderBook> { Book("a", bids, asks), Book("b", bids, asks) };
        var rti = new RtiApproximator(new RtiOptions());
        var first = rti.Compute(books);

        var window = AllocationWindow.Open();
        var second = rti.Compute(books);
        window.AssertNothingAllocated();

        Assert.Equal(first, second);
    }

    /// <summary>Price text for a number of cents.</summary>
    private static string P(int cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static BookLevel Level(int cents) => new(Price.Parse(P(cents)), Quantity.Parse("1"));
}
