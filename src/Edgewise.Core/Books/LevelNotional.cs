// price × size for depth walks, exact and fast. Both operands are raw values at scale 1e-9 and not
// negative here, so their 128-bit integer product is the notional at scale 1e-18; when it fits the
// decimal's 96-bit mantissa (any notional below about 7.9e10) it becomes a decimal directly, without
// the two divisions of the general conversion. Larger products take the general path.
using System.Runtime.CompilerServices;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

internal static class LevelNotional
{
    private const byte ProductScale = 2 * FixedPoint.Scale;

    /// <summary>One at the largest decimal scale: dividing by it keeps the value and drops trailing zeros.</summary>
    private const decimal OneAtMaxScale = 1.0000000000000000000000000000m;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Of(long priceRaw, long sizeRaw)
    {
        var high = Math.BigMul((ulong)priceRaw, (ulong)sizeRaw, out var low);
        if (priceRaw >= 0 && sizeRaw >= 0 && high <= uint.MaxValue)
        {
            return new decimal((int)low, (int)(low >> 32), (int)high, isNegative: false, ProductScale);
        }

        return FixedPoint.Multiply(priceRaw, sizeRaw);
    }

    /// <summary>
    /// The same value without trailing zeros (22.700000000000000000 → 22.7), so a walk's notional prints as people
    /// expect; the products above carry 18 decimals.
    /// </summary>
    public static decimal Normalize(decimal value) => value / OneAtMaxScale;
}
