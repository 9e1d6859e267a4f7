// Instruments for Kraken symbols met in a capture: the price and size steps are the symbol's precisions (the same
// table the book checksum uses, KrakenPrecision), and the fee schedule is unknown, which refuses to be used for money
// rather than guessing. A symbol without a known precision gets the finest step Edgewise prices can hold (10^-9),
// which accepts anything Kraken can write.
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Kraken;

public static class KrakenInstruments
{
    public static SpotPair FromCapture(InstrumentId id, KrakenPrecision? precision)
    {
        ArgumentNullException.ThrowIfNull(id);
        var slash = id.Symbol.IndexOf('/', StringComparison.Ordinal);
        var (baseCurrency, quote) = slash > 0 && slash < id.Symbol.Length - 1 ? (id.Symbol[..slash], id.Symbol[(slash + 1)..]) : (id.Symbol, "UNKNOWN");
        var (priceDecimals, qtyDecimals) = precision is { } p ? (p.Price, p.Qty) : (FixedPoint.Scale, FixedPoint.Scale);
        return new SpotPair(id, new UnknownFeeModel(id.ToString()), baseCurrency, quote,
            new Price(FixedPoint.PowerOfTen(FixedPoint.Scale - priceDecimals)), new Quantity(FixedPoint.PowerOfTen(FixedPoint.Scale - qtyDecimals)));
    }
}
