// Depth-walk behaviour every IOrderBook must show (part of OrderBookContractTests), on the three-by-three
// book: bids 0.42×50, 0.41×70, 0.40×100; asks 0.44×20, 0.45×10, 0.47×30. Arithmetic is in the comments.
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Books;

public abstract partial class OrderBookContractTests
{
    [Fact]
    public void WalkQuantity_BuyAcrossThreeAskLevels_ExactVwapAndWorstPrice()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkQuantity(BookSide.Ask, Q("50"));

        // 20 × 0.44 = 8.80; 10 × 0.45 = 4.50; 20 of 30 × 0.47 = 9.40 → notional 22.70 for 50; VWAP 22.70 / 50 = 0.454.
        Assert.Equal(Q("50"), walk.Filled);
        Assert.Equal(22.70m, walk.Notional);
        Assert.Equal(0.454m, walk.Vwap);
        Assert.Equal(P("0.47"), walk.WorstPrice);
        Assert.Equal(3, walk.Levels);
        Assert.True(walk.Complete);
    }

    [Fact]
    public void WalkQuantity_SellAcrossBidLevels_WalksDownFromBestBid()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkQuantity(BookSide.Bid, Q("130"));

        // 50 × 0.42 = 21.00; 70 × 0.41 = 28.70; 10 of 100 × 0.40 = 4.00 → 53.70.
        Assert.Equal(new DepthWalk(Q("130"), 53.70m, P("0.40"), 3, true), walk);
    }

    [Fact]
    public void WalkQuantity_ExactlyTwoLevels_StopsWithoutTouchingThird()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkQuantity(BookSide.Ask, Q("30"));

        // 20 × 0.44 + 10 × 0.45 = 8.80 + 4.50 = 13.30.
        Assert.Equal(new DepthWalk(Q("30"), 13.30m, P("0.45"), 2, true), walk);
    }

    [Fact]
    public void WalkQuantity_ThinBook_IncompleteWithEverythingFilled()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkQuantity(BookSide.Ask, Q("100"));

        // Only 20 + 10 + 30 = 60 rest: 8.80 + 4.50 + 30 × 0.47 (14.10) = 27.40.
        Assert.Equal(new DepthWalk(Q("60"), 27.40m, P("0.47"), 3, false), walk);
    }

    [Fact]
    public void WalkQuantity_Zero_CompleteWithNothingTouched()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkQuantity(BookSide.Ask, Quantity.Zero);

        Assert.Equal(new DepthWalk(Quantity.Zero, 0m, default, 0, true), walk);
        Assert.Null(walk.Vwap);
    }

    [Fact]
    public void WalkQuantity_EmptySide_Incomplete()
    {
        var book = CreateBook();

        var walk = book.WalkQuantity(BookSide.Ask, Q("1"));

        Assert.Equal(new DepthWalk(Quantity.Zero, 0m, default, 0, false), walk);
    }

    [Fact]
    public void WalkQuantity_Negative_Throws()
    {
        var book = CreateThreeByThree();

        Assert.Throws<ArgumentOutOfRangeException>(() => book.WalkQuantity(BookSide.Ask, Q("-1")));
    }

    [Fact]
    public void WalkNotional_CashEndsInsideThirdLevel_TakesTruncatedPartialQuantity()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkNotional(BookSide.Ask, 20m);

        // Levels 1-2 cost 8.80 + 4.50 = 13.30, leaving 6.70. 6.70 / 0.47 = 14.2553191489... → 14.255319148 (rounded toward zero
        // at 1e-9): 0.47 × 14.255319148 = 6.69999999956 ≤ 6.70, while one more 1e-9 would cost 6.70000000003.
        // Filled 20 + 10 + 14.255319148 = 44.255319148; notional 13.30 + 6.69999999956 = 19.99999999956.
        Assert.Equal(Q("44.255319148"), walk.Filled);
        Assert.Equal(19.99999999956m, walk.Notional);
        Assert.Equal(P("0.47"), walk.WorstPrice);
        Assert.Equal(3, walk.Levels);
        Assert.True(walk.Complete);
    }

    [Fact]
    public void WalkNotional_CashEqualsTwoLevels_TakesBothWholeAndStops()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkNotional(BookSide.Ask, 13.30m);

        Assert.Equal(new DepthWalk(Q("30"), 13.30m, P("0.45"), 2, true), walk);
    }

    [Fact]
    public void WalkNotional_SellSideForCash_WalksBids()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkNotional(BookSide.Bid, 25m);

        // 50 × 0.42 = 21.00 leaves 4.00; 4.00 / 0.41 = 9.756097560975... → 9.756097560; 0.41 × 9.756097560 = 3.9999999996.
        Assert.Equal(new DepthWalk(Q("59.756097560"), 24.9999999996m, P("0.41"), 2, true), walk);
    }

    [Fact]
    public void WalkNotional_ThinBook_Incomplete()
    {
        var book = CreateThreeByThree();

        var walk = book.WalkNotional(BookSide.Ask, 100m);

        // All 60 for 27.40 < 100.
        Assert.Equal(new DepthWalk(Q("60"), 27.40m, P("0.47"), 3, false), walk);
    }

    [Fact]
    public void WalkNotional_NegativeCash_Throws()
    {
        var book = CreateThreeByThree();

        Assert.Throws<ArgumentOutOfRangeException>(() => book.WalkNotional(BookSide.Bid, -0.01m));
    }
}
