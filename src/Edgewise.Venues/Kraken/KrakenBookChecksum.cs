// Kraken WebSocket v2 book checksum (FACTS §2.4): CRC32 (zlib/IEEE) over the top 10 asks (ascending) then
// the top 10 bids (descending), each level written as price then qty, each number printed with the
// instrument's full precision (trailing zeros a JSON number lost are put back), its '.' removed and its
// leading zeros stripped. Printing with a fixed number of decimals and dropping the point is the same as
// writing the integer value × 10^precision, which is what this does, straight into a stack buffer.
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kraken;

public static class KrakenBookChecksum
{
    /// <summary>Levels per side that the checksum covers, whatever the subscribed depth.</summary>
    public const int LevelsPerSide = 10;

    /// <summary>
    /// Computes the checksum of the given sides (best first; only the first 10 of each are used).
    /// False when a price or quantity has more decimals than the stated precision, so it cannot be
    /// printed the way Kraken prints it (a wrong precision setting, not a book error).
    /// </summary>
    public static bool TryCompute(ReadOnlySpan<BookLevel> asks, ReadOnlySpan<BookLevel> bids, int pricePrecision, int qtyPrecision, out uint checksum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pricePrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pricePrecision, FixedPoint.Scale);
        ArgumentOutOfRangeException.ThrowIfNegative(qtyPrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qtyPrecision, FixedPoint.Scale);
        var priceUnit = FixedPoint.PowerOfTen(FixedPoint.Scale - pricePrecision);
        var qtyUnit = FixedPoint.PowerOfTen(FixedPoint.Scale - qtyPrecision);
        var crc = 0u;
        checksum = 0;
        if (!Append(ref crc, asks, priceUnit, qtyUnit) || !Append(ref crc, bids, priceUnit, qtyUnit))
        {
            return false;
        }

        checksum = crc;
        return true;
    }

    private static bool Append(ref uint crc, ReadOnlySpan<BookLevel> side, long priceUnit, long qtyUnit)
    {
        Span<byte> digits = stackalloc byte[20];
        var count = Math.Min(side.Length, LevelsPerSide);
        for (var i = 0; i < count; i++)
        {
            if (!TryAppendScaled(ref crc, side[i].Price.Raw, priceUnit, digits) || !TryAppendScaled(ref crc, side[i].Size.Raw, qtyUnit, digits))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends the decimal digits of raw / unit (the number printed at its precision without '.' or leading zeros).</summary>
    private static bool TryAppendScaled(ref uint crc, long raw, long unit, Span<byte> digits)
    {
        if (raw < 0 || raw % unit != 0)
        {
            return false;
        }

        var scaled = (ulong)(raw / unit);
        if (scaled == 0)
        {
            return true; // "0.000" loses every digit to the leading-zero strip
        }

        if (!scaled.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        crc = Crc32.Append(crc, digits[..written]);
        return true;
    }
}
