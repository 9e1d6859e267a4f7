namespace Edgewise.Simulators.Market;

/// <summary>One level of a simulated spot book after a change: its side, price and new absolute size (0 = removed).</summary>
internal readonly record struct LevelChange(bool IsBid, decimal Price, decimal Size);
