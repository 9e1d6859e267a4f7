// Fixed-point decimal text <-> long conversion used by every price and quantity in market data.
// One global scale (9 decimal places) lets values from different venues compare and add directly
// (the BTC index mixes four venues), while each instrument's tick grid is checked separately.
// Parsing never goes through double; digits beyond the 9th decimal are accepted only when they are zero.
using System.Runtime.CompilerServices;

namespace Edgewise.Core.Numerics;

public static class FixedPoint
{
    /// <summary>Decimal places held by every raw value.</summary>
    public const int Scale = 9;

    /// <summary>10^Scale: the raw value of 1.</summary>
    public const long One = 1_000_000_000L;

    private static readonly long[] Pow10 =
    [
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
    ];

    /// <summary>Parses ASCII decimal text ("61837.63000000", "-0.5", "12") into a raw value at <see cref="Scale"/>.</summary>
    /// <param name="text">UTF-8 digits with an optional leading '-' or '+', and an optional '.'.</param>
    /// <param name="raw">The value times 10^Scale.</param>
    /// <param name="decimals">How many digits the text had after the point (trailing zeros included), so it can be written back as it came.</param>
    public static bool TryParse(ReadOnlySpan<byte> text, out long raw, out int decimals)
    {
        raw = 0;
        decimals = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (text[0] == (byte)'-' || text[0] == (byte)'+')
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        // Integer digits: at most 10 fit the range (long.MaxValue / One has 10 digits), so overflow is checked once
        // after the loop instead of per digit; this parse runs twice per book level on the hot path.
        ulong integer = 0;
        var intStart = i;
        while (i < text.Length)
        {
            var d = (uint)(text[i] - (byte)'0');
            if (d > 9)
            {
                break;
            }

            integer = (integer * 10) + d;
            i++;
        }

        var intDigits = i - intStart;
        if (intDigits > 10)
        {
            return false;
        }

        ulong fraction = 0;
        if (i < text.Length)
        {
            if (text[i] != (byte)'.')
            {
                return false;
            }

            i++;
            var fracStart = i;
            var significantEnd = Math.Min(text.Length, fracStart + Scale);
            for (; i < significantEnd; i++)
            {
                var d = (uint)(text[i] - (byte)'0');
                if (d > 9)
                {
                    return false;
                }

                fraction = (fraction * 10) + d;
            }

            // Digits past the 9th are accepted only when zero: refuse rather than round.
            for (; i < text.Length; i++)
            {
                if (text[i] != (byte)'0')
                {
                    return false;
                }
            }

            decimals = text.Length - fracStart;
            if (decimals == 0 && intDigits == 0)
            {
                return false;
            }
        }

        if (intDigits == 0 && decimals == 0)
        {
            return false;
        }

        var used = Math.Min(decimals, Scale);
        fraction *= (ulong)Pow10[Scale - used];
        if (integer > (ulong)(long.MaxValue / One))
        {
            return false;
        }

        // The magnitude is built unsigned so that long.MinValue (whose magnitude is one more than
        // long.MaxValue) parses back from the text Format writes for it.
        var magnitude = (integer * One) + fraction;
        var limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        if (magnitude > limit)
        {
            return false;
        }

        raw = negative ? (long)(0UL - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>Parses UTF-16 text; same rules as the UTF-8 overload.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long raw, out int decimals)
    {
        Span<byte> buffer = stackalloc byte[64];
        if (text.Length > buffer.Length)
        {
            raw = 0;
            decimals = 0;
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > 127)
            {
                raw = 0;
                decimals = 0;
                return false;
            }

            buffer[i] = (byte)c;
        }

        return TryParse(buffer[..text.Length], out raw, out decimals);
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the text.</summary>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var raw, out _)
            ? raw
            : throw new FormatException($"'{text}' is not a decimal number with at most {Scale} decimal places.");
    }

    /// <summary>Exact conversion to decimal.</summary>
    public static decimal ToDecimal(long raw) => new decimal(raw) / One;

    /// <summary>Exact conversion from decimal; throws when the value has more than <see cref="Scale"/> decimals or overflows.</summary>
    public static long FromDecimal(decimal value)
    {
        var scaled = value * One;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"More than {Scale} decimal places.");
        }

        return decimal.ToInt64(scaled);
    }

    /// <summary>Writes the value with exactly <paramref name="decimals"/> digits after the point (0..Scale).</summary>
    public static bool TryFormat(long raw, int decimals, Span<char> destination, out int written)
    {
        if ((uint)decimals > Scale)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals));
        }

        written = 0;
        var negative = raw < 0;
        var magnitude = negative ? (ulong)(-(raw + 1)) + 1 : (ulong)raw;
        var integer = magnitude / One;
        var fraction = magnitude % One;
        var dropped = Pow10[Scale - decimals];
        if (fraction % (ulong)dropped != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), $"The value has more than {decimals} decimal places.");
        }

        fraction /= (ulong)dropped;
        var pos = 0;
        if (negative)
        {
            if (destination.Length < 1)
            {
                return false;
            }

            destination[pos++] = '-';
        }

        if (!integer.TryFormat(destination[pos..], out var intWritten, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        pos += intWritten;
        if (decimals > 0)
        {
            if (destination.Length < pos + 1 + decimals)
            {
                return false;
            }

            destination[pos++] = '.';
            for (var k = decimals - 1; k >= 0; k--)
            {
                destination[pos + k] = (char)('0' + (int)(fraction % 10));
                fraction /= 10;
            }

            pos += decimals;
        }

        written = pos;
        return true;
    }

    /// <summary>Formats with exactly <paramref name="decimals"/> digits after the point.</summary>
    public static string Format(long raw, int decimals)
    {
        Span<char> buffer = stackalloc char[48];
        return TryFormat(raw, decimals, buffer, out var n) ? new string(buffer[..n]) : throw new InvalidOperationException("Buffer too small.");
    }

    /// <summary>Formats with the fewest decimals that keep the value exact (at least one digit, no trailing zeros).</summary>
    public static string FormatMinimal(long raw) => Format(raw, MinimalDecimals(raw));

    /// <summary>The fewest decimals that represent the value exactly.</summary>
    public static int MinimalDecimals(long raw)
    {
        var fraction = Math.Abs(raw % One);
        if (fraction == 0)
        {
            return 0;
        }

        var decimals = Scale;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            decimals--;
        }

        return decimals;
    }

    /// <summary>Multiplies two raw values (e.g. price × quantity) into an exact decimal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Multiply(long a, long b) => ToDecimal(a) * ToDecimal(b);

    /// <summary>Powers of ten up to <see cref="Scale"/>, for tick arithmetic.</summary>
    public static long PowerOfTen(int exponent) => Pow10[exponent];
}
