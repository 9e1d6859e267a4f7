namespace Edgewise.Simulators.Market;

/// <summary>
/// How a simulated venue's book looks: its tick, levels per side, the widest gap between neighbouring levels near the touch (in
/// ticks), the spread range (in ticks), a scale for level sizes (BTC), and the venue's basis to the true price (relative, e.g.
/// 0.0001 = 1 bp above).
/// </summary>
internal sealed record SpotBookShape(decimal Tick, int Levels, int MaxGapTicks, int MinSpreadTicks, int MaxSpreadTicks, double SizeScale, decimal Basis)
{
    /// <summary>Coinbase Advanced Trade BTC-USD: cent ticks, a deep book (FACTS §1.7).</summary>
    public static SpotBookShape Coinbase { get; } = new(0.01m, 40, 40, 1, 1, 1.0, 0.00005m);

    /// <summary>Kraken BTC/USD: price precision 1 (FACTS §2.5).</summary>
    public static SpotBookShape Kraken { get; } = new(0.1m, 30, 8, 1, 1, 0.8, -0.00008m);

    /// <summary>Bitstamp btcusd: whole-dollar prices.</summary>
    public static SpotBookShape Bitstamp { get; } = new(1m, 30, 3, 1, 2, 0.6, 0.0001m);

    /// <summary>Binance.US BTCUSD: cent ticks, a thinner book with a wider spread.</summary>
    public static SpotBookShape BinanceUs { get; } = new(0.01m, 40, 90, 20, 80, 0.3, -0.00003m);
}
