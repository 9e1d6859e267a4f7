// A venue parser as replay routes it: the venue's own parser, with the frames it was given and the ones it could
// not read counted, so a replay over several venues can say per venue what it read.
using Edgewise.Core.Contracts;

namespace Edgewise.Cli.Replay;

internal sealed class CountingParser(IVenueParser inner) : IVenueParser
{
    public string Venue => inner.Venue;

    public long Frames { get; private set; }

    public long MalformedFrames { get; private set; }

    public ParseOutcome Parse(in RawFrame frame, IMarketDataSink sink)
    {
        Frames++;
        var outcome = inner.Parse(frame, sink);
        if (outcome == ParseOutcome.Malformed)
        {
            MalformedFrames++;
        }

        return outcome;
    }
}
