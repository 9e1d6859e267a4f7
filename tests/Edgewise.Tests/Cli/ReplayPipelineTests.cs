using System.Text.Json;
using Edgewise.Cli.Replay;
using Edgewise.Cli.Samples;
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.TestKit;

namespace Edgewise.Tests.Cli;

public sealed class ReplayPipelineTests : IDisposable
{
    private const string SharedCapture = "data/btc_spot/binance_spot_btcusdt_ws_2024-08-08.gz";

    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_SampleCapture_RebuildsExactlyTheGeneratorsBookAndCountsItsFaults()
    {
        var path = Path.Combine(_dir, "sample.jsonl.gz");
        var sample = new SampleCapture(seed: 7);
        sample.Write(path, steps: 4_000);

        using var pipeline = ReplayPipeline.Create("binanceus", [path]);
        pipeline.Run(null, CancellationToken.None);

        var book = Assert.Single(pipeline.Books);
        Assert.Equal(BookHealth.Healthy, book.Health);
        Assert.Equal(sample.LastUpdateId, book.LastUpdateId);
        Assert.Equal(sample.Bids.Select(l => (l.Key, l.Value)), Levels(book, BookSide.Bid));
        Assert.Equal(sample.Asks.Select(l => (l.Key, l.Value)), Levels(book, BookSide.Ask));

        // The generator injects one sequence gap (recovered by the snapshot after it) and one truncated frame.
        var summary = pipeline.Summarize();
        Assert.Equal((1L, 1L, 1L, 0L, 0), (summary.Gaps, summary.Resyncs, summary.MalformedFrames, summary.MalformedLines, summary.UnhealthyBooks));
        Assert.Equal(1, summary.Instruments);
    }

    [Fact]
    public void Run_SharedBinanceCapture_NoGapAndBestLevelsMatchTheBookTicker()
    {
        var path = SharedData.Find(SharedCapture);
        if (path is null)
        {
            Assert.Skip(SharedData.MissingReason(SharedCapture));
        }

        using var pipeline = ReplayPipeline.Create("binanceus", [path]);
        pipeline.Run(null, CancellationToken.None);
        var summary = pipeline.Summarize();
        var book = Assert.Single(pipeline.Books);

        Assert.Equal((41_249L, 0L, 0L, 0L), (summary.Frames, summary.Gaps, summary.MalformedFrames, summary.MalformedLines));
        Assert.Equal(BookHealth.Healthy, book.Health);
        Assert.True(book.TryGetBestBid(out var bid));
        Assert.True(book.TryGetBestAsk(out var ask));

        // bookTicker is sent per update, depth@100ms in batches: the file's very last bookTicker (u 50093421612) is newer than
        // the book's last depth update (u 50093421584). Its prices are the book's; its sizes are those of the last bookTicker
        // the book has caught up with (u <= last_update_id). Both are read from the file here with System.Text.Json, not our parser.
        var (last, lastCovered) = LastBookTickers(path, book.LastUpdateId!.Value);
        Assert.Equal(50093421584, book.LastUpdateId);
        Assert.Equal((last.Bid, last.Ask), (bid.Price, ask.Price));
        Assert.Equal(lastCovered, (bid.Price, bid.Size, ask.Price, ask.Size));
    }

    [Fact]
    public void WriteBooks_SameInputTwice_ByteIdenticalFilesWithVenueText()
    {
        var path = Path.Combine(_dir, "sample.jsonl");
        new SampleCapture(seed: 3).Write(path, steps: 2_000);

        var outputs = new List<byte[]>();
        for (var run = 0; run < 2; run++)
        {
            using var pipeline = ReplayPipeline.Create("binanceus", [path]);
            pipeline.Run(null, CancellationToken.None);
            var books = Path.Combine(_dir, $"books{run}.json");
            var summary = Path.Combine(_dir, $"summary{run}.json");
            pipeline.WriteBooks(books);
            ReplaySummaryPrinter.WriteJson(summary, pipeline.Summarize());
            outputs.Add([.. File.ReadAllBytes(books), .. File.ReadAllBytes(summary)]);
        }

        Assert.Equal(outputs[0], outputs[1]);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "books0.json")));
        var btc = json.RootElement.GetProperty("BTCUSDT");
        Assert.Equal(5, btc.GetProperty("bids").GetArrayLength());
        var firstBid = btc.GetProperty("bids")[0];
        Assert.Matches(@"^\d+\.\d{8}$", firstBid[0].GetString()!); // eight decimals, as Binance writes them
        Assert.Matches(@"^\d+\.\d{8}$", firstBid[1].GetString()!);
        Assert.True(btc.GetProperty("healthy").GetBoolean());
        Assert.Equal(JsonValueKind.Number, btc.GetProperty("last_update_id").ValueKind);
    }

    [Fact]
    public void Create_UnknownVenue_NamesTheVenuesReplayReads()
    {
        var path = Path.Combine(_dir, "x.jsonl");
        File.WriteAllText(path, "");

        var ex = Assert.Throws<ArgumentException>(() => ReplayPipeline.Create("nasdaq", [path]));

        Assert.Contains("nasdaq", ex.Message, StringComparison.Ordinal);
        Assert.Contains("binanceus", ex.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(long, long)> Levels(IOrderBook book, BookSide side)
    {
        var levels = new BookLevel[side == BookSide.Bid ? book.BidCount : book.AskCount];
        book.CopyLevels(side, levels);
        return levels.Select(l => (l.Price.Raw, l.Size.Raw));
    }

    private static ((Price Bid, Price Ask) Last, (Price, Quantity, Price, Quantity) LastCovered) LastBookTickers(string path, long lastUpdateId)
    {
        using var file = File.OpenRead(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        (Price, Price) last = default;
        (Price, Quantity, Price, Quantity) covered = default;
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains("@bookTicker", StringComparison.Ordinal))
            {
                continue;
            }

            var data = JsonDocument.Parse(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]).RootElement.GetProperty("data");
            var bid = Price.Parse(data.GetProperty("b").GetString()!);
            var ask = Price.Parse(data.GetProperty("a").GetString()!);
            last = (bid, ask);
            if (data.GetProperty("u").GetInt64() <= lastUpdateId)
            {
                covered = (bid, Quantity.Parse(data.GetProperty("B").GetString()!), ask, Quantity.Parse(data.GetProperty("A").GetString()!));
            }
        }

        return (last, covered);
    }
}
