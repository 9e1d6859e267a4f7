using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// A closed Kalshi market's result as its market object showed it: <paramref name="Result"/> YES or NO, Kalshi's status text
/// (finalized, settled, determined...), and when this client saw it (<paramref name="ObservedAt"/>, on its clock).
/// </summary>
public sealed record KalshiSettlement(string Ticker, OutcomeSide Result, string? Status, DateTimeOffset ObservedAt);
