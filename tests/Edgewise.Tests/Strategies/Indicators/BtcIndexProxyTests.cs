using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Strategies.Indicators;
using static Edgewise.Tests.Strategies.Indicators.IndexBooks;

namespace Edgewise.Tests.Strategies.Indicators;

public class BtcIndexProxyTests
{
    private readonly Dictionary<InstrumentId, IOrderBook> _books = [];

    private BtcIndexProxy Proxy(BtcIndexOptions options, params string[] venues)
    {
        var proxy = new BtcIndexProxy(options, id => _books.TryGetValue(id, out var book) ? book : null);
        foreach (var venue in venues)
        {
            proxy.AddConstituent(Id(venue));
        }

        return proxy;
    }

    private void Put(SortedOrderBook book) => _books[book.Instrument] = book;

    private static VenueContribution Venue(IndexValue value, string venue) => value.Venues.Single(v => v.Venue == venue);

    [Fact]
    public void Compute_ThreeVenuesWithRecentVolume_WeightsMidsByVolumeInTheWindow()
    {
        Put(Quote("coinbase", "99.5", "100.5")); // mid 100
        Put(Quote("kraken", "100.9", "101.1")); // mid 101
        Put(Quote("bitstamp", "102", "103")); // mid 102.5
        var proxy = Proxy(new BtcIndexOptions(), "coinbase", "kraken", "bitstamp");

        // Window (now − 300 s, now]: coinbase 0.4 + 0.6 = 1; kraken 3; bitstamp's 2 at exactly now − 300 s has left, 1 remains.
        Assert.True(proxy.OnTrade(Trade("coinbase", "0.4", Now - 60 * Second)));
        Assert.True(proxy.OnTrade(Trade("coinbase", "0.6", Now - 10 * Second)));
        Assert.True(proxy.OnTrade(Trade("kraken", "3", Now - 200 * Second)));
        Assert.True(proxy.OnTrade(Trade("bitstamp", "2", Now - 300 * Second)));
        Assert.True(proxy.OnTrade(Trade("bitstamp", "1", Now - 30 * Second)));
        Assert.False(proxy.OnTrade(Trade("gemini", "50", Now - Second))); // not a constituent

        var value = proxy.Compute(Now);

        // Weights 1 : 3 : 1 of 5 = 0.2, 0.6, 0.2; mid = 0.2 × 100 + 0.6 × 101 + 0.2 × 102.5 = 20 + 60.6 + 20.5 = 101.1.
        Assert.True(value.IsUsable);
        Assert.Equal(MidWeighting.RecentVolume, value.WeightingUsed);
        Assert.Equal(101.1m, value.WeightedMid);
        Assert.Equal([0.2m, 0.6m, 0.2m], value.Venues.Select(v => v.Weight));
        Assert.Equal([1m, 3m, 1m], value.Venues.Select(v => v.RecentVolume));
        Assert.Equal([100m, 101m, 102.5m], value.Venues.Select(v => v.Mid!.Value));
        Assert.All(value.Venues, v => Assert.True(v.Included));
        Assert.Null(value.OutageReason);
    }

    [Fact]
    public void Compute_NoTradesYet_FallsBackToEqualWeights()
    {
        Put(Quote("coinbase", "99.5", "100.5"));
        Put(Quote("kraken", "100.9", "101.1"));
        Put(Quote("bitstamp", "102", "103"));
        var proxy = Proxy(new BtcIndexOptions(), "coinbase", "kraken", "bitstamp");

        var value = proxy.Compute(Now);

        // (100 + 101 + 102.5) / 3 = 303.5 / 3 = 101.1666…, rounded half-even to 9 decimals.
        Assert.Equal(MidWeighting.Equal, value.WeightingUsed);
        Assert.Equal(101.166666667m, value.WeightedMid);
    }

    [Fact]
    public void Compute_FixedWeights_UsesConfiguredWeightsOfIncludedVenues()
    {
        Put(Quote("coinbase", "99.5", "100.5"));
        Put(Quote("kraken", "100.9", "101.1"));
        Put(Quote("bitstamp", "102", "103"));
        var options = new BtcIndexOptions
        {
            Weighting = MidWeighting.Fixed,
            FixedWeights = new Dictionary<string, decimal> { ["coinbase"] = 2m, ["kraken"] = 1m, ["bitstamp"] = 1m },
        };
        var proxy = Proxy(options, "coinbase", "kraken", "bitstamp");

        var value = proxy.Compute(Now);

        // (2 × 100 + 101 + 102.5) / 4 = 403.5 / 4 = 100.875.
        Assert.Equal(100.875m, value.WeightedMid);
        Assert.Equal([0.5m, 0.25m, 0.25m], value.Venues.Select(v => v.Weight));
    }

