// Reads '\n'-terminated lines from a stream into one reusable buffer, so reading a capture allocates
// nothing per line once the buffer has grown to the longest line. A trailing '\r' is removed.
namespace Edgewise.Storage.Capture;

internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(Stream stream, int initialCapacity = 1 << 16)
    {
        _stream = stream;
        _buffer = new byte[initialCapacity];
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Returns the next line (without its terminator); the memory is valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Trim(_start, newline);
                _start += newline + 1;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    line = Trim(_start, _end - _start);
                    _start = _end;
                    LineNumber++;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private ReadOnlyMemory<byte> Trim(int start, int length)
    {
        if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        return new ReadOnlyMemory<byte>(_buffer, start, length);
    }

    private void Fill()
    {
        // Move the unread tail to the front; grow only when one line is longer than the buffer.
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    public void Dispose() => _stream.Dispose();
}
