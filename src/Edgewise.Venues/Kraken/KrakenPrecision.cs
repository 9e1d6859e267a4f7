namespace Edgewise.Venues.Kraken;

/// <summary>
/// The decimals Kraken prints a pair's prices and quantities with (instrument channel price_precision/qty_precision,
/// REST AssetPairs pair_decimals/lot_decimals). The book checksum is computed over numbers printed at exactly these
/// precisions (FACTS §2.4), so a wrong value shows as checksum failures on every message.
/// </summary>
public readonly record struct KrakenPrecision(int Price, int Qty)
{
    /// <summary>BTC/USD: price precision 1, qty precision 8 (FACTS §2.5, the Kraken docs' checksum example).</summary>
    public static readonly KrakenPrecision BtcUsd = new(1, 8);

    /// <summary>Precisions known without asking the venue: BTC/USD only. Other pairs must be configured.</summary>
    public static IReadOnlyDictionary<string, KrakenPrecision> Defaults { get; } =
        new Dictionary<string, KrakenPrecision>(StringComparer.Ordinal) { ["BTC/USD"] = BtcUsd }.AsReadOnly();
}
