namespace Edgewise.Simulators.Market;

/// <summary>What the generator has done so far: seconds simulated, Kalshi markets listed and settled, faults injected.</summary>
public sealed record SimulatedMarketsStats(long Seconds, int MarketsListed, int MarketsSettled, int FlashCrashes, int FeedOutages);
