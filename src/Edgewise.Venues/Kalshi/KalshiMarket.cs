using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// A Kalshi market as the engine trades it (<see cref="Contract"/>) with the Kalshi identifiers that have no place on a
/// <see cref="BinaryContract"/>: its event and series, status and price-level structure, as the market object gave them.
/// </summary>
public sealed record KalshiMarket(
    BinaryContract Contract,
    string SeriesTicker,
    string? EventTicker,
    string? Status,
    string? PriceLevelStructure);
