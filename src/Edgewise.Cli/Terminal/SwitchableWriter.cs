// A text writer whose destination can be changed while others write to it: a paper session's lines go to the console
// until the terminal dashboard takes the screen, then to a log file, then back. Writes and switches share one lock, so
// a line is never split between the two.
using System.Text;

namespace Edgewise.Cli.Terminal;

internal sealed class SwitchableWriter(TextWriter initial) : TextWriter
{
    private readonly Lock _gate = new();
    private TextWriter _target = initial ?? throw new ArgumentNullException(nameof(initial));

    public override Encoding Encoding => initial.Encoding;

    /// <summary>Sends everything written from now on to <paramref name="target"/> (flushing the previous one).</summary>
    public void SwitchTo(TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            _target.Flush();
            _target = target;
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _target.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _target.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            _target.Write(buffer, index, count);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            _target.WriteLine(value);
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            _target.Flush();
        }
    }
}
