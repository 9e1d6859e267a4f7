using Edgewise.Engine.Risk;

namespace Edgewise.Engine.Health;

/// <summary>The loop is alive: sequence number, time, trading state, and the first input in DATA_OUTAGE (null when none).</summary>
public readonly record struct Heartbeat(long Sequence, long TsNs, TradingState State, string? OutageInput);
