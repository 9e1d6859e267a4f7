// RFC 3339 timestamps ("2026-04-07T14:30:00.123456Z", "2024-10-04T07:04:40.825062088+02:00") to Unix
// nanoseconds without allocating, for venues that stamp every message with text times (Coinbase, Kraken).
// Assumes what those venues send: a four-digit year in 1970..2261 (so the result fits a long), at most
// nine fractional digits (finer than a nanosecond cannot be held exactly, so it is refused, not rounded),
// and 'Z' or a ±hh:mm offset. A leap second (:60) is read as the first second of the next minute.
namespace Edgewise.Venues.Common;

public static class Rfc3339Time
{
    private const long NanosPerSecond = 1_000_000_000L;
    private const long SecondsPerDay = 86_400L;

    /// <summary>Parses UTF-8 RFC 3339 text into nanoseconds since the Unix epoch (UTC); false when the text is not one.</summary>
    public static bool TryParseUnixNanos(ReadOnlySpan<byte> text, out long unixNanos)
    {
        unixNanos = 0;
        // "YYYY-MM-DDTHH:MM:SS" is 19 bytes, then an optional fraction and a zone.
        if (text.Length < 20
            || !TryDigits(text[..4], out var year) || text[4] != (byte)'-'
            || !TryDigits(text.Slice(5, 2), out var month) || text[7] != (byte)'-'
            || !TryDigits(text.Slice(8, 2), out var day) || (text[10] | 0x20) != (byte)'t'
            || !TryDigits(text.Slice(11, 2), out var hour) || text[13] != (byte)':'
            || !TryDigits(text.Slice(14, 2), out var minute) || text[16] != (byte)':'
            || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year is < 1970 or > 2261 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (text[i] == (byte)'.')
        {
            i++;
            var digits = 0;
            for (; i < text.Length && (uint)(text[i] - (byte)'0') <= 9; i++)
            {
                if (++digits > 9)
                {
                    return false;
                }

                fraction = fraction * 10 + (text[i] - (byte)'0');
            }

            if (digits == 0)
            {
                return false;
            }

            for (var pad = digits; pad < 9; pad++)
            {
                fraction *= 10;
            }
        }

        if (!TryZoneOffsetSeconds(text[i..], out var offsetSeconds))
        {
            return false;
        }

        var seconds = DaysFromCivil(year, month, day) * SecondsPerDay + hour * 3600L + minute * 60L + second - offsetSeconds;
        unixNanos = seconds * NanosPerSecond + fraction;
        return true;
    }

    private static bool TryZoneOffsetSeconds(ReadOnlySpan<byte> zone, out long offsetSeconds)
    {
        offsetSeconds = 0;
        if (zone.Length == 1)
        {
            return (zone[0] | 0x20) == (byte)'z';
        }

        if (zone.Length != 6 || (zone[0] != (byte)'+' && zone[0] != (byte)'-') || zone[3] != (byte)':'
            || !TryDigits(zone.Slice(1, 2), out var hours) || !TryDigits(zone.Slice(4, 2), out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetSeconds = (hours * 3600L + minutes * 60L) * (zone[0] == (byte)'-' ? -1 : 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            var d = (uint)(c - (byte)'0');
            if (d > 9)
            {
                return false;
            }

            value = value * 10 + (int)d;
        }

        return true;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (the era-based civil-calendar formula).</summary>
    private static long DaysFromCivil(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = y / 400; // years here are positive, so no floor correction is needed
        var yearOfEra = y - era * 400;
        var dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
