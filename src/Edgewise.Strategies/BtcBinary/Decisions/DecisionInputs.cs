namespace Edgewise.Strategies.BtcBinary.Decisions;

/// <summary>
/// The numbers a decision was taken on; null where a value did not exist at that moment (never guessed).
/// Prices are in dollars, moves and edges as fractions/dollars, times in seconds.
/// </summary>
public sealed record DecisionInputs
{
    /// <summary>The index value used (the latest usable print).</summary>
    public decimal? Index { get; init; }

    public decimal? IndexAgeSeconds { get; init; }

    public decimal? Strike { get; init; }

    /// <summary>"market" when the market stated it, else how it was estimated ("index_average 2/60 prints").</summary>
    public string? StrikeSource { get; init; }

    public decimal? SecondsToClose { get; init; }

    /// <summary>Realised BTC volatility, annualised.</summary>
    public decimal? VolAnnual { get; init; }

    /// <summary>The model's probability of YES.</summary>
    public decimal? FairYes { get; init; }

    public decimal? YesBid { get; init; }

    public decimal? YesAsk { get; init; }

    /// <summary>BTC's relative move over the signal's window.</summary>
    public decimal? Momentum { get; init; }

    /// <summary>The price the entry or exit would trade at, in the traded side's terms.</summary>
    public decimal? Price { get; init; }

    /// <summary>Fair value of the side minus price minus fee per contract.</summary>
    public decimal? Edge { get; init; }

    /// <summary>Contracts at the price we would take, or "unknown in this data".</summary>
    public string? Depth { get; init; }

    public string? FlashCrash { get; init; }

    public decimal? FlashDrop { get; init; }

    /// <summary>The stop distance in force (exits).</summary>
    public decimal? StopFraction { get; init; }

    /// <summary>(bid − entry) / entry of the held side (exits).</summary>
    public decimal? Return { get; init; }

    /// <summary>The stake in dollars the sizing rules gave (entries).</summary>
    public decimal? Stake { get; init; }
}
