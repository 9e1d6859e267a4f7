// Writes frames in the Edgewise capture format (one JSON object per line; see CaptureReader), plain or gzip.
// The raw frame is written as a JSON string so any text round-trips exactly.
using System.Text.Encodings.Web;
using System.Text.Json;
using Edgewise.Core.Contracts;

namespace Edgewise.Storage.Capture;

public sealed class CaptureWriter : IFrameSink
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Keep the raw text readable in the file; escaping only what JSON requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;

    public CaptureWriter(string path)
        : this(CaptureFile.OpenWrite(path))
    {
    }

    /// <summary>Writes to <paramref name="stream"/> (already compressed if wanted) and disposes it with the writer.</summary>
    public CaptureWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _json = new Utf8JsonWriter(_stream, Options);
    }

    public long FramesWritten { get; private set; }

    public void Write(in RawFrame frame)
    {
        _json.Reset(_stream);
        _json.WriteStartObject();
        _json.WriteNumber("recv_ts_ns"u8, frame.RecvTsNs);
        _json.WriteString("venue"u8, frame.Venue);
        _json.WriteString("source"u8, frame.Source == FrameSource.Rest ? "rest"u8 : "ws"u8);
        if (frame.Endpoint is not null)
        {
            _json.WriteString("endpoint"u8, frame.Endpoint);
        }

        _json.WriteString("raw"u8, frame.Raw.Span);
        _json.WriteEndObject();
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        FramesWritten++;
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        try
        {
            _json.Dispose();
        }
        finally
        {
            _stream.Dispose(); // released even when the last flush failed (disk full)
        }
    }
}
