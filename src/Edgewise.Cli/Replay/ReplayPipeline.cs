// Composes one replay: capture files -> venue parser -> venue book sync -> tap -> engine, on a replay clock, for
// every venue the files hold (binanceus, bitstamp, coinbase, kalshi, kraken; each frame is routed by the venue its
// line names, --venue being the default for lines that name none). Files are grouped by venue and merged by receive
// time (ReplayInputs says how). Instruments are registered with the engine the first time a frame names them (a
// capture carries no instrument list). Everything runs on the calling thread, so the same input gives the same books
// every time. Books: binary contracts (Kalshi) get a dense book over [0, 1] with the instrument's smallest tick;
// everything else a sorted book.
// Kalshi captures are read as use_yes_price=false feeds (NO levels at NO prices), the pricing Edgewise subscribes with; a
// capture recorded with use_yes_price=true needs its own route.
// A recording does not mark reconnects: where a venue numbers messages per connection (Coinbase sequence_num), a
// reconnect shows in replay as one gap that the new connection's snapshot heals.
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Replay;
using Edgewise.Engine.Time;
using Edgewise.Storage.Capture;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Bitstamp;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Kalshi;
using Edgewise.Venues.Kraken;

namespace Edgewise.Cli.Replay;

internal sealed class ReplayPipeline : IDisposable
{
    private readonly MergedFrameSource _source;
    private readonly EngineLoop _engine;
    private readonly ReplayDriver _driver;
    private readonly IReadOnlyList<ReplayRoute> _routes;
    private readonly string? _defaultVenue;

    private ReplayPipeline(string? defaultVenue, MergedFrameSource source, ReplayTimeProvider clock, EngineLoop engine, IReadOnlyList<ReplayRoute> routes)
    {
        _defaultVenue = defaultVenue;
        _source = source;
        _engine = engine;
        _routes = routes;
        _driver = new ReplayDriver(clock.AdvanceTo);
        foreach (var route in routes)
        {
            _driver.Route(route.Parser, route.Sync);
        }
    }

    /// <summary>The venues replay can read, by capture name.</summary>
    public static IReadOnlyList<string> Venues { get; } =
        [BinanceUsParser.VenueName, BitstampParser.VenueName, CoinbaseParser.VenueName, KalshiParser.VenueName, KrakenParser.VenueName];

    /// <summary>The NO-level pricing Kalshi captures are recorded with (see the note at the top).</summary>
    public const KalshiBookPricing KalshiCapturePricing = KalshiBookPricing.NoLevelsAtNoPrice;

    /// <param name="defaultVenue">Venue of lines that name none (--venue); null when every line names its own.</param>
    /// <param name="inputs">Capture files; see ReplayInputs for how several are read.</param>
    /// <param name="krakenPrecisions">Kraken checksum precisions; <see cref="KrakenPrecision.Defaults"/> (BTC/USD) when null.</param>
    /// <exception cref="ArgumentException">The default venue is not one replay knows.</exception>
    /// <exception cref="InvalidDataException">A file's lines name no venue and no default is given.</exception>
    /// <exception cref="FileNotFoundException">An input file is missing (named in the message).</exception>
    public static ReplayPipeline Create(string? defaultVenue, IReadOnlyList<string> inputs, IReadOnlyDictionary<string, KrakenPrecision>? krakenPrecisions = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (defaultVenue is not null && !Venues.Contains(defaultVenue, StringComparer.Ordinal))
        {
            throw new ArgumentException($"unknown --venue '{defaultVenue}'; replay reads: {string.Join(", ", Venues)}.", nameof(defaultVenue));
        }

        foreach (var path in inputs)
        {
            CaptureFile.EnsureExists(path); // every path before any work, so a typo fails at once
        }

        var groups = ReplayInputs.Group(inputs, defaultVenue);
        var source = new MergedFrameSource(groups.Count == 0
            ? [new ConcatenatedFrameSource([], defaultVenue)]
            : [.. groups.Select(g => new ConcatenatedFrameSource(g.Paths, defaultVenue))]);
        var clock = new ReplayTimeProvider();
        var engine = new EngineLoop(new EngineOptions
        {
            Clock = clock,
            BookFactory = BookFor,
        });
        engine.Start();
        var routes = Venues.Select(v => ReplayRoute.Create(v, engine, krakenPrecisions ?? KrakenPrecision.Defaults)).ToList();
        return new ReplayPipeline(defaultVenue, source, clock, engine, routes);
    }

