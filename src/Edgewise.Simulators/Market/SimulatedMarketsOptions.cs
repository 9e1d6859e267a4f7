namespace Edgewise.Simulators.Market;

/// <summary>
/// What the demo's simulated world is asked for: a seed (same seed, same clock ticks → same market), the clock every
/// simulated venue and the generator run on (the demo's accelerated clock; a manual clock in tests), and which faults
/// the generator may inject. The venue URLs are chosen by the operating system (port 0) and read from
/// <see cref="SimulatedMarkets"/> once it has started.
/// </summary>
public sealed record SimulatedMarketsOptions
{
    public int Seed { get; init; } = 20260101;

    public required TimeProvider Clock { get; init; }

    /// <summary>BTC price at the start of the walk, in USD.</summary>
    public decimal StartPrice { get; init; } = 97_000m;

    /// <summary>Occasional flash crashes in the Kalshi contract (liquidity kind: BTC does not move).</summary>
    public bool FlashCrashes { get; init; } = true;

    /// <summary>Occasional outages of one spot feed at a time (abrupt close or silence).</summary>
    public bool FeedOutages { get; init; } = true;
}
