using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// A CF Benchmarks index print relayed by Kalshi (<c>cfbenchmarks_value</c> about once a second, or <c>cfbenchmarks_value_5hz</c>;
/// FACTS §5.5, §8). <paramref name="Value"/> is read from the raw CF frame (sent as a JSON string inside the message) or, on the
/// 5 Hz channel, from <c>value_usd</c>. <paramref name="Trailing60s"/> is <c>avg_60s_data</c> (prior ticks over [t − 60 s, t));
/// <paramref name="Settlement15Min"/> is <c>last_60s_windowed_average_15min</c>, present only in the last minute before a quarter
/// hour, where it is the running settlement average of the 15-minute markets. Times are Unix ns.
/// </summary>
public readonly record struct KalshiIndexTick(
    string IndexId,
    Price Value,
    long SourceTs,
    long? ReceivedAt,
    KalshiIndexAverage? Trailing60s,
    KalshiIndexAverage? Settlement15Min,
    bool FiveHz,
    long Sid,
    long Seq,
    long TsRecv);
