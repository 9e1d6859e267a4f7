namespace Edgewise.Venues.Kalshi;

/// <summary>
/// The active markets of a series changed at <paramref name="At"/>: <paramref name="Previous"/> closed (empty at start) and
/// <paramref name="Current"/> is now the window being traded (one market per window for KXBTC15M; every tracked strike of the
/// hour for KXBTCD). Each market is its own instrument, so prices of <paramref name="Current"/> must never be compared with
/// prices of <paramref name="Previous"/>: the jump between them is a new contract, not a move.
/// </summary>
public sealed record KalshiMarketSwitch(IReadOnlyList<KalshiMarket> Previous, IReadOnlyList<KalshiMarket> Current, DateTimeOffset At);
