namespace Edgewise.Engine.Replay;

/// <summary>What a replay read and what the parsers made of it.</summary>
public sealed class ReplayCounters
{
    public long Frames { get; set; }

    public long DataFrames { get; set; }

    public long ControlFrames { get; set; }

    public long IgnoredFrames { get; set; }

    /// <summary>Frames a parser rejected (bad JSON or fields); counted and skipped.</summary>
    public long MalformedFrames { get; set; }

    /// <summary>Where the first malformed frame was ("frame N, recv_ts_ns T"), or null.</summary>
    public string? FirstMalformedFrame { get; set; }

    /// <summary>Capture lines that were not frames at all; counted and skipped.</summary>
    public long MalformedLines { get; set; }

    /// <summary>Frames of a venue no parser was routed for.</summary>
    public long UnroutedFrames { get; set; }

    /// <summary>Frames whose receive time was earlier than the one before (the clock is not moved back).</summary>
    public long OutOfOrderFrames { get; set; }
}
