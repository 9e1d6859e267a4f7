namespace Edgewise.Simulators.Market;

/// <summary>A taker trade on a simulated spot venue: whether the taker bought (lifted the ask) or sold, at what price, how much.</summary>
internal readonly record struct SpotTrade(bool TakerBuys, decimal Price, decimal Size);
