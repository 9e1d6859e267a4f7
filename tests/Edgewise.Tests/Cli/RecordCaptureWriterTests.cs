using Edgewise.Core.Contracts;
using Edgewise.Storage.Capture;
using static Edgewise.Tests.Cli.RecordTestFiles;

namespace Edgewise.Tests.Cli;

/// <summary>The recorder's file writer: one gzip capture per venue and receive hour, never overwriting, failing loudly.</summary>
public sealed class RecordCaptureWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-record-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_FramesAcrossAnHour_OneGzipFilePerReceiveHourLateFrameStaysInTheNewFile()
    {
        // 00:59:59.9, then 01:00:00.0 (rotates), then a REST reply stamped 00:59:59.95 written after it (stays in T01).
        var t0 = Jan1 + (3599 * Second) + 900_000_000;
        var t1 = Jan1 + (3600 * Second);
        var late = Jan1 + (3599 * Second) + 950_000_000;
        string[] paths;
        using (var writer = new RotatingCaptureWriter(_dir, "bitstamp"))
        {
            writer.Write(Frame("bitstamp", t0, """{"event":"data","a":"\"quoted\""}"""));
            writer.Write(Frame("bitstamp", t1, """{"event":"trade"}"""));
            writer.Write(Frame("bitstamp", late, """{"bids":[]}""", FrameSource.Rest, "/api/v2/order_book/btcusd/"));
            paths = [.. writer.Paths];
            Assert.Equal(3, writer.FramesWritten);
        }

        Assert.Equal([Path.Combine(_dir, "bitstamp-20260101T00.jsonl.gz"), Path.Combine(_dir, "bitstamp-20260101T01.jsonl.gz")], paths);
        Assert.Equal([0x1f, 0x8b], File.ReadAllBytes(paths[0])[..2]); // gzip
        Assert.Equal([("bitstamp", FrameSource.Ws, (string?)null, """{"event":"data","a":"\"quoted\""}""", t0)], ReadAll(paths[0]));
        Assert.Equal(
        [
            ("bitstamp", FrameSource.Ws, null, """{"event":"trade"}""", t1),
            ("bitstamp", FrameSource.Rest, "/api/v2/order_book/btcusd/", """{"bids":[]}""", late),
        ], ReadAll(paths[1]));
    }

    [Fact]
    public void Write_FileOfThatHourExists_NotOverwrittenNextPartSortsBetweenTheHours()
    {
        var existing = Path.Combine(_dir, "kraken-20260101T00.jsonl.gz");
        File.WriteAllText(existing, "an earlier recording");

        using (var writer = new RotatingCaptureWriter(_dir, "kraken"))
        {
            writer.Write(Frame("kraken", Jan1 + Second, """{"channel":"heartbeat"}"""));
            Assert.Equal(Path.Combine(_dir, "kraken-20260101T00_002.jsonl.gz"), writer.CurrentPath);
        }

        Assert.Equal("an earlier recording", File.ReadAllText(existing));
        string[] names = ["kraken-20260101T01.jsonl.gz", "kraken-20260101T00_002.jsonl.gz", "kraken-20260101T00.jsonl.gz"];
        Assert.Equal(["kraken-20260101T00.jsonl.gz", "kraken-20260101T00_002.jsonl.gz", "kraken-20260101T01.jsonl.gz"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_DiskFull_ThrowsTheIoError()
    {
        using var writer = new RotatingCaptureWriter(_dir, "coinbase", _ => new FullDiskStream(capacity: 10));

        var ex = Assert.Throws<IOException>(() => writer.Write(Frame("coinbase", Jan1, """{"channel":"heartbeats"}""")));

        Assert.Equal(FullDiskStream.Message, ex.Message);
    }

    [Fact]
    public void Write_FrameOfAnotherVenue_Refused()
    {
        using var writer = new RotatingCaptureWriter(_dir, "coinbase");

        var ex = Assert.Throws<ArgumentException>(() => writer.Write(Frame("kraken", Jan1, "{}")));

        Assert.Contains("kraken frame was given to the coinbase capture writer", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
