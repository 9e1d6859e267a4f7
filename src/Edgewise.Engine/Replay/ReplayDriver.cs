// Feeds recorded frames through the venue parsers, in receive order, on a simulated clock: before each frame
// the clock is set to the frame's receive time, so timers and staleness behave as they did live, and the same
// inputs always give the same results. Runs on the caller's thread (no channel, no wall clock), which is what
// makes replay deterministic and fast.
using Edgewise.Core.Contracts;

namespace Edgewise.Engine.Replay;

public sealed class ReplayDriver
{
    private readonly Dictionary<string, (IVenueParser Parser, IMarketDataSink Sink)> _routes = new(StringComparer.Ordinal);
    private readonly Action<long> _setClock;
    private (string Venue, IVenueParser Parser, IMarketDataSink Sink)? _lastRoute;

    /// <param name="setClock">Called with each frame's receive time (Unix ns) before it is parsed.</param>
    public ReplayDriver(Action<long> setClock)
    {
        ArgumentNullException.ThrowIfNull(setClock);
        _setClock = setClock;
    }

    public ReplayCounters Counters { get; } = new();

    /// <summary>Frames of <paramref name="parser"/>'s venue go through it into <paramref name="sink"/>.</summary>
    public void Route(IVenueParser parser, IMarketDataSink sink)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(sink);
        _routes[parser.Venue] = (parser, sink);
    }

    /// <summary>Replays every frame of the source; <paramref name="onProgress"/> is called every <paramref name="progressEvery"/> frames.</summary>
    public void Run(IFrameSource source, Action<ReplayCounters>? onProgress = null, int progressEvery = 100_000, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        long lastTs = long.MinValue;
        while (source.TryRead(out var frame))
        {
            ct.ThrowIfCancellationRequested();
            Counters.Frames++;
            if (frame.RecvTsNs < lastTs)
            {
                // Receive times from several files or connections can interleave slightly; time never runs backwards.
                Counters.OutOfOrderFrames++;
            }
            else
            {
                lastTs = frame.RecvTsNs;
                _setClock(lastTs);
            }

            if (!TryRoute(frame.Venue, out var parser, out var sink))
            {
                Counters.UnroutedFrames++;
                continue;
            }

            switch (parser.Parse(frame, sink))
            {
                case ParseOutcome.Data:
                    Counters.DataFrames++;
                    break;
                case ParseOutcome.Control:
                    Counters.ControlFrames++;
                    break;
                case ParseOutcome.Ignored:
                    Counters.IgnoredFrames++;
                    break;
                default:
                    Counters.MalformedFrames++;
                    Counters.FirstMalformedFrame ??= string.Create(
                        System.Globalization.CultureInfo.InvariantCulture, $"{frame.Venue} frame {Counters.Frames} (recv_ts_ns {frame.RecvTsNs}) could not be parsed");
                    break;
            }

            if (onProgress is not null && Counters.Frames % progressEvery == 0)
            {
                onProgress(Counters);
            }
        }

        Counters.MalformedLines = source.MalformedLines;
    }

    private bool TryRoute(string venue, out IVenueParser parser, out IMarketDataSink sink)
    {
        if (_lastRoute is { } last && ReferenceEquals(last.Venue, venue))
        {
            (parser, sink) = (last.Parser, last.Sink);
            return true;
        }

        if (_routes.TryGetValue(venue, out var route))
        {
            _lastRoute = (venue, route.Parser, route.Sink);
            (parser, sink) = route;
            return true;
        }

        parser = null!;
        sink = null!;
        return false;
    }
}
