// Instruments for Coinbase products met in a capture. Live trading takes increments from GET /products/{id}
// (BTC-USD: price 0.01, base 0.00000001, FACTS §1.7); a capture does not carry them, so replay registers the grid
// Coinbase's text can express (8 decimals: sizes are written with 8, prices with at most 8 across products) and an
// unknown fee schedule, which refuses to be used for money rather than guessing.
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Coinbase;

public static class CoinbaseInstruments
{
    /// <summary>Coinbase writes sizes (and at most prices) with 8 decimals.</summary>
    public static readonly Price TextPrecisionStep = new(10);

    public static SpotPair FromCapture(InstrumentId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var dash = id.Symbol.IndexOf('-', StringComparison.Ordinal);
        var (baseCurrency, quote) = dash > 0 && dash < id.Symbol.Length - 1 ? (id.Symbol[..dash], id.Symbol[(dash + 1)..]) : (id.Symbol, "UNKNOWN");
        return new SpotPair(id, new UnknownFeeModel(id.ToString()), baseCurrency, quote, TextPrecisionStep, new Quantity(TextPrecisionStep.Raw));
    }
}
