using Edgewise.Core.Contracts;

namespace Edgewise.Cli.Run;

/// <summary>A frame sink that keeps nothing: paper trading does not record captures (use `edgewise record` for that).</summary>
internal sealed class NullFrameSink : IFrameSink
{
    public static readonly NullFrameSink Instance = new();

    public void Write(in RawFrame frame)
    {
    }

    public void Dispose()
    {
    }
}
