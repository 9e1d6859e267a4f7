using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Strategies.Indicators;

/// <summary>Builds venue books and trades for the index tests.</summary>
internal static class IndexBooks
{
    /// <summary>2023-11-14T22:13:20Z, a whole second.</summary>
    public const long Now = 1_700_000_000_000_000_000L;

    public const long Second = 1_000_000_000L;

    public static InstrumentId Id(string venue) => new(venue, "BTC-USD");

    /// <summary>A healthy book last changed one second before <see cref="Now"/>; levels as (price, size) text pairs.</summary>
    public static SortedOrderBook Book(string venue, (string Price, string Size)[] bids, (string Price, string Size)[] asks, long? tsRecv = null)
    {
        var book = new SortedOrderBook(Id(venue));
        foreach (var (price, size) in bids)
        {
            book.Set(BookSide.Bid, Price.Parse(price), Quantity.Parse(size));
        }

        foreach (var (price, size) in asks)
        {
            book.Set(BookSide.Ask, Price.Parse(price), Quantity.Parse(size));
        }

        var ts = tsRecv ?? Now - Second;
        book.Touch(ts, ts);
        book.SetHealth(BookHealth.Healthy);
        return book;
    }

    /// <summary>A one-level book of size 1 a side with the given best bid and ask.</summary>
    public static SortedOrderBook Quote(string venue, string bid, string ask, long? tsRecv = null) =>
        Book(venue, [(bid, "1")], [(ask, "1")], tsRecv);

    public static TradeTick Trade(string venue, string size, long tsEvent) =>
        new(Id(venue), Price.Parse("100"), Quantity.Parse(size), OrderSide.Buy, 0, tsEvent, tsEvent);
}
