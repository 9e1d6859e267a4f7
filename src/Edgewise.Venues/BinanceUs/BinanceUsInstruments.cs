// Instruments for Binance.US symbols met in a capture. Live trading takes price and size steps from
// exchangeInfo's PRICE_FILTER / LOT_SIZE (FACTS §4.4); a capture does not carry them, so replay registers the
// grid the venue's text can express (8 decimals, which is what Binance writes) and an unknown fee schedule,
// which refuses to be used for money rather than guessing.
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Venues.BinanceUs;

public static class BinanceUsInstruments
{
    /// <summary>Binance writes prices and quantities with 8 decimals.</summary>
    public static readonly Price TextPrecisionStep = new(10);

    public static SpotPair FromCapture(InstrumentId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var (baseCurrency, quote) = SplitSymbol(id.Symbol);
        return new SpotPair(id, new UnknownFeeModel(id.ToString()), baseCurrency, quote, TextPrecisionStep, new Quantity(TextPrecisionStep.Raw));
    }

    private static (string Base, string Quote) SplitSymbol(string symbol)
    {
        // Binance symbols concatenate base and quote; the quote is one of a few known suffixes.
        foreach (var quote in (ReadOnlySpan<string>)["USDT", "USDC", "BUSD", "USD", "BTC", "ETH"])
        {
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.Ordinal))
            {
                return (symbol[..^quote.Length], quote);
            }
        }

        return (symbol, "UNKNOWN");
    }
}
