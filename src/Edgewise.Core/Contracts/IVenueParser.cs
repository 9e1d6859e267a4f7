namespace Edgewise.Core.Contracts;

/// <summary>
/// A venue's pure parser: a raw frame (bytes, receive time, source, endpoint) in, normalized events out through the sink.
/// No I/O and no clock; state is limited to reusable buffers and the symbol table, so a recorded frame gives an exact expected result.
/// </summary>
public interface IVenueParser
{
    /// <summary>The venue's name as it appears in captures ("binanceus").</summary>
    string Venue { get; }

    /// <summary>Malformed frames return <see cref="ParseOutcome.Malformed"/>; they never throw and never reach the sink.</summary>
    ParseOutcome Parse(in RawFrame frame, IMarketDataSink sink);
}
