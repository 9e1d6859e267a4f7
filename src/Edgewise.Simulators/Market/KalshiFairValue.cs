// The simulated Kalshi market makers' idea of a KXBTC15M contract's worth: P(the 60-second index average before the close is at
// least the strike), with the index a driftless walk of the given volatility. Before the averaging minute the average's
// uncertainty is the walk's until the minute starts plus a third of the minute's (the variance of a Brownian average over a span
// is a third of its end point's); inside the minute the prints already made are fixed and only the rest is uncertain:
//   τ ≥ 60 s: mean S, sd σ·S·√(τ − 60 + 20);   τ < 60 s: mean (Σ known + (60 − n)·S)/60, sd σ·S·(τ/60)·√(τ/3).
// A normal approximation, as the brief allows: good enough to make books that move the right way and settle consistently.
namespace Edgewise.Simulators.Market;

internal static class KalshiFairValue
{
    public const int AveragingSeconds = 60;

    /// <param name="spot">The index the makers see (lagged by the caller).</param>
    /// <param name="strike">The floor strike.</param>
    /// <param name="secondsToClose">τ.</param>
    /// <param name="sigmaPerSqrtSecond">Relative volatility per √s.</param>
    /// <param name="knownSum">The sum of the prints of the averaging minute already made.</param>
    /// <param name="knownCount">How many prints that is.</param>
    public static double Probability(decimal spot, decimal strike, double secondsToClose, double sigmaPerSqrtSecond, decimal knownSum, int knownCount)
    {
        var s = (double)spot;
        var tau = Math.Max(secondsToClose, 0.0);
        double mean, sd;
        if (tau >= AveragingSeconds)
        {
            mean = s;
            sd = sigmaPerSqrtSecond * s * Math.Sqrt(tau - AveragingSeconds + (AveragingSeconds / 3.0));
        }
        else
        {
            mean = ((double)knownSum + ((AveragingSeconds - knownCount) * s)) / AveragingSeconds;
            sd = sigmaPerSqrtSecond * s * (tau / AveragingSeconds) * Math.Sqrt(tau / 3.0);
        }

        var gap = mean - (double)strike;
        return sd <= 0 ? (gap >= 0 ? 1.0 : 0.0) : NormalCdf(gap / sd);
    }

    /// <summary>Φ(x) by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2.0);
        var t = 1.0 / (1.0 + (0.3275911 * z));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1.0 - (poly * Math.Exp(-z * z));
        return 0.5 * (1.0 + (x >= 0 ? erf : -erf));
    }
}
