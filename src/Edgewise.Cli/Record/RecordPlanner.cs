// Turns the configuration and the command's arguments into a validated RecordPlan, or into the list of problems that
// prevent one, each naming its argument or configuration key. URLs come from venues.<venue>.wsUrl / restUrl, so a
// test (or a staging setup) points the recorder elsewhere with --config. REST snapshot endpoints are absolute paths
// as the venues define them and as captures record them (/api/v2/order_book/btcusd/, /api/v3/depth?...), so only the
// scheme, host and port of a restUrl are used.
using System.ComponentModel.DataAnnotations;
using Edgewise.Cli.Configuration;
using Edgewise.Core.Contracts;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Bitstamp;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kraken;

namespace Edgewise.Cli.Record;

internal static class RecordPlanner
{
    /// <param name="config">The loaded configuration (URLs, symbol overrides, Kraken precisions).</param>
    /// <param name="venues">Venue names; null records every enabled venue of <see cref="VenueSymbols.Venues"/>.</param>
    /// <param name="symbols">Canonical pairs ("BTC-USD").</param>
    /// <param name="outDirectory">Where the capture files go.</param>
    /// <param name="adjustConnection">Applied to each venue's connection settings (tests on a fast-forwarded clock relax staleness).</param>
    public static (RecordPlan? Plan, IReadOnlyList<string> Errors) Plan(EdgewiseConfig config, IReadOnlyList<string>? venues,
        IReadOnlyList<string> symbols, string outDirectory, Func<FeedConnectionSettings, FeedConnectionSettings>? adjustConnection = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(symbols);
        var errors = new List<string>();
        if (symbols.Count == 0)
        {
            errors.Add("--symbols: name at least one pair (e.g. BTC-USD)");
        }

        foreach (var bad in symbols.Where(s => !VenueSymbols.TryParse(s, out _, out _)))
        {
            errors.Add($"--symbols: '{bad}' is not BASE-QUOTE in upper case (e.g. BTC-USD)");
        }

        if (symbols.Distinct(StringComparer.Ordinal).Count() != symbols.Count)
        {
            errors.Add("--symbols: a pair is named twice");
        }

        if (string.IsNullOrWhiteSpace(outDirectory))
        {
            errors.Add("--out: name the directory to write the capture files to");
        }

        var chosen = venues ?? [.. VenueSymbols.Venues.Where(v => VenueSymbols.ConfigOf(v, config).Config.Enabled)];
        foreach (var unknown in chosen.Where(v => !VenueSymbols.Venues.Contains(v, StringComparer.Ordinal)))
        {
            errors.Add($"--venues: unknown venue '{unknown}'; record knows {string.Join(", ", VenueSymbols.Venues)}");
        }

        if (chosen.Count == 0 || chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Count)
        {
            errors.Add("--venues: name each venue once, at least one");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var planned = new List<RecordVenue>();
        foreach (var venue in chosen)
        {
            var (venueConfig, key) = VenueSymbols.ConfigOf(venue, config);
            if (!venueConfig.Enabled)
            {
                errors.Add($"{key}.enabled: {venue} is disabled in the configuration");
                continue;
            }

            var mapped = symbols.Select(s => VenueSymbols.Map(venue, s, venueConfig)).ToList();
            if (Build(venue, mapped, venueConfig, config, key, errors, adjustConnection ?? (static c => c)) is { } create)
            {
                planned.Add(new RecordVenue(venue, mapped, create));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new RecordPlan(planned, outDirectory), errors);
    }

    private static Func<IMarketDataSink, IFrameSink, TimeProvider, IFeed>? Build(string venue, List<string> symbols, VenueConfig venueConfig,
        EdgewiseConfig config, string key, List<string> errors, Func<FeedConnectionSettings, FeedConnectionSettings> adjust)
    {
        var ws = new Uri(venueConfig.WsUrl);
        var rest = Origin(new Uri(venueConfig.RestUrl));
        switch (venue)
        {
            case CoinbaseParser.VenueName:
                {
                    var options = new CoinbaseDataOptions { WebSocketUri = ws, ProductIds = symbols };
                    options = options with { Connection = adjust(options.Connection) };
                    return Valid(options, key, errors) ? (sink, recorder, clock) => new CoinbaseDataClient(options, sink, clock, recorder) : null;
                }

            case KrakenParser.VenueName:
                {
                    var precisions = VenueSymbols.KrakenPrecisions(config);
                    foreach (var missing in symbols.Where(s => !precisions.ContainsKey(s)))
                    {
                        errors.Add($"{key}.precisions: no entry for {missing}; Kraken's book checksum needs its price and qty decimals " +
                            "(AssetPairs pair_decimals and lot_decimals, e.g. {\"" + missing + "\": {\"price\": 1, \"qty\": 8}}); only BTC/USD is built in");
                    }

                    var options = new KrakenDataOptions { WebSocketUri = ws, Symbols = symbols, Precisions = precisions };
                    options = options with { Connection = adjust(options.Connection) };
                    return symbols.All(precisions.ContainsKey) && Valid(options, key, errors)
                        ? (sink, recorder, clock) => new KrakenDataClient(options, sink, clock, recorder)
                        : null;
                }

            case BitstampParser.VenueName:
                {
                    var options = new BitstampDataOptions { WebSocketUri = ws, RestBaseUri = rest, Pairs = symbols };
                    options = options with { Connection = adjust(options.Connection) };
                    return Valid(options, key, errors) ? (sink, recorder, clock) => new BitstampDataClient(options, sink, clock, recorder: recorder) : null;
                }

            default:
                {
                    var options = new BinanceUsDataOptions { WebSocketBaseUri = ws, RestBaseUri = rest, Symbols = symbols };
                    options = options with { Connection = adjust(options.Connection) };
                    return Valid(options, key, errors) ? (sink, recorder, clock) => new BinanceUsDataClient(options, sink, clock, recorder: recorder) : null;
                }
        }
    }

    private static bool Valid(IValidatableObject options, string key, List<string> errors)
    {
        var problems = options.Validate(new ValidationContext(options)).Select(r => $"{key}: {r.ErrorMessage}").ToList();
        errors.AddRange(problems);
        return problems.Count == 0;
    }

    private static Uri Origin(Uri uri) => new(uri.GetLeftPart(UriPartial.Authority) + "/");
}
