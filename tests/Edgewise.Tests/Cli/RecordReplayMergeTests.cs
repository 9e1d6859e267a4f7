using System.Text;
using Edgewise.Cli.Replay;
using Edgewise.Storage.Capture;
using static Edgewise.Tests.Cli.RecordTestFiles;

namespace Edgewise.Tests.Cli;

/// <summary>How replay reads several recorded files: one venue's files in the given order, different venues merged by receive time.</summary>
public sealed class RecordReplayMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-merge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Group_TwoVenuesThreeFiles_OneVenuesFilesStayInGivenOrder()
    {
        var coinbase1 = Write("c1.jsonl", ("coinbase", 10), ("coinbase", 30));
        var kraken = Write("k.jsonl", ("kraken", 20));
        var coinbase2 = Write("c2.jsonl", ("coinbase", 25)); // earlier than c1's last frame: still read after c1

        var groups = ReplayInputs.Group([coinbase1, kraken, coinbase2], defaultVenue: null);

        Assert.Equal([("coinbase", (IReadOnlyList<string>)[coinbase1, coinbase2]), ("kraken", [kraken])], groups.Select(g => (g.Venue, g.Paths)));
    }

    [Fact]
    public void TryRead_MergedStreams_SmallestReceiveTimeFirstTiesToTheEarlierStreamEachStreamInItsOwnOrder()
    {
        var coinbase1 = Write("c1.jsonl", ("coinbase", 10), ("coinbase", 30));
        var coinbase2 = Write("c2.jsonl", ("coinbase", 25), ("coinbase", 40));
        var kraken = Write("k.jsonl", ("kraken", 10), ("kraken", 26), ("kraken", 40));

        using var merged = new MergedFrameSource([new ConcatenatedFrameSource([coinbase1, coinbase2], null), new ConcatenatedFrameSource([kraken], null)]);
        var order = new List<string>();
        while (merged.TryRead(out var frame))
        {
            order.Add($"{frame.Venue}@{frame.RecvTsNs}:{Encoding.UTF8.GetString(frame.Raw.Span)}");
        }

        // Coinbase's stream is 10, 30, 25, 40 (file order kept, 25 after 30); Kraken's is 10, 26, 40. Ties at 10 and 40 go to coinbase
        // (given first). Heads compared: (10,10) c; (30,10) k; (30,26) k; (30,40) c30; (25,40) c25; (40,40) c40; then k40.
        Assert.Equal(
        [
            "coinbase@10:{\"n\":10}", "kraken@10:{\"n\":10}", "kraken@26:{\"n\":26}", "coinbase@30:{\"n\":30}", "coinbase@25:{\"n\":25}",
            "coinbase@40:{\"n\":40}", "kraken@40:{\"n\":40}",
        ], order);
    }

    [Fact]
    public void Replay_KrakenSymbolWithoutKnownPrecision_BookMessagesSkippedAndReported()
    {
        var path = Path.Combine(_dir, "k.jsonl");
        File.WriteAllLines(path,
        [
            """{"recv_ts_ns":1,"venue":"kraken","raw":"{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"ETH/USD\",\"bids\":[{\"price\":2000.5,\"qty\":1.0}],\"asks\":[],\"checksum\":1}]}"}""",
        ]);

        using var pipeline = ReplayPipeline.Create(null, [path]);
        pipeline.Run(null, CancellationToken.None);
        var summary = pipeline.Summarize();

        Assert.Empty(pipeline.Books);
        Assert.Equal((1L, 0L, 0L), (summary.Frames, summary.BookUpdates, summary.ChecksumFailures));
        Assert.Equal("kraken ETH/USD: no price/qty precision known (venues.kraken.precisions), so its book messages were skipped", summary.FirstProblem);
    }

    private string Write(string name, params (string Venue, long Ts)[] frames)
    {
        var path = Path.Combine(_dir, name);
        using (var writer = new CaptureWriter(path))
        {
            foreach (var (venue, ts) in frames)
            {
                writer.Write(Frame(venue, ts, $$"""{"n":{{ts}}}"""));
            }
        }

        return path;
    }
}
