using System.IO.Compression;
using System.Text;
using Edgewise.Core.Contracts;
using Edgewise.Storage.Capture;

namespace Edgewise.Tests.Storage;

public sealed class CaptureReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-capture-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text, bool gzip = false)
    {
        var path = Path.Combine(_dir, name);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    private static List<(long Ts, string Venue, FrameSource Source, string? Endpoint, string Raw)> ReadAll(IFrameSource source)
    {
        var frames = new List<(long, string, FrameSource, string?, string)>();
        while (source.TryRead(out var f))
        {
            frames.Add((f.RecvTsNs, f.Venue, f.Source, f.Endpoint, Encoding.UTF8.GetString(f.Raw.Span)));
        }

        return frames;
    }

    [Fact]
    public void TryRead_EdgewiseJsonLines_UnescapesRawExactly()
    {
        var path = Write("a.jsonl",
            """
            {"recv_ts_ns": 5, "venue": "kalshi", "source": "ws", "endpoint": "orderbook_delta", "raw": "{\"type\":\"ok\",\"s\":\"a\\\\b \u00e9\"}"}
            {"recv_ts_ns": 6, "venue": "binanceus", "source": "rest", "endpoint": "/api/v3/depth?symbol=BTCUSDT", "raw": "{}"}

            {"recv_ts_ns": 7, "venue": "binanceus", "raw": "[]"}
            """);

        using var reader = new CaptureReader(path);
        var frames = ReadAll(reader);

        Assert.Equal(
            [
                (5L, "kalshi", FrameSource.Ws, (string?)"orderbook_delta", """{"type":"ok","s":"a\\b é"}"""),
                (6L, "binanceus", FrameSource.Rest, "/api/v3/depth?symbol=BTCUSDT", "{}"),
                (7L, "binanceus", FrameSource.Ws, null, "[]"),
            ],
            frames);
        Assert.Equal(0, reader.MalformedLines);
    }

    [Fact]
    public void TryRead_TimestampPrefixedGzip_MarksDepthSnapshotAsRest()
    {
        var path = Write("b.gz",
            "1723161253937085768 {\"stream\":\"btcusdt@trade\",\"data\":{}}\n" +
            "1723161254206652067 {\"lastUpdateId\":50093239218,\"bids\":[],\"asks\":[]}\r\n",
            gzip: true);

        using var reader = new CaptureReader(path, defaultVenue: "binanceus");
        var frames = ReadAll(reader);

        Assert.Equal(2, frames.Count);
        Assert.Equal((1723161253937085768L, "binanceus", FrameSource.Ws), (frames[0].Ts, frames[0].Venue, frames[0].Source));
        Assert.Equal(FrameSource.Rest, frames[1].Source);
        Assert.Equal("{\"lastUpdateId\":50093239218,\"bids\":[],\"asks\":[]}", frames[1].Raw);
    }

    [Fact]
    public void TryRead_JsonLinesWithoutVenue_TakesTheGivenVenue()
    {
        var path = Write("c.jsonl", """{"recv_ts_ns": 1, "raw": "x"}""");

        using var reader = new CaptureReader(path, defaultVenue: "coinbase");

        Assert.Equal("coinbase", Assert.Single(ReadAll(reader)).Venue);
    }

    [Fact]
    public void TryRead_BadLines_AreCountedSkippedAndTheFirstIsNamed()
    {
        var path = Write("d.jsonl",
            """
            {"recv_ts_ns": 1, "venue": "v", "raw": "ok1"}
            {"recv_ts_ns": "x", "venue": "v", "raw": "bad"}
            {"recv_ts_ns": 2, "venue": "v", "raw": "unterminated
            garbage line
            {"recv_ts_ns": 3, "raw": "no venue"}
            {"recv_ts_ns": 4, "venue": "v", "source": "ftp", "raw": "bad source"}
            {"recv_ts_ns": 5, "venue": "v", "raw": "ok2"}
            """);

        using var reader = new CaptureReader(path);
        var frames = ReadAll(reader);

        Assert.Equal(["ok1", "ok2"], frames.Select(f => f.Raw));
        Assert.Equal(5, reader.MalformedLines);
        Assert.Equal($"{path}:2: recv_ts_ns is not an integer", reader.FirstProblem);
    }

    [Fact]
    public void Constructor_MissingFile_NamesThePath()
    {
        var missing = Path.Combine(_dir, "nope.jsonl");

        var ex = Assert.Throws<FileNotFoundException>(() => new CaptureReader(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcatenatedSource_ReadsFilesInGivenOrderAndChecksAllPathsFirst()
    {
        var first = Write("1.jsonl", """{"recv_ts_ns": 1, "venue": "v", "raw": "a"}""");
        var second = Write("2.jsonl", """{"recv_ts_ns": 2, "venue": "v", "raw": "b"}""" + "\nbroken\n");

        using (var both = new ConcatenatedFrameSource([second, first], null))
        {
            Assert.Equal(["b", "a"], ReadAll(both).Select(f => f.Raw));
            Assert.Equal(1, both.MalformedLines);
        }

        var missing = Path.Combine(_dir, "missing.jsonl");
        var ex = Assert.Throws<FileNotFoundException>(() => new ConcatenatedFrameSource([first, missing], null));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaptureWriter_RoundTripsFramesThroughTheReader()
    {
        var path = Path.Combine(_dir, "out.jsonl.gz");
        var raw = "{\"a\":\"quote \\\" and \\\\ and é\",\"n\":1.50}";
        using (var writer = new CaptureWriter(path))
        {
            writer.Write(new RawFrame(11, "kraken", FrameSource.Ws, "book", Encoding.UTF8.GetBytes(raw)));
            writer.Write(new RawFrame(12, "binanceus", FrameSource.Rest, null, Encoding.UTF8.GetBytes("{}")));
        }

        using var reader = new CaptureReader(path);

        Assert.Equal(
            [(11L, "kraken", FrameSource.Ws, (string?)"book", raw), (12L, "binanceus", FrameSource.Rest, null, "{}")],
            ReadAll(reader));
    }
}
