namespace Edgewise.Core.Contracts;

/// <summary>
/// A stream of recorded frames in receive order (a capture file, or several read as one).
/// The frame's bytes are valid only until the next call to <see cref="TryRead"/>.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>Reads the next frame; false at the end. Lines that are not frames are counted in <see cref="MalformedLines"/> and skipped.</summary>
    bool TryRead(out RawFrame frame);

    /// <summary>Lines skipped because they could not be read as a frame.</summary>
    long MalformedLines { get; }
}
