// Reads one capture file as a stream of frames. Three line formats are accepted, detected per line:
//   1. Edgewise JSON Lines: {"recv_ts_ns": <int>, "venue": "<name>", "source": "ws"|"rest", "endpoint": "...", "raw": "<frame text>"}
//      (source and endpoint optional; venue optional when a default venue is given);
//   2. "<recv_ts_ns> <raw json>" (Binance captures such as hftbacktest's): a line holding "lastUpdateId" is the REST depth snapshot;
//   3. blank lines, which are skipped.
// A line that fits none of them is counted as malformed and skipped; the first such problem is kept for the summary.
// Per line, nothing is allocated once the buffers have grown: venue and endpoint strings are reused while they repeat.
using System.Text;
using System.Text.Json;
using Edgewise.Core.Contracts;

namespace Edgewise.Storage.Capture;

public sealed class CaptureReader : IFrameSource
{
    private static readonly byte[] LastUpdateIdKey = "\"lastUpdateId\""u8.ToArray();

    private readonly LineReader _lines;
    private readonly FileStream _file;
    private readonly string _path;
    private readonly string? _defaultVenue;
    private byte[] _rawBuffer = new byte[1 << 16];
    private readonly ReusedString _venue = new();
    private readonly ReusedString _endpoint = new();

    /// <param name="path">A plain or gzip capture file.</param>
    /// <param name="defaultVenue">Venue for lines that do not name one (format 2, or format 1 without "venue").</param>
    public CaptureReader(string path, string? defaultVenue = null)
    {
        _path = path;
        _defaultVenue = defaultVenue;
        _lines = new LineReader(CaptureFile.OpenRead(path, out _file));
    }

    /// <summary>Bytes of the file (compressed, for gzip) read so far, for progress display.</summary>
    public long BytesRead => _file.CanSeek ? _file.Position : 0;

    public long MalformedLines { get; private set; }

    /// <summary>The first malformed line's location and reason ("file:line: reason"), or null.</summary>
    public string? FirstProblem { get; private set; }

    public bool TryRead(out RawFrame frame)
    {
        while (_lines.TryReadLine(out var line))
        {
            var span = line.Span.TrimStart((byte)' ');
            if (span.IsEmpty)
            {
                continue;
            }

            var ok = span[0] == (byte)'{'
                ? TryReadJsonLine(span, out frame, out var problem)
                : TryReadTimestampedLine(line, out frame, out problem);
            if (ok)
            {
                return true;
            }

            MalformedLines++;
            FirstProblem ??= $"{_path}:{_lines.LineNumber}: {problem}";
        }

        frame = default;
        return false;
    }

    private bool TryReadTimestampedLine(ReadOnlyMemory<byte> line, out RawFrame frame, out string problem)
    {
        frame = default;
        var span = line.Span;
        var space = span.IndexOf((byte)' ');
        if (space <= 0 || !TryParseInt64(span[..space], out var ts))
        {
            problem = "expected '<recv_ts_ns> <json>' or a JSON object";
            return false;
        }

        if (_defaultVenue is null)
        {
            problem = "line has no venue and none was given (--venue)";
            return false;
        }

        var raw = line[(space + 1)..];
        var source = raw.Span.IndexOf(LastUpdateIdKey) >= 0 ? FrameSource.Rest : FrameSource.Ws;
        frame = new RawFrame(ts, _defaultVenue, source, null, raw);
        problem = string.Empty;
        return true;
    }

    private bool TryReadJsonLine(ReadOnlySpan<byte> line, out RawFrame frame, out string problem)
    {
        frame = default;
        long? ts = null;
        string? venue = null;
        string? endpoint = null;
        var source = FrameSource.Ws;
        var rawLength = -1;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "not a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("recv_ts_ns"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var t))
                    {
                        problem = "recv_ts_ns is not an integer";
                        return false;
                    }

                    ts = t;
                }
                else if (reader.ValueTextEquals("venue"u8))
                {
                    reader.Read();
                    venue = _venue.Get(ref reader);
                }
                else if (reader.ValueTextEquals("source"u8))
                {
                    reader.Read();
                    if (reader.ValueTextEquals("rest"u8))
                    {
                        source = FrameSource.Rest;
                    }
                    else if (!reader.ValueTextEquals("ws"u8))
                    {
                        problem = "source must be \"ws\" or \"rest\"";
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("endpoint"u8))
                {
                    reader.Read();
                    endpoint = reader.TokenType == JsonTokenType.Null ? null : _endpoint.Get(ref reader);
                }
                else if (reader.ValueTextEquals("raw"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        problem = "raw is not a string";
                        return false;
                    }

                    var needed = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                    if (_rawBuffer.Length < needed)
                    {
                        _rawBuffer = new byte[Math.Max(needed, _rawBuffer.Length * 2)];
                    }

                    rawLength = reader.CopyString(_rawBuffer);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            problem = $"invalid JSON ({ex.Message})";
            return false;
        }

        if (ts is null || rawLength < 0)
        {
            problem = ts is null ? "recv_ts_ns is missing" : "raw is missing";
            return false;
        }

        venue ??= _defaultVenue;
        if (venue is null)
        {
            problem = "line has no venue and none was given (--venue)";
            return false;
        }

        frame = new RawFrame(ts.Value, venue, source, endpoint, new ReadOnlyMemory<byte>(_rawBuffer, 0, rawLength));
        problem = string.Empty;
        return true;
    }

    private static bool TryParseInt64(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = (uint)(b - (byte)'0');
            if (d > 9 || value > (long.MaxValue - d) / 10)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return !digits.IsEmpty;
    }

    public void Dispose() => _lines.Dispose();

    /// <summary>Returns the same string instance while a JSON string value repeats, so repeated venue/endpoint names cost nothing.</summary>
    private sealed class ReusedString
    {
        private byte[] _utf8 = [];
        private string _value = string.Empty;

        public string Get(ref Utf8JsonReader reader)
        {
            if (!reader.ValueTextEquals(_utf8))
            {
                _value = reader.GetString() ?? string.Empty;
                _utf8 = Encoding.UTF8.GetBytes(_value);
            }

            return _value;
        }
    }
}
