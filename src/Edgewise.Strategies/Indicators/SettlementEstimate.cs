namespace Edgewise.Strategies.Indicators;

/// <summary>
/// The running settlement value of a market closing at <paramref name="CloseTimeNs"/>, from the index prints so far.
/// </summary>
/// <param name="CloseTimeNs">The market's close time, Unix ns.</param>
/// <param name="NowNs">Local time of the estimate, Unix ns.</param>
/// <param name="WindowSeconds">Whole seconds in the settlement window (60 for Kalshi's BTC series).</param>
/// <param name="SecondsElapsed">Window seconds at or before now.</param>
/// <param name="PrintCount">Elapsed window seconds that have a print with a value.</param>
/// <param name="MissingSeconds">Elapsed window seconds without one (never filled in).</param>
/// <param name="Value">The rule's average of the prints so far; null before the first print.</param>
/// <param name="IsFinal">Every window second has elapsed (now ≥ close): the value will not change.</param>
public sealed record SettlementEstimate(
    long CloseTimeNs,
    long NowNs,
    int WindowSeconds,
    int SecondsElapsed,
    int PrintCount,
    int MissingSeconds,
    decimal? Value,
    bool IsFinal)
{
    /// <summary>
    /// The KXBTC15M strike ("price to beat") of the window that opens at this close: the same 60-second average
    /// (FACTS §5.8b). Provisional until <see cref="IsFinal"/>.
    /// </summary>
    public decimal? NextWindowStrikeEstimate => Value;

    /// <summary>True when the settlement window has elapsed with a print for every second.</summary>
    public bool IsComplete => IsFinal && MissingSeconds == 0;
}