    [Fact]
    public void AddConstituent_FixedWeightingWithoutWeightOrSameVenueTwice_Throws()
    {
        var fixedProxy = Proxy(new BtcIndexOptions { Weighting = MidWeighting.Fixed });
        Assert.Throws<ArgumentException>(() => fixedProxy.AddConstituent(Id("kraken")));

        var proxy = Proxy(new BtcIndexOptions(), "kraken");
        Assert.Throws<ArgumentException>(() => proxy.AddConstituent(new InstrumentId("kraken", "XBT/USD")));
    }

    [Theory]
    [InlineData(VenueExclusion.NoBook)]
    [InlineData(VenueExclusion.Unhealthy)]
    [InlineData(VenueExclusion.Stale)]
    [InlineData(VenueExclusion.OneSided)]
    [InlineData(VenueExclusion.Crossed)]
    [InlineData(VenueExclusion.DeviatesFromMedian)]
    public void Compute_FourthVenueFailsOneRule_ExcludedWithThatReasonAndOthersAveraged(VenueExclusion reason)
    {
        Put(Quote("coinbase", "99.5", "100.5")); // mid 100
        Put(Quote("kraken", "100.5", "101.5")); // mid 101
        Put(Quote("bitstamp", "101.5", "102.5")); // mid 102
        switch (reason)
        {
            case VenueExclusion.NoBook:
                break;
            case VenueExclusion.Unhealthy:
                var gap = Quote("binanceus", "100.5", "101.5");
                gap.SetHealth(BookHealth.Gap);
                Put(gap);
                break;
            case VenueExclusion.Stale:
                Put(Quote("binanceus", "100.5", "101.5", tsRecv: Now - 30 * Second - 1)); // 1 ns past the 30 s limit
                break;
            case VenueExclusion.OneSided:
                Put(Book("binanceus", [("100.5", "1")], []));
                break;
            case VenueExclusion.Crossed:
                Put(Quote("binanceus", "101.5", "100.5")); // bid above ask, still reported healthy
                break;
            case VenueExclusion.DeviatesFromMedian:
                Put(Quote("binanceus", "119.5", "120.5")); // mid 120; median of 100, 101, 102 is 101: 19 / 101 = 18.8% > 10%
                break;
        }

        var proxy = Proxy(new BtcIndexOptions(), "coinbase", "kraken", "bitstamp", "binanceus");

        var value = proxy.Compute(Now);

        var excluded = Venue(value, "binanceus");
        Assert.Equal(reason, excluded.Exclusion);
        Assert.False(excluded.Included);
        Assert.Equal(0m, excluded.Weight);
        Assert.Equal(3, value.IncludedVenues);
        Assert.True(value.IsUsable);

        // Equal weights over the three others: (100 + 101 + 102) / 3 = 101.
        Assert.Equal(101m, value.WeightedMid);
        Assert.Contains($"binanceus mid=", value.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason.ToString(), value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_BookExactlyThirtySecondsOld_IsStillIncluded()
    {
        Put(Quote("coinbase", "99.5", "100.5", tsRecv: Now - 30 * Second));
        Put(Quote("kraken", "100.5", "101.5"));
        var proxy = Proxy(new BtcIndexOptions(), "coinbase", "kraken");

        Assert.Equal(VenueExclusion.None, Venue(proxy.Compute(Now), "coinbase").Exclusion);
    }

    [Fact]
    public void Compute_OutlierVenue_DeviationsMeasuredAgainstMedianOfTheOthers()
    {
        Put(Quote("coinbase", "99.5", "100.5")); // mid 100
        Put(Quote("kraken", "100.5", "101.5")); // mid 101
        Put(Quote("bitstamp", "101.5", "102.5")); // mid 102
        Put(Quote("binanceus", "119.5", "120.5")); // mid 120
        var proxy = Proxy(new BtcIndexOptions(), "coinbase", "kraken", "bitstamp", "binanceus");

        var value = proxy.Compute(Now);

        // coinbase: others 101, 102, 120 -> median 102, |100 − 102| / 102 = 0.0196078…
        // kraken: others 100, 102, 120 -> median 102, 1 / 102 = 0.0098039…
        // bitstamp: others 100, 101, 120 -> median 101, 1 / 101 = 0.0099009…
        // binanceus: others 100, 101, 102 -> median 101, 19 / 101 = 0.1881188… > 0.10: excluded
        Assert.Equal([0.019608m, 0.009804m, 0.009901m, 0.188119m], value.Venues.Select(v => decimal.Round(v.Deviation!.Value, 6)));
        Assert.Equal(
            [VenueExclusion.None, VenueExclusion.None, VenueExclusion.None, VenueExclusion.DeviatesFromMedian],
            value.Venues.Select(v => v.Exclusion));
    }

    [Fact]
    public void Compute_DeviatingVenueComesBack_OnlyWithinHalfTheThreshold()
    {
        Put(Quote("coinbase", "99.5", "100.5")); // mid 100
        Put(Quote("kraken", "100.5", "101.5")); // mid 101
        Put(Quote("bitstamp", "101.5", "102.5")); // mid 102; the median of these three is 101
        var proxy = Proxy(new BtcIndexOptions(), "coinbase", "kraken", "bitstamp", "binanceus");

        Put(Quote("binanceus", "119.5", "120.5")); // 19 / 101 = 18.8% > 10%: out
        Assert.Equal(VenueExclusion.DeviatesFromMedian, Venue(proxy.Compute(Now), "binanceus").Exclusion);

        Put(Quote("binanceus", "107.5", "108.5")); // 7 / 101 = 6.93%: inside 10% but not inside 5%: stays out
        var stillOut = Venue(proxy.Compute(Now), "binanceus");
        Assert.Equal(VenueExclusion.DeviatesFromMedian, stillOut.Exclusion);
        Assert.Equal(0.069307m, decimal.Round(stillOut.Deviation!.Value, 6));

        Put(Quote("binanceus", "105.5", "106.5")); // 5 / 101 = 4.95% ≤ 5%: back in
        var back = proxy.Compute(Now);
        Assert.Equal(VenueExclusion.None, Venue(back, "binanceus").Exclusion);
        Assert.Equal(4, back.IncludedVenues);

        Put(Quote("binanceus", "107.5", "108.5")); // included again, 6.93% no longer excludes it
        Assert.Equal(VenueExclusion.None, Venue(proxy.Compute(Now), "binanceus").Exclusion);
    }

    [Fact]
    public void Compute_VenueNeverExcluded_SevenPercentAwayIsIncluded()
    {
        Put(Quote("coinbase", "99.5", "100.5"));
        Put(Quote("kraken", "100.5", "101.5"));
        Put(Quote("bitstamp", "101.5", "102.5"));
        Put(Quote("binanceus", "107.5", "108.5")); // 7 / 101 = 6.93% < 10%, and no exclusion to recover from
        var proxy = Proxy(new BtcIndexOptions(), "coinbase", "kraken", "bitstamp", "binanceus");

        Assert.Equal(VenueExclusion.None, Venue(proxy.Compute(Now), "binanceus").Exclusion);
    }

    [Fact]
    public void Compute_FewerVenuesThanMinimum_DataOutageWithNoValueAndReasons()
    {
        Put(Quote("coinbase", "99.5", "100.5"));
        Put(Quote("kraken", "100.5", "101.5"));
        Put(Quote("bitstamp", "101.5", "102.5", tsRecv: Now - 31 * Second));
        var proxy = Proxy(new BtcIndexOptions { MinIncludedVenues = 3 }, "coinbase", "kraken", "bitstamp", "binanceus");

        var value = proxy.OnSecond(Now);

        Assert.False(value.IsUsable);
        Assert.Equal(2, value.IncludedVenues);
        Assert.Null(value.WeightedMid);
        Assert.Null(value.RtiValue);
        Assert.Equal(RtiOutage.TooFewVenues, value.Rti.Outage);
        Assert.Equal(
            "DATA_OUTAGE: 2 of 4 venues included, 3 required (bitstamp: Stale, binanceus: NoBook)",
            value.OutageReason);

        // The second is recorded without a value, so a settlement average counts it as missing.
        Assert.True(proxy.History.TryGet(Now / Second, out var print));
        Assert.Null(print.Rti);
        Assert.Null(print.WeightedMid);
    }

    [Fact]
    public void OnSecond_UsableIndex_RecordsBothValuesForTheSecond()
    {
        Put(Quote("coinbase", "99.5", "100.5"));
        Put(Quote("kraken", "100.5", "101.5"));
        var proxy = Proxy(new BtcIndexOptions(), "coinbase", "kraken");

        var value = proxy.OnSecond(Now + 3 * Second + 2_000_000); // 2 ms late: still the print of second Now + 3

        Assert.True(proxy.History.TryGet(Now / Second + 3, out var print));
        Assert.Equal(value.WeightedMid, print.WeightedMid!.Value.ToDecimal());
        Assert.Equal(value.RtiValue, print.Rti!.Value.ToDecimal());
        Assert.Equal(100.5m, value.WeightedMid); // (100 + 101) / 2
    }

    [Fact]
    public void Constructor_InvalidOption_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new BtcIndexProxy(new BtcIndexOptions { DeviationThreshold = 0m }, _ => null));
        Assert.Equal("DeviationThreshold", ex.ParamName);

        var rti = Assert.Throws<ArgumentOutOfRangeException>(
            () => new BtcIndexProxy(new BtcIndexOptions { Rti = new RtiOptions { Spacing = default } }, _ => null));
        Assert.Equal("Spacing", rti.ParamName);
    }
}
