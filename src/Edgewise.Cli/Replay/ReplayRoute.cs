// One venue's path through a replay: its parser (counted), its book sync (the same class live uses), and a tap that
// counts the venue's events, remembers its decimals and registers its instruments with the engine the first time a
// message names them (a capture carries no instrument list). Kalshi captures are read as use_yes_price=false feeds
// (ReplayPipeline.KalshiCapturePricing); Kraken needs the checksum precisions (KrakenReplaySync).
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Loop;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Bitstamp;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kalshi;
using Edgewise.Venues.Kraken;

namespace Edgewise.Cli.Replay;

internal sealed class ReplayRoute
{
    private readonly Func<string?> _problem;

    private ReplayRoute(string venue, IVenueParser parser, EngineLoop engine, Func<IMarketDataSink, IMarketDataSink> syncFactory,
        Func<InstrumentId, Instrument> instruments, Func<IMarketDataSink, Func<string?>>? problem = null)
    {
        Venue = venue;
        Parser = new CountingParser(parser);
        Tap = new ReplayTap(engine, id => engine.Cache.AddInstrument(instruments(id)), id => engine.Cache.TryGetInstrument(id, out _));
        Sync = syncFactory(Tap);
        Stats = (IBookSyncStats)Sync;
        _problem = problem is null ? () => null : problem(Sync);
    }

    public string Venue { get; }

    public CountingParser Parser { get; }

    public IMarketDataSink Sync { get; }

    public IBookSyncStats Stats { get; }

    public ReplayTap Tap { get; }

    /// <summary>A venue-specific problem worth a line in the summary (a Kraken symbol without precision); null when none.</summary>
    public string? Problem => _problem();

    public static ReplayRoute Create(string venue, EngineLoop engine, IReadOnlyDictionary<string, KrakenPrecision> krakenPrecisions)
    {
        switch (venue)
        {
            case KalshiParser.VenueName:
                {
                    var parser = new KalshiParser(ReplayPipeline.KalshiCapturePricing, venue);
                    var markets = new KalshiInstrumentProvider(venue);
                    return new ReplayRoute(venue, parser, engine,
                        downstream => new KalshiBookSync(downstream, parser, id => markets.FromCapture(id).MinTick), markets.FromCapture);
                }

            case CoinbaseParser.VenueName:
                {
                    var parser = new CoinbaseParser(venue);
                    return new ReplayRoute(venue, parser, engine, downstream =>
                    {
                        var sync = new CoinbaseBookSync(downstream);
                        parser.SequenceObserved += sync.OnSequence; // non-book messages count in the sequence too
                        return sync;
                    }, CoinbaseInstruments.FromCapture);
                }

            case KrakenParser.VenueName:
                return new ReplayRoute(venue, new KrakenParser(venue), engine, downstream => new KrakenReplaySync(downstream, krakenPrecisions),
                    id => KrakenInstruments.FromCapture(id, krakenPrecisions.TryGetValue(id.Symbol, out var p) ? p : null),
                    sync => () => ((KrakenReplaySync)sync).FirstProblem);

            case BitstampParser.VenueName:
                return new ReplayRoute(venue, new BitstampParser(venue), engine, downstream => new BitstampBookSync(downstream), BitstampInstruments.FromCapture);

            case BinanceUsParser.VenueName:
                return new ReplayRoute(venue, new BinanceUsParser(venue), engine, downstream => new BinanceUsBookSync(downstream), BinanceUsInstruments.FromCapture);

            default:
                throw new ArgumentException($"replay has no route for venue '{venue}'.", nameof(venue));
        }
    }
}
