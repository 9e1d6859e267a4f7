// Composes one replay: capture files -> venue parser -> venue book sync -> tap -> engine, on a replay clock.
// Instruments are registered with the engine the first time a frame names them (a capture carries no
// instrument list). Everything runs on the calling thread, so the same input gives the same books every time.
// Books: binary contracts (Kalshi) get a dense book over [0, 1] with the instrument's smallest tick; everything else a sorted book.
// Kalshi captures are read as use_yes_price=false feeds (NO levels at NO prices), the pricing Edgewise subscribes with; a
// capture recorded with use_yes_price=true needs its own route.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Replay;
using Edgewise.Engine.Time;
using Edgewise.Storage.Capture;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Cli.Replay;

internal sealed class ReplayPipeline : IDisposable
{
    private readonly ConcatenatedFrameSource _source;
    private readonly EngineLoop _engine;
    private readonly ReplayDriver _driver;
    private readonly ReplayTap _tap;
    private readonly IBookSyncStats _sync;
    private readonly string _venue;

    private ReplayPipeline(string venue, ConcatenatedFrameSource source, ReplayTimeProvider clock, EngineLoop engine,
        IVenueParser parser, Func<IMarketDataSink, IMarketDataSink> syncFactory, Func<InstrumentId, Instrument> instruments)
    {
        _venue = venue;
        _source = source;
        _engine = engine;
        _tap = new ReplayTap(engine, id => engine.Cache.AddInstrument(instruments(id)), id => engine.Cache.TryGetInstrument(id, out _));
        var sync = syncFactory(_tap);
        _sync = (IBookSyncStats)sync;
        _driver = new ReplayDriver(clock.AdvanceTo);
        _driver.Route(parser, sync);
    }

    /// <summary>The venues replay can read, by capture name.</summary>
    public static IReadOnlyList<string> Venues { get; } = [BinanceUsParser.VenueName, KalshiParser.VenueName];

    /// <summary>The NO-level pricing Kalshi captures are recorded with (see the note at the top).</summary>
    public const KalshiBookPricing KalshiCapturePricing = KalshiBookPricing.NoLevelsAtNoPrice;

    /// <exception cref="ArgumentException">The venue is not one replay knows.</exception>
    /// <exception cref="FileNotFoundException">An input file is missing (named in the message).</exception>
    public static ReplayPipeline Create(string venue, IReadOnlyList<string> inputs)
    {
        if (!Venues.Contains(venue, StringComparer.Ordinal))
        {
            throw new ArgumentException($"unknown --venue '{venue}'; replay reads: {string.Join(", ", Venues)}.", nameof(venue));
        }

        var source = new ConcatenatedFrameSource(inputs, venue);
        var clock = new ReplayTimeProvider();
        var engine = new EngineLoop(new EngineOptions
        {
            Clock = clock,
            BookFactory = BookFor,
        });
        engine.Start();
        if (venue == KalshiParser.VenueName)
        {
            var parser = new KalshiParser(KalshiCapturePricing, venue);
            var markets = new KalshiInstrumentProvider(venue);
            return new ReplayPipeline(venue, source, clock, engine, parser,
                downstream => new KalshiBookSync(downstream, parser, id => markets.FromCapture(id).MinTick), markets.FromCapture);
        }

        return new ReplayPipeline(venue, source, clock, engine, new BinanceUsParser(venue),
            downstream => new BinanceUsBookSync(downstream), BinanceUsInstruments.FromCapture);
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
        return new ReplaySummary(
            Venue: _venue,
            Frames: c.Frames,
            Events: _tap.BookUpdates + _tap.Trades + _tap.Quotes,
            BookUpdates: _tap.BookUpdates,
            Trades: _tap.Trades,
            Quotes: _tap.Quotes,
            Instruments: books.Count,
            Gaps: _sync.Gaps,
            Resyncs: _sync.Resyncs,
            ChecksumFailures: _sync.ChecksumFailures,
            UnhealthyBooks: books.Count(b => b.Health != BookHealth.Healthy),
            MalformedFrames: c.MalformedFrames,
            MalformedLines: c.MalformedLines,
            ControlFrames: c.ControlFrames,
            IgnoredFrames: c.IgnoredFrames,
            FirstProblem: _source.FirstProblem ?? c.FirstMalformedFrame);
    }

    public void WriteBooks(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        BooksJsonWriter.Write(file, Books, book => _tap.DecimalsOf(book.Instrument));
    }

    public void Dispose()
    {
        _engine.Stop();
        _source.Dispose();
    }
}