    /// <summary>The engine book for an instrument: dense over [0, 1] for a binary contract, sorted otherwise.</summary>
    public static IOrderBook BookFor(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument is BinaryContract binary
            ? OrderBookFactory.ForBinaryContract(binary.Id, binary.MinTick)
            : OrderBookFactory.ForUnbounded(instrument.Id);
    }

    public ReplayCounters Counters => _driver.Counters;

    public EngineLoop Engine => _engine;

    /// <summary>Bytes of input read and in all, for a progress bar.</summary>
    public (long Read, long Total) Progress => (_source.BytesRead, _source.TotalBytes);

    public void Run(Action<ReplayCounters>? onProgress, CancellationToken ct) => _driver.Run(_source, onProgress, 10_000, ct);

    public IEnumerable<IOrderBook> Books =>
        _engine.Cache.Instruments.Select(i => _engine.Cache.TryGetBook(i.Id, out var book) ? book : null).OfType<IOrderBook>();

    public ReplaySummary Summarize()
    {
        var c = _driver.Counters;
        var books = Books.ToList();
        var met = _routes.Where(r => r.Parser.Frames > 0).OrderBy(r => r.Venue, StringComparer.Ordinal).ToList();
        var perVenue = met.Select(r =>
        {
            var venueBooks = books.Where(b => b.Instrument.Venue == r.Venue).ToList();
            return new VenueReplaySummary(r.Venue, r.Parser.Frames, r.Tap.BookUpdates, r.Tap.Trades, r.Tap.Quotes, venueBooks.Count,
                r.Stats.Gaps, r.Stats.Resyncs, r.Stats.ChecksumFailures, venueBooks.Count(b => b.Health != BookHealth.Healthy), r.Parser.MalformedFrames);
        }).ToList();
        var venueText = met.Count > 0 ? string.Join(", ", met.Select(r => r.Venue)) : _defaultVenue ?? "no venue";
        return new ReplaySummary(
            Venue: venueText,
            Frames: c.Frames,
            Events: _routes.Sum(r => r.Tap.BookUpdates + r.Tap.Trades + r.Tap.Quotes),
            BookUpdates: _routes.Sum(r => r.Tap.BookUpdates),
            Trades: _routes.Sum(r => r.Tap.Trades),
            Quotes: _routes.Sum(r => r.Tap.Quotes),
            Instruments: books.Count,
            Gaps: _routes.Sum(r => r.Stats.Gaps),
            Resyncs: _routes.Sum(r => r.Stats.Resyncs),
            ChecksumFailures: _routes.Sum(r => r.Stats.ChecksumFailures),
            UnhealthyBooks: books.Count(b => b.Health != BookHealth.Healthy),
            MalformedFrames: c.MalformedFrames,
            MalformedLines: c.MalformedLines,
            ControlFrames: c.ControlFrames,
            IgnoredFrames: c.IgnoredFrames,
            UnroutedFrames: c.UnroutedFrames,
            PerVenue: perVenue,
            FirstProblem: _source.FirstProblem ?? c.FirstMalformedFrame ?? _routes.Select(r => r.Problem).FirstOrDefault(p => p is not null));
    }

    public void WriteBooks(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // One venue: books keyed by symbol, as the foundation issue specifies; several: by symbol.venue, so no two collide.
        var books = Books.ToList();
        var severalVenues = books.Select(b => b.Instrument.Venue).Distinct(StringComparer.Ordinal).Count() > 1;
        using var file = File.Create(path);
        BooksJsonWriter.Write(file, books, book => RouteOf(book.Instrument).Tap.DecimalsOf(book.Instrument),
            key: severalVenues ? id => id.ToString() : id => id.Symbol);
    }

    public void Dispose()
    {
        _engine.Stop();
        _source.Dispose();
    }

    private ReplayRoute RouteOf(InstrumentId instrument) => _routes.First(r => r.Venue == instrument.Venue);
}
