// Venue decimals straight from the JSON token's text into fixed point, never through double.
// Strings ("61837.63") and plain numbers (Kraken v2: 45283.5) are read as written; a number in exponent
// form (1.5e-05, which a JSON encoder may choose for a tiny quantity) is rewritten as plain digits on the
// stack first, so it parses to the same exact value.
using System.Text.Json;
using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Common;

/// <summary>Reads a JSON string or number token's exact text as a fixed-point value (never through double).</summary>
public static class DecimalText
{
    private const int MaxExponentDigits = 40;
    private const int MaxIntegerDigits = 30;

    /// <summary>True when the current token is a string or number whose text is a valid decimal at the global scale.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out long raw, out int decimals)
    {
        if ((reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Number) || reader.ValueIsEscaped)
        {
            raw = 0;
            decimals = 0;
            return false;
        }

        var text = reader.ValueSpan;
        return reader.TokenType == JsonTokenType.Number && text.IndexOfAny((byte)'e', (byte)'E') >= 0
            ? TryParseExponent(text, out raw, out decimals)
            : FixedPoint.TryParse(text, out raw, out decimals);
    }

    /// <summary>
    /// True when the token is a well-formed non-negative decimal too large for the fixed-point range
    /// (integer part above long.MaxValue / 10^9, about 9.2e9): a real value that cannot be held, as
    /// opposed to bad text. Venues use it to tell a placeholder order at an absurd price from garbage.
    /// </summary>
    public static bool IsBeyondRange(ref Utf8JsonReader reader)
    {
        if ((reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Number) || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        var i = text.Length > 0 && text[0] == (byte)'+' ? 1 : 0;
        while (i < text.Length - 1 && text[i] == (byte)'0' && text[i + 1] != (byte)'.')
        {
            i++;
        }

        var start = i;
        ulong integer = 0;
        for (; i < text.Length && text[i] != (byte)'.'; i++)
        {
            var d = (uint)(text[i] - (byte)'0');
            if (d > 9)
            {
                return false;
            }

            if (i - start < 19)
            {
                integer = integer * 10 + d;
            }
        }

        var intDigits = i - start;
        if (intDigits == 0)
        {
            return false;
        }

        if (i < text.Length)
        {
            var fraction = text[(i + 1)..];
            if (fraction.IsEmpty || fraction.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            {
                return false;
            }
        }

        return intDigits >= 19 || integer > (ulong)(long.MaxValue / FixedPoint.One);
    }

    /// <summary>Rewrites "-1.25e-3" as "-0.00125" on the stack and parses that.</summary>
    private static bool TryParseExponent(ReadOnlySpan<byte> text, out long raw, out int decimals)
    {
        raw = 0;
        decimals = 0;
        Span<byte> digits = stackalloc byte[MaxExponentDigits];
        var count = 0;
        var point = -1;
        var i = 0;
        var negative = text[0] == (byte)'-';
        if (negative)
        {
            i++;
        }

        for (; i < text.Length && (text[i] | 0x20) != (byte)'e'; i++)
        {
            if (text[i] == (byte)'.')
            {
                point = count;
                continue;
            }

            if (count == digits.Length)
            {
                return false;
            }

            digits[count++] = text[i];
        }

        if (point < 0)
        {
            point = count;
        }

        // The reader has already checked the JSON number grammar, so only the exponent's size needs guarding.
        var exponentText = text[(i + 1)..];
        var exponentNegative = exponentText[0] == (byte)'-';
        if (exponentText[0] is (byte)'-' or (byte)'+')
        {
            exponentText = exponentText[1..];
        }

        if (exponentText.Length > 2)
        {
            return false;
        }

        var exponent = 0;
        foreach (var c in exponentText)
        {
            exponent = exponent * 10 + (c - (byte)'0');
        }

        point += exponentNegative ? -exponent : exponent;
        if (point > MaxIntegerDigits || point < -MaxExponentDigits)
        {
            return false; // far outside the fixed-point range either way
        }

        Span<byte> plain = stackalloc byte[3 * MaxExponentDigits + 4];
        var n = 0;
        if (negative)
        {
            plain[n++] = (byte)'-';
        }

        if (point <= 0)
        {
            plain[n++] = (byte)'0';
            plain[n++] = (byte)'.';
            plain.Slice(n, -point).Fill((byte)'0');
            n += -point;
            digits[..count].CopyTo(plain[n..]);
            n += count;
        }
        else if (point >= count)
        {
            digits[..count].CopyTo(plain[n..]);
            n += count;
            plain.Slice(n, point - count).Fill((byte)'0');
            n += point - count;
        }
        else
        {
            digits[..point].CopyTo(plain[n..]);
            n += point;
            plain[n++] = (byte)'.';
            digits[point..count].CopyTo(plain[n..]);
            n += count - point;
        }

        return FixedPoint.TryParse(plain[..n], out raw, out decimals);
    }
}
