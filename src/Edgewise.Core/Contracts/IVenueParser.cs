namespace Edgewise.Core.Contracts;

/// <summary>
/// A venue's pure parser: raw frame bytes and receive time in, normalized events out through the sink.
/// No I/O, no clock, no state beyond reusable buffers, so a recorded frame gives an exact expected result.
/// </summary>
public interface IVenueParser
{
    /// <summary>The venue's name as it appears in captures ("binanceus").</summary>
    string Venue { get; }

    ParseOutcome Parse(ReadOnlySpan<byte> frame, FrameSource source, long tsRecv, IMarketDataSink sink);
}
