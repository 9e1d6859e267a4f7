// Hand-computed behaviour that every IOrderBook must show, run once per implementation (the derived
// SortedOrderBookTests and DenseOrderBookTests supply the book). Prices are binary-contract prices so
// the dense book (grid [0, 1], tick 0.001) can hold them; the sorted book takes the same prices.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Books;

public abstract partial class OrderBookContractTests
{
    protected static readonly InstrumentId TestInstrument = new("test", "KXBTC-TEST");

    protected abstract IOrderBook CreateBook();

    protected static Price P(string text) => Price.Parse(text);

    protected static Quantity Q(string text) => Quantity.Parse(text);

    /// <summary>Bids 0.40×100, 0.41×70, 0.42×50; asks 0.44×20, 0.45×10, 0.47×30, set in a scrambled order.</summary>
    protected IOrderBook CreateThreeByThree()
    {
        var book = CreateBook();
        book.Set(BookSide.Bid, P("0.40"), Q("100"));
        book.Set(BookSide.Bid, P("0.42"), Q("50"));
        book.Set(BookSide.Bid, P("0.41"), Q("70"));
        book.Set(BookSide.Ask, P("0.45"), Q("10"));
        book.Set(BookSide.Ask, P("0.47"), Q("30"));
        book.Set(BookSide.Ask, P("0.44"), Q("20"));
        return book;
    }

    [Fact]
    public void New_Empty_AwaitingSnapshotWithNoLevels()
    {
        var book = CreateBook();

        Assert.Equal(BookHealth.AwaitingSnapshot, book.Health);
        Assert.Null(book.LastUpdateId);
        Assert.Equal(0, book.BidCount);
        Assert.Equal(0, book.AskCount);
        Assert.False(book.TryGetBestBid(out _));
        Assert.False(book.TryGetBestAsk(out _));
        Assert.False(book.IsCrossed);
    }

    [Fact]
    public void Set_LevelsInScrambledOrder_BestBidHighestAndBestAskLowest()
    {
        var book = CreateThreeByThree();

        Assert.True(book.TryGetBestBid(out var bid));
        Assert.True(book.TryGetBestAsk(out var ask));
        Assert.Equal(new BookLevel(P("0.42"), Q("50")), bid);
        Assert.Equal(new BookLevel(P("0.44"), Q("20")), ask);
        Assert.Equal(3, book.BidCount);
        Assert.Equal(3, book.AskCount);
    }

    [Fact]
    public void Set_ZeroAtBestLevels_NextLevelsBecomeBest()
    {
        var book = CreateThreeByThree();

        book.Set(BookSide.Bid, P("0.42"), Quantity.Zero);
        book.Set(BookSide.Ask, P("0.44"), Quantity.Zero);

        Assert.True(book.TryGetBestBid(out var bid));
        Assert.True(book.TryGetBestAsk(out var ask));
        Assert.Equal(new BookLevel(P("0.41"), Q("70")), bid);
        Assert.Equal(new BookLevel(P("0.45"), Q("10")), ask);
        Assert.Equal(2, book.BidCount);
        Assert.Equal(2, book.AskCount);
        Assert.Equal(Quantity.Zero, book.SizeAt(BookSide.Bid, P("0.42")));
    }

    [Fact]
    public void Set_ZeroAtUnknownLevel_NoChange()
    {
        var book = CreateThreeByThree();

        book.Set(BookSide.Bid, P("0.30"), Quantity.Zero);
        book.Set(BookSide.Ask, P("0.42"), Quantity.Zero); // a bid price, but not on the ask side

        Assert.Equal(3, book.BidCount);
        Assert.Equal(3, book.AskCount);
        Assert.Equal(Q("50"), book.SizeAt(BookSide.Bid, P("0.42")));
    }

