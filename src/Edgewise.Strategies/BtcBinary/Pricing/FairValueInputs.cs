namespace Edgewise.Strategies.BtcBinary.Pricing;

/// <summary>What the fair-value model needs at one moment (see <see cref="FairValueModel"/> for the units and the formula).</summary>
/// <param name="Spot">The index now, USD.</param>
/// <param name="Strike">The strike, USD: YES when the settlement average is at least this.</param>
/// <param name="SecondsToClose">Close time minus now, seconds (≥ 0).</param>
/// <param name="SigmaPerSqrtSecond">Volatility of the index's log price per √second.</param>
/// <param name="WindowSeconds">Prints averaged for settlement (60: one per second in (close − 60 s, close]).</param>
/// <param name="ElapsedWindowSeconds">Window seconds already at or before now (0 before the window starts).</param>
/// <param name="ElapsedAverage">Average of the window prints seen so far; ignored when none have elapsed.</param>
public readonly record struct FairValueInputs(
    double Spot,
    double Strike,
    double SecondsToClose,
    double SigmaPerSqrtSecond,
    int WindowSeconds,
    int ElapsedWindowSeconds,
    double ElapsedAverage);
