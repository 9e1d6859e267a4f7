// The standard normal cumulative distribution Φ(x) in double precision, by Hart's rational approximation as
// arranged by W. J. Cody / G. West (absolute error about 1e-15 over the real line). .NET has no erf, and the fair
// value needs Φ accurate far into the tails, where a short polynomial approximation (1e-7) would be too coarse.
namespace Edgewise.Strategies.BtcBinary.Pricing;

public static class NormalDistribution
{
    /// <summary>Φ(x) = P(Z ≤ x) for a standard normal Z.</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Φ of NaN.");
        }

        var a = Math.Abs(x);
        double tail;
        if (a > 37d)
        {
            tail = 0d;
        }
        else
        {
            var exponential = Math.Exp(-a * a / 2d);
            if (a < 7.07106781186547)
            {
                var numerator = (3.52624965998911e-02 * a) + 0.700383064443688;
                numerator = (numerator * a) + 6.37396220353165;
                numerator = (numerator * a) + 33.912866078383;
                numerator = (numerator * a) + 112.079291497871;
                numerator = (numerator * a) + 221.213596169931;
                numerator = (numerator * a) + 220.206867912376;
                var denominator = (8.83883476483184e-02 * a) + 1.75566716318264;
                denominator = (denominator * a) + 16.064177579207;
                denominator = (denominator * a) + 86.7807322029461;
                denominator = (denominator * a) + 296.564248779674;
                denominator = (denominator * a) + 637.333633378831;
                denominator = (denominator * a) + 793.826512519948;
                denominator = (denominator * a) + 440.413735824752;
                tail = exponential * numerator / denominator;
            }
            else
            {
                var fraction = a + 0.65;
                fraction = a + (4d / fraction);
                fraction = a + (3d / fraction);
                fraction = a + (2d / fraction);
                fraction = a + (1d / fraction);
                tail = exponential / fraction / 2.506628274631;
            }
        }

        return x > 0d ? 1d - tail : tail;
    }
}
