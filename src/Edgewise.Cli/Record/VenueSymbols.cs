// How `edgewise record --symbols BTC-USD` names a pair on each venue. The canonical form is BASE-QUOTE in upper case;
// by default each venue gets its own spelling of the same pair:
//   coinbase  BTC-USD   (product id)            kraken     BTC/USD   (WS v2 symbol; v2 writes BTC, not XBT)
//   bitstamp  btcusd    (channel and REST name) binanceus  BTCUSD
// Binance.US lists both BTCUSD and BTCUSDT. The default is BTCUSD, the same USD quote as the other three venues, so
// their books compare without a USDT/USD rate (the BTC index mixes them); BTCUSDT is usually the deeper book, and
// a configuration can choose it with venues.binanceUs.symbols {"BTC-USD": "BTCUSDT"}. Any venue's mapping can be
// overridden the same way (venues.<venue>.symbols).
using Edgewise.Cli.Configuration;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Bitstamp;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Kraken;

namespace Edgewise.Cli.Record;

internal static class VenueSymbols
{
    /// <summary>The venues `edgewise record` can record, in the order they are started and shown.</summary>
    public static IReadOnlyList<string> Venues { get; } =
        [CoinbaseParser.VenueName, KrakenParser.VenueName, BitstampParser.VenueName, BinanceUsParser.VenueName];

    /// <summary>True for BASE-QUOTE in upper-case letters and digits ("BTC-USD").</summary>
    public static bool TryParse(string canonical, out string baseCurrency, out string quoteCurrency)
    {
        baseCurrency = quoteCurrency = string.Empty;
        var parts = canonical.Split('-');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))))
        {
            return false;
        }

        (baseCurrency, quoteCurrency) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>The venue's symbol for a canonical pair: the configured override, else the default spelling above.</summary>
    public static string Map(string venue, string canonical, VenueConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Symbols.TryGetValue(canonical, out var configured))
        {
            return configured;
        }

        if (!TryParse(canonical, out var b, out var q))
        {
            throw new ArgumentException($"'{canonical}' is not BASE-QUOTE.", nameof(canonical));
        }

        return venue switch
        {
            CoinbaseParser.VenueName => $"{b}-{q}",
            KrakenParser.VenueName => $"{b}/{q}",
            BitstampParser.VenueName => (b + q).ToLowerInvariant(),
            BinanceUsParser.VenueName => b + q,
            _ => throw new ArgumentException($"'{venue}' is not a venue record knows.", nameof(venue)),
        };
    }

    /// <summary>The configuration of a venue and its key ("venues.binanceUs").</summary>
    public static (VenueConfig Config, string Key) ConfigOf(string venue, EdgewiseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return venue switch
        {
            CoinbaseParser.VenueName => (config.Venues.Coinbase, "venues.coinbase"),
            KrakenParser.VenueName => (config.Venues.Kraken, "venues.kraken"),
            BitstampParser.VenueName => (config.Venues.Bitstamp, "venues.bitstamp"),
            BinanceUsParser.VenueName => (config.Venues.BinanceUs, "venues.binanceUs"),
            _ => throw new ArgumentException($"'{venue}' is not a venue record knows.", nameof(venue)),
        };
    }

    /// <summary>Kraken's checksum precisions: BTC/USD built in (FACTS §2.5), laid under venues.kraken.precisions. Record and replay use the same.</summary>
    public static IReadOnlyDictionary<string, KrakenPrecision> KrakenPrecisions(EdgewiseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var precisions = new Dictionary<string, KrakenPrecision>(KrakenPrecision.Defaults, StringComparer.Ordinal);
        foreach (var (symbol, precision) in config.Venues.Kraken.Precisions)
        {
            precisions[symbol] = new KrakenPrecision(precision.Price, precision.Qty);
        }

        return precisions;
    }
}
