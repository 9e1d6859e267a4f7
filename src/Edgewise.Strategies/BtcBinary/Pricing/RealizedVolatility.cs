// Realised volatility of the BTC index: an exponentially weighted mean of squared log returns, time-scaled so
// prints at any spacing (1 s live, ~30 s in the recorded file) estimate the same per-second variance:
//   r = ln(S_k / S_{k−1}),  Δt = seconds between the prints,  v = r² / Δt,
//   α = 1 − 2^(−Δt / half-life),  var ← (1 − α)·var + α·v.
// The estimate starts at the prior (a typical BTC volatility from the profile), so there is no warm-up gap, and never
// reads below the floor, so a calm minute cannot make the fair value a certainty. Annualised σ = √(var · 31,536,000).
using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.BtcBinary.Pricing;

public sealed class RealizedVolatility
{
    private readonly double _halfLifeSeconds;
    private readonly double _floorVariance;
    private long _lastTsNs;
    private double _lastValue;
    private bool _hasLast;

    public RealizedVolatility(TimeSpan halfLife, decimal priorAnnual, decimal floorAnnual)
    {
        if (halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.");
        }

        if (priorAnnual <= 0m || floorAnnual <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(priorAnnual), priorAnnual, "The prior and floor volatilities must be positive.");
        }

        _halfLifeSeconds = halfLife.TotalSeconds;
        PriorSigmaPerSqrtSecond = ToPerSecond(priorAnnual);
        VariancePerSecond = PriorSigmaPerSqrtSecond * PriorSigmaPerSqrtSecond;
        var floor = ToPerSecond(floorAnnual);
        _floorVariance = floor * floor;
    }

    /// <summary>The estimate before any return: the prior, per √second.</summary>
    public double PriorSigmaPerSqrtSecond { get; }

    /// <summary>The current EWMA of per-second variance (before the floor).</summary>
    public double VariancePerSecond { get; private set; }

    /// <summary>Returns folded in so far.</summary>
    public int Returns { get; private set; }

    /// <summary>σ per √second, at least the floor.</summary>
    public double SigmaPerSqrtSecond => Math.Sqrt(Math.Max(VariancePerSecond, _floorVariance));

    /// <summary>σ annualised, rounded to 6 decimals (for logs and reports).</summary>
    public decimal AnnualizedSigma => decimal.Round((decimal)(SigmaPerSqrtSecond * Math.Sqrt(FairValueModel.SecondsPerYear)), 6, MidpointRounding.ToEven);

    /// <summary>Folds in the return since the previous print; prints at or before the previous one are ignored.</summary>
    public void Add(long tsNs, Price value)
    {
        if (!value.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An index print must be positive.");
        }

        var current = (double)value.ToDecimal();
        if (_hasLast && tsNs <= _lastTsNs)
        {
            return;
        }

        if (_hasLast)
        {
            var dt = (tsNs - _lastTsNs) / 1e9;
            var r = Math.Log(current / _lastValue);
            var alpha = 1d - Math.Pow(2d, -dt / _halfLifeSeconds);
            VariancePerSecond = ((1d - alpha) * VariancePerSecond) + (alpha * r * r / dt);
            Returns++;
        }

        _lastTsNs = tsNs;
        _lastValue = current;
        _hasLast = true;
    }

    /// <summary>An annualised volatility as σ per √second.</summary>
    public static double ToPerSecond(decimal annual) => (double)annual / Math.Sqrt(FairValueModel.SecondsPerYear);
}
