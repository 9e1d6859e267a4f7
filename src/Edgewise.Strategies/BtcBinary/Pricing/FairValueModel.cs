// Fair value of a KXBTC15M YES contract: the probability that the settlement value, the simple average A of the n
// one-second index prints in (close − n s, close], ends at or above the strike K (FACTS §5.8b, §8).
// Assumptions: the index's log price is a driftless-in-price Brownian motion with volatility σ per √second (so
// ln S_u ~ N(ln S − σ²u/2, σ²u) u seconds ahead); the arithmetic average is approximated by the geometric one (exact
// to O(σ²·spread of the window), about 1e-7 here); prints already taken are known exactly.
// With r window prints still to come at u_j = τ − r + j seconds from now (j = 1..r, τ = seconds to close) and e = n − r
// prints already averaged to A_e:
//   YES ⇔ mean of the r future prints F ≥ K' = (n·K − e·A_e) / r       (K' = K before the window starts, e = 0)
//   ln F ~ N(ln S − σ²ū/2, σ²·T),  ū = τ − r + (r + 1)/2,  T = (τ − r) + (r + 1)(2r + 1)/(6r)
// (T is (1/r²)·Σ_i Σ_j min(u_i, u_j), the variance time of the average of Brownian points), hence
//   P = Φ( (ln(S/K') − σ²ū/2) / (σ√T) ),  P = 1 when K' ≤ 0,  P = [A ≥ K] when r = 0.
// Before the window (r = n = 60) T = τ − 60 + 20.5028 s: the averaging removes about 39.5 s of variance compared with
// a single print at the close. Doubles are used inside the model (it is a statistical estimate, not money); the
// result is rounded to 6 decimals before anything compares or reports it, so decisions do not hang on the last bit.
namespace Edgewise.Strategies.BtcBinary.Pricing;

public static class FairValueModel
{
    /// <summary>Seconds in a 365-day year, for annualised volatility.</summary>
    public const double SecondsPerYear = 31_536_000d;

    /// <summary>Decimals the probability is rounded to.</summary>
    public const int Decimals = 6;

    /// <summary>P(settlement average ≥ strike), unrounded.</summary>
    public static double ProbabilityAtOrAbove(in FairValueInputs inputs)
    {
        if (!(inputs.Spot > 0d) || !(inputs.Strike > 0d))
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "Spot and strike must be positive.");
        }

        if (inputs.WindowSeconds <= 0 || !(inputs.SigmaPerSqrtSecond >= 0d))
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "The window must be positive and the volatility not negative.");
        }

        var n = inputs.WindowSeconds;
        var elapsed = Math.Clamp(inputs.ElapsedWindowSeconds, 0, n);
        var remaining = n - elapsed;
        if (remaining == 0)
        {
            return inputs.ElapsedAverage >= inputs.Strike ? 1d : 0d;
        }

        var effectiveStrike = elapsed == 0
            ? inputs.Strike
            : ((n * inputs.Strike) - (elapsed * inputs.ElapsedAverage)) / remaining;
        if (effectiveStrike <= 0d)
        {
            return 1d;
        }

        var tau = Math.Max(inputs.SecondsToClose, 0d);
        var lead = tau - remaining;
        var r = (double)remaining;
        var varianceTime = Math.Max(lead + ((r + 1d) * ((2d * r) + 1d) / (6d * r)), 1e-9);
        var meanTime = Math.Max(lead + ((r + 1d) / 2d), 0d);
        var sigma = inputs.SigmaPerSqrtSecond;
        var spread = sigma * Math.Sqrt(varianceTime);
        var logMoneyness = Math.Log(inputs.Spot / effectiveStrike) - (sigma * sigma * meanTime / 2d);
        if (spread == 0d)
        {
            return logMoneyness >= 0d ? 1d : 0d;
        }

        return NormalDistribution.Cdf(logMoneyness / spread);
    }

    /// <summary>The model's probability rounded to <see cref="Decimals"/> places, as the strategy uses it.</summary>
    public static decimal Probability(in FairValueInputs inputs) => Round(ProbabilityAtOrAbove(inputs));

    /// <summary>A probability in [0, 1] as a decimal with <see cref="Decimals"/> places.</summary>
    public static decimal Round(double probability) =>
        decimal.Round((decimal)Math.Clamp(probability, 0d, 1d), Decimals, MidpointRounding.ToEven);
}
