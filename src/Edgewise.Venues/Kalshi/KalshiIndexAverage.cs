using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// One of the averages Kalshi attaches to a CF Benchmarks tick (FACTS §5.5, §8): the value, how many ticks it covers, and the
/// window's bounds as Kalshi labels them (Unix ns; null when the message leaves them out).
/// </summary>
public readonly record struct KalshiIndexAverage(Price Value, int WindowSize, long? WindowStartTs, long? WindowEndTs);
