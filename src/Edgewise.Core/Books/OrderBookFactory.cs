using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>Picks the book implementation that suits an instrument's price range.</summary>
public static class OrderBookFactory
{
    /// <summary>A dense book over [<paramref name="minPrice"/>, <paramref name="maxPrice"/>] in steps of <paramref name="tick"/>.</summary>
    public static DenseOrderBook ForGrid(InstrumentId instrument, Price minPrice, Price maxPrice, Price tick) =>
        new(instrument, minPrice, maxPrice, tick);

    /// <summary>A dense book for a binary contract: prices in [0, 1] with <paramref name="minTick"/> as the bucket width (0.01, 0.001, 0.0001).</summary>
    public static DenseOrderBook ForBinaryContract(InstrumentId instrument, Price minTick) =>
        new(instrument, Price.Zero, new Price(FixedPoint.One), minTick);

    /// <summary>A sorted book for prices without a useful bound (crypto).</summary>
    public static SortedOrderBook ForUnbounded(InstrumentId instrument, int initialCapacity = SortedOrderBook.DefaultCapacity) =>
        new(instrument, initialCapacity);
}
