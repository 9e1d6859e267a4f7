// Replay throughput and per-message latency over a real capture (default: the shared Binance BTCUSDT capture,
// 41,249 frames). Frames are first loaded into memory, so the passes time parse + depth sync + engine dispatch +
// book update and nothing else; one more pass reads the gzip file end to end. One thread, Release build.
using System.Diagnostics;
using System.Globalization;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Time;
using Edgewise.Storage.Capture;
using Edgewise.Venues.BinanceUs;

namespace Edgewise.Benchmarks;

internal static class ReplayHarness
{
    private const string DefaultCapture = "../shared/data/btc_spot/binance_spot_btcusdt_ws_2024-08-08.gz";
    private const int Passes = 20;

    public static int Run(string[] args)
    {
        var path = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(FindRepositoryRoot(), DefaultCapture));
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"replay harness: capture not found: {path}");
            return 1;
        }

        var frames = Load(path);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"capture {path}: {frames.Count:N0} frames in memory"));

        var rates = new List<double>();
        for (var pass = 0; pass < Passes; pass++)
        {
            var (engine, entry) = Build(frames);
            var start = Stopwatch.GetTimestamp();
            foreach (var frame in frames)
            {
                engine.Clock.AdvanceTo(frame.RecvTsNs);
                entry.Parser.Parse(frame, entry.Sync);
            }

            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            rates.Add(frames.Count / seconds);
            engine.Loop.Stop();
        }

        rates.Sort();
        Console.WriteLine(string.Create(inv, $"in-memory replay: median {rates[rates.Count / 2]:N0} msg/s, best {rates[^1]:N0}, worst {rates[0]:N0} ({Passes} passes)"));

        PrintLatencies(frames);

        var fileStart = Stopwatch.GetTimestamp();
        var (fileEngine, fileEntry) = Build(frames);
        using (var source = new CaptureReader(path, BinanceUsParser.VenueName))
        {
            while (source.TryRead(out var frame))
            {
                fileEngine.Clock.AdvanceTo(frame.RecvTsNs);
                fileEntry.Parser.Parse(frame, fileEntry.Sync);
            }
        }

        var fileSeconds = Stopwatch.GetElapsedTime(fileStart).TotalSeconds;
        Console.WriteLine(string.Create(inv, $"from the gzip file, end to end: {frames.Count / fileSeconds:N0} msg/s"));
        return 0;
    }

    private static void PrintLatencies(List<RawFrame> frames)
    {
        // Per-message time of parse + sync + dispatch, after a warm-up pass; Stopwatch reads cost ~20 ns each and are included.
        var (engine, entry) = Build(frames);
        foreach (var frame in frames)
        {
            entry.Parser.Parse(frame, entry.Sync);
        }

        (engine, entry) = Build(frames);
        var ticks = new long[frames.Count];
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var t0 = Stopwatch.GetTimestamp();
            engine.Clock.AdvanceTo(frame.RecvTsNs);
            entry.Parser.Parse(frame, entry.Sync);
            ticks[i] = Stopwatch.GetTimestamp() - t0;
        }

        Array.Sort(ticks);
        double Ns(double q) => ticks[(int)Math.Min(ticks.Length - 1, q * ticks.Length)] * 1e9 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per-message latency: p50 {Ns(0.50):N0} ns, p90 {Ns(0.90):N0} ns, p99 {Ns(0.99):N0} ns, p99.9 {Ns(0.999):N0} ns, max {Ns(1.0):N0} ns"));
    }

    private static ((EngineLoop Loop, ReplayTimeProvider Clock) Engine, (BinanceUsParser Parser, BinanceUsBookSync Sync) Entry) Build(List<RawFrame> frames)
    {
        var clock = new ReplayTimeProvider(frames[0].RecvTsNs);
        var loop = new EngineLoop(new EngineOptions { Clock = clock, BookFactory = i => OrderBookFactory.ForUnbounded(i.Id) });
        var parser = new BinanceUsParser();
        foreach (var id in InstrumentsIn(frames))
        {
            loop.Cache.AddInstrument(BinanceUsInstruments.FromCapture(id));
        }

        loop.Start();
        return ((loop, clock), (parser, new BinanceUsBookSync(loop)));
    }

    private static HashSet<InstrumentId> InstrumentsIn(List<RawFrame> frames)
    {
        var collector = new InstrumentCollector();
        var parser = new BinanceUsParser();
        foreach (var frame in frames)
        {
            parser.Parse(frame, collector);
        }

        return collector.Seen;
    }

    private static List<RawFrame> Load(string path)
    {
        var frames = new List<RawFrame>();
        using var reader = new CaptureReader(path, BinanceUsParser.VenueName);
        while (reader.TryRead(out var f))
        {
            frames.Add(f with { Raw = f.Raw.ToArray() });
        }

        return frames;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edgewise.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private sealed class InstrumentCollector : IMarketDataSink
    {
        public HashSet<InstrumentId> Seen { get; } = [];

        public void OnBookUpdate(BookUpdate update) => Seen.Add(update.Instrument!);

        public void OnTrade(in TradeTick trade) => Seen.Add(trade.Instrument);

        public void OnQuote(in QuoteTick quote) => Seen.Add(quote.Instrument);

        public void OnBookStatus(in BookStatus status) => Seen.Add(status.Instrument);
    }
}