    [Fact]
    public void Set_ExistingLevel_ReplacesSize()
    {
        var book = CreateThreeByThree();

        book.Set(BookSide.Ask, P("0.45"), Q("12.5"));

        Assert.Equal(Q("12.5"), book.SizeAt(BookSide.Ask, P("0.45")));
        Assert.Equal(3, book.AskCount);
    }

    [Fact]
    public void Set_NegativeSize_ThrowsAndLeavesBookUnchanged()
    {
        var book = CreateThreeByThree();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => book.Set(BookSide.Bid, P("0.41"), Q("-1")));

        Assert.Equal("size", ex.ParamName);
        Assert.Equal(Q("70"), book.SizeAt(BookSide.Bid, P("0.41")));
    }

    [Fact]
    public void CopyLevels_BothSides_BestFirst()
    {
        var book = CreateThreeByThree();
        var levels = new BookLevel[5];

        var bids = book.CopyLevels(BookSide.Bid, levels);
        Assert.Equal(3, bids);
        Assert.Equal(
            [new(P("0.42"), Q("50")), new(P("0.41"), Q("70")), new(P("0.40"), Q("100"))],
            levels[..bids]);

        var asks = book.CopyLevels(BookSide.Ask, levels);
        Assert.Equal(3, asks);
        Assert.Equal(
            [new(P("0.44"), Q("20")), new(P("0.45"), Q("10")), new(P("0.47"), Q("30"))],
            levels[..asks]);
    }

    [Fact]
    public void CopyLevels_ShortDestination_WritesTopLevelsOnly()
    {
        var book = CreateThreeByThree();
        var levels = new BookLevel[2];

        var written = book.CopyLevels(BookSide.Ask, levels);

        Assert.Equal(2, written);
        Assert.Equal([new(P("0.44"), Q("20")), new(P("0.45"), Q("10"))], levels);
    }

    [Fact]
    public void Add_KalshiDeltas_AccumulateThenRemoveAtZero()
    {
        var book = CreateBook();

        book.Add(BookSide.Bid, P("0.55"), Q("100"));
        Assert.Equal(Q("100"), book.SizeAt(BookSide.Bid, P("0.55")));

        book.Add(BookSide.Bid, P("0.55"), Q("-40")); // 100 - 40 = 60
        Assert.Equal(Q("60"), book.SizeAt(BookSide.Bid, P("0.55")));
        Assert.Equal(1, book.BidCount);

        book.Add(BookSide.Bid, P("0.55"), Q("-60")); // 60 - 60 = 0: removed
        Assert.Equal(Quantity.Zero, book.SizeAt(BookSide.Bid, P("0.55")));
        Assert.Equal(0, book.BidCount);
        Assert.False(book.TryGetBestBid(out _));
    }

    [Fact]
    public void Add_ResultBelowZero_RemovesLevel()
    {
        var book = CreateThreeByThree();

        book.Add(BookSide.Ask, P("0.44"), Q("-25")); // 20 - 25 = -5 ≤ 0: removed

        Assert.Equal(2, book.AskCount);
        Assert.True(book.TryGetBestAsk(out var ask));
        Assert.Equal(P("0.45"), ask.Price);
    }

    [Fact]
    public void Add_NegativeDeltaAtUnknownLevel_NoChange()
    {
        var book = CreateThreeByThree();

        book.Add(BookSide.Bid, P("0.43"), Q("-5"));

        Assert.Equal(3, book.BidCount);
        Assert.True(book.TryGetBestBid(out var bid));
        Assert.Equal(P("0.42"), bid.Price);
    }

    [Theory]
    [InlineData("0.43", false)]
    [InlineData("0.44", true)] // bid equal to ask counts as crossed
    [InlineData("0.46", true)]
    public void IsCrossed_BidAgainstBestAsk044_TrueWhenBidAtOrAboveAsk(string bidPrice, bool crossed)
    {
        var book = CreateThreeByThree();
        book.SetHealth(BookHealth.Healthy);

        book.Set(BookSide.Bid, P(bidPrice), Q("1"));

        Assert.Equal(crossed, book.IsCrossed);
        Assert.Equal(BookHealth.Healthy, book.Health); // reported, never acted on by the book
    }

    [Fact]
    public void IsCrossed_OneSideOnly_False()
    {
        var book = CreateBook();
        book.Set(BookSide.Bid, P("0.90"), Q("1"));

        Assert.False(book.IsCrossed);
    }

    [Fact]
    public void IsStale_AgeAtAndBeyondLimit_FreshAtLimitStaleOneNanosecondLater()
    {
        var book = CreateBook();
        book.Touch(tsEvent: 900, tsRecv: 1_000);

        Assert.Equal(900, book.TsEvent);
        Assert.Equal(1_000, book.TsRecv);
        Assert.False(book.IsStale(nowNs: 1_500, maxAgeNs: 500)); // age 500 = limit
        Assert.True(book.IsStale(nowNs: 1_501, maxAgeNs: 500)); // age 501 > limit
    }

    [Fact]
    public void IsStale_NeverTouched_True()
    {
        var book = CreateBook();

        Assert.True(book.IsStale(nowNs: 0, maxAgeNs: long.MaxValue));
    }

    [Fact]
    public void Clear_PopulatedHealthyBook_EmptyAwaitingSnapshotWithoutUpdateId()
    {
        var book = CreateThreeByThree();
        book.SetHealth(BookHealth.Healthy);
        book.LastUpdateId = 42;
        book.Touch(5, 6);

        book.Clear();

        Assert.Equal(BookHealth.AwaitingSnapshot, book.Health);
        Assert.Null(book.LastUpdateId);
        Assert.Equal(0, book.BidCount);
        Assert.Equal(0, book.AskCount);
        Assert.False(book.TryGetBestBid(out _));
        Assert.False(book.TryGetBestAsk(out _));
        Assert.Equal(Quantity.Zero, book.SizeAt(BookSide.Bid, P("0.42")));
        Assert.Equal(6, book.TsRecv);
    }

    [Fact]
    public void SetHealth_Values_StoredAsGiven()
    {
        var book = CreateBook();

        book.SetHealth(BookHealth.Healthy);
        Assert.Equal(BookHealth.Healthy, book.Health);
        book.SetHealth(BookHealth.Gap);
        Assert.Equal(BookHealth.Gap, book.Health);
        Assert.Throws<ArgumentOutOfRangeException>(() => book.SetHealth((BookHealth)99));
    }

    [Fact]
    public void Set_UnknownSide_Throws()
    {
        var book = CreateBook();

        Assert.Throws<ArgumentOutOfRangeException>(() => book.Set((BookSide)7, P("0.5"), Q("1")));
    }

    [Fact]
    public void ApplyTo_SnapshotThenSignedDelta_BookMatchesVenueState()
    {
        var book = CreateThreeByThree();
        var update = new BookUpdate();
        update.Reset(TestInstrument, BookUpdateKind.Snapshot, tsEvent: 10, tsRecv: 11);
        update.Add(BookSide.Bid, P("0.30"), Q("5"));
        update.Add(BookSide.Ask, P("0.70"), Q("8"));

        update.ApplyTo(book);

        // The snapshot replaced the three-by-three book entirely.
        Assert.Equal(1, book.BidCount);
        Assert.Equal(1, book.AskCount);
        Assert.Equal(11, book.TsRecv);

        update.Reset(TestInstrument, BookUpdateKind.SignedDelta, tsEvent: 12, tsRecv: 13);
        update.Add(BookSide.Bid, P("0.30"), Q("-2")); // 5 - 2 = 3
        update.Add(BookSide.Ask, P("0.70"), Q("-8")); // 8 - 8 = 0: removed
        update.ApplyTo(book);

        Assert.True(book.TryGetBestBid(out var bid));
        Assert.Equal(new BookLevel(P("0.30"), Q("3")), bid);
        Assert.Equal(0, book.AskCount);
        Assert.Equal(12, book.TsEvent);
    }
}
