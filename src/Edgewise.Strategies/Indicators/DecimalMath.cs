// Exponential and square root in decimal, so that the index arithmetic never goes through double and gives
// the same digits on every machine. Both are only used on small, well-conditioned inputs: exp on the RTI
// weight ratio (argument in (0, 10/3]) and sqrt on a variance of order sizes.
namespace Edgewise.Strategies.Indicators;

internal static class DecimalMath
{
    /// <summary>e^x for x ≥ 0, to about 27 significant digits.</summary>
    public static decimal Exp(decimal x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);

        // Halve until the Taylor series converges fast, then square back: e^x = (e^(x/2^h))^(2^h).
        var halvings = 0;
        while (x > 0.5m)
        {
            x /= 2;
            halvings++;
        }

        var sum = 1m;
        var term = 1m;
        for (var n = 1; n < 64; n++)
        {
            term = term * x / n;
            if (term == 0m)
            {
                break;
            }

            sum += term;
        }

        for (var i = 0; i < halvings; i++)
        {
            sum *= sum;
        }

        return sum;
    }

    /// <summary>Square root of a value ≥ 0 by Newton's method, to decimal precision.</summary>
    public static decimal Sqrt(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0m)
        {
            return 0m;
        }

        var x = value > 1m ? value / 2 : 1m;
        for (var i = 0; i < 200; i++)
        {
            var next = (x + value / x) / 2;
            if (next == x)
            {
                break;
            }

            // Newton on decimals can end by flipping between two neighbours in the last digit: take the lower.
            var after = (next + value / next) / 2;
            if (after == x)
            {
                return Math.Min(x, next);
            }

            x = next;
        }

        return x;
    }
}
