using System.Text;
using Edgewise.Core.Contracts;
using Edgewise.Storage.Capture;

namespace Edgewise.Tests.Cli;

/// <summary>Helpers for record tests: frames at given receive times, reading capture files back, and a stream that runs out of disk.</summary>
internal static class RecordTestFiles
{
    /// <summary>Unix ns of 2026-01-01T00:00:00Z.</summary>
    public const long Jan1 = 1_767_225_600_000_000_000;

    public const long Second = 1_000_000_000;

    public static RawFrame Frame(string venue, long recvTsNs, string text, FrameSource source = FrameSource.Ws, string? endpoint = null) =>
        new(recvTsNs, venue, source, endpoint, Encoding.UTF8.GetBytes(text));

    /// <summary>Every frame of a capture file as (venue, source, endpoint, text, recv_ts_ns), read with the production reader.</summary>
    public static List<(string Venue, FrameSource Source, string? Endpoint, string Text, long RecvTsNs)> ReadAll(string path)
    {
        using var reader = new CaptureReader(path);
        var frames = new List<(string, FrameSource, string?, string, long)>();
        while (reader.TryRead(out var f))
        {
            frames.Add((f.Venue, f.Source, f.Endpoint, Encoding.UTF8.GetString(f.Raw.Span), f.RecvTsNs));
        }

        Assert.Equal(0, reader.MalformedLines);
        return frames;
    }
}

/// <summary>A file stream on a full disk: accepts <paramref name="capacity"/> bytes, then every write throws as the OS would.</summary>
internal sealed class FullDiskStream(int capacity) : MemoryStream
{
    public const string Message = "No space left on device";

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Length + buffer.Length > capacity)
        {
            throw new IOException(Message);
        }

        base.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);
}
