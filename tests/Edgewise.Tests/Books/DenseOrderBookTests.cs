using Edgewise.Core.Books;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Books;

public sealed class DenseOrderBookTests : OrderBookContractTests
{
    protected override IOrderBook CreateBook() => OrderBookFactory.ForBinaryContract(TestInstrument, P("0.001"));

    [Theory]
    [InlineData("0.4205")] // between two 0.001 ticks
    [InlineData("1.001")] // above the grid
    [InlineData("-0.001")] // below the grid
    public void Set_PriceOffGrid_ThrowsNamingPrice(string price)
    {
        var book = CreateBook();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => book.Set(BookSide.Bid, P(price), Q("1")));

        Assert.Equal("price", ex.ParamName);
        Assert.Contains(price, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, book.BidCount);
    }

    [Fact]
    public void Add_PriceOffGrid_Throws()
    {
        var book = CreateBook();

        Assert.Throws<ArgumentOutOfRangeException>(() => book.Add(BookSide.Ask, P("0.5005"), Q("1")));
    }

    [Fact]
    public void Set_GridNotStartingAtZero_ChecksTicksFromMinimum()
    {
        // Grid 0.015, 0.025, ..., 0.995: 0.02 is a multiple of the tick from zero but not from the minimum.
        var book = new DenseOrderBook(TestInstrument, P("0.015"), P("0.995"), P("0.01"));

        book.Set(BookSide.Bid, P("0.015"), Q("1"));
        book.Set(BookSide.Ask, P("0.995"), Q("2"));

        Assert.Throws<ArgumentOutOfRangeException>(() => book.Set(BookSide.Bid, P("0.02"), Q("1")));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.Set(BookSide.Bid, P("0.005"), Q("1")));
        Assert.True(book.TryGetBestBid(out var bid));
        Assert.Equal(P("0.015"), bid.Price);
        Assert.True(book.TryGetBestAsk(out var ask));
        Assert.Equal(P("0.995"), ask.Price);
    }

    [Fact]
    public void SizeAt_PriceOffGrid_Zero()
    {
        var book = CreateBook();

        Assert.Equal(Quantity.Zero, book.SizeAt(BookSide.Bid, P("0.4205")));
        Assert.Equal(Quantity.Zero, book.SizeAt(BookSide.Bid, P("7")));
    }

    [Fact]
    public void Set_RemoveBestWithFarLevelsLeft_ScansToNextLevel()
    {
        // Tick 0.0001 over [0, 1]: 10,001 cells; levels at both ends so removing the best scans almost the whole side.
        var book = OrderBookFactory.ForBinaryContract(TestInstrument, P("0.0001"));
        book.Set(BookSide.Bid, P("0.0001"), Q("3"));
        book.Set(BookSide.Bid, P("0.9999"), Q("4"));
        book.Set(BookSide.Ask, P("1"), Q("5"));
        book.Set(BookSide.Ask, P("0.0002"), Q("6"));

        book.Set(BookSide.Bid, P("0.9999"), Quantity.Zero);
        book.Set(BookSide.Ask, P("0.0002"), Quantity.Zero);

        Assert.True(book.TryGetBestBid(out var bid));
        Assert.Equal(new BookLevel(P("0.0001"), Q("3")), bid);
        Assert.True(book.TryGetBestAsk(out var ask));
        Assert.Equal(new BookLevel(P("1"), Q("5")), ask);
    }

    [Fact]
    public void ForBinaryContract_Tick0001_GridZeroToOne()
    {
        var book = OrderBookFactory.ForBinaryContract(TestInstrument, P("0.001"));

        Assert.Equal(Price.Zero, book.MinPrice);
        Assert.Equal(P("1"), book.MaxPrice);
        Assert.Equal(P("0.001"), book.Tick);
        Assert.True(book.IsOnGrid(P("0.999")));
        Assert.False(book.IsOnGrid(P("0.9995")));
    }

    [Fact]
    public void Constructor_NonPositiveTick_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseOrderBook(TestInstrument, Price.Zero, P("1"), Price.Zero));
    }

    [Fact]
    public void Constructor_RangeNotWholeTicks_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseOrderBook(TestInstrument, Price.Zero, P("1.005"), P("0.01")));
    }

    [Fact]
    public void Constructor_MaxBelowMin_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseOrderBook(TestInstrument, P("0.5"), P("0.4"), P("0.1")));
    }

    [Fact]
    public void Constructor_TooManyBuckets_Throws()
    {
        // [0, 1] in steps of 1e-9 would be 1,000,000,001 cells.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DenseOrderBook(TestInstrument, Price.Zero, P("1"), new Price(1)));

        Assert.Equal("tick", ex.ParamName);
    }
}
