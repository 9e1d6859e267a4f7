namespace Edgewise.Core.Fees;

/// <summary>Rounding of money to a step such as $0.000001 or $0.01; exact, because decimal division by a power of ten is exact.</summary>
internal static class DecimalRounding
{
    /// <summary>The smallest multiple of <paramref name="step"/> that is ≥ <paramref name="value"/>.</summary>
    public static decimal CeilingToStep(decimal value, decimal step) => decimal.Ceiling(value / step) * step;

    /// <summary>The largest multiple of <paramref name="step"/> that is ≤ <paramref name="value"/> (toward negative infinity).</summary>
    public static decimal FloorToStep(decimal value, decimal step) => decimal.Floor(value / step) * step;
}
