// Instruments for Bitstamp pairs met in a capture ("btcusd"). Live trading takes decimals from the trading-pairs
// info; a capture does not carry them, so replay registers the grid Bitstamp's text can express (8 decimals: amounts
// are written with 8, prices with at most 8) and an unknown fee schedule, which refuses to be used for money rather
// than guessing.
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Bitstamp;

public static class BitstampInstruments
{
    /// <summary>Bitstamp writes amounts (and at most prices) with 8 decimals.</summary>
    public static readonly Price TextPrecisionStep = new(10);

    public static SpotPair FromCapture(InstrumentId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var (baseCurrency, quote) = SplitPair(id.Symbol);
        return new SpotPair(id, new UnknownFeeModel(id.ToString()), baseCurrency, quote, TextPrecisionStep, new Quantity(TextPrecisionStep.Raw));
    }

    private static (string Base, string Quote) SplitPair(string pair)
    {
        // Bitstamp pairs concatenate base and quote in lower case; the quote is one of a few known suffixes.
        foreach (var quote in (ReadOnlySpan<string>)["usdt", "usdc", "usd", "eur", "gbp", "btc", "eth"])
        {
            if (pair.Length > quote.Length && pair.EndsWith(quote, StringComparison.Ordinal))
            {
                return (pair[..^quote.Length].ToUpperInvariant(), quote.ToUpperInvariant());
            }
        }

        return (pair.ToUpperInvariant(), "UNKNOWN");
    }
}
