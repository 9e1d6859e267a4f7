using System.Text;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Common;

public class Rfc3339TimeTests
{
    [Theory]
    // 1970-01-01 is day 0.
    [InlineData("1970-01-01T00:00:00Z", 0L)]
    // 2026-04-07: 1970..2025 = 56 years with 14 leap days -> 20454 days; + 31 + 28 + 31 + 6 = 20550 days.
    // 20550 * 86400 = 1_775_520_000 s; + 14:30:00 = 52_200 s -> 1_775_572_200 s; .123456 -> 123_456_000 ns.
    [InlineData("2026-04-07T14:30:00.123456Z", 1_775_572_200_123_456_000L)]
    // 2024-10-04: 54 years with 13 leap days -> 19723; 2024 (leap) Jan..Sep = 274, + 3 = 20000 days.
    // 20000 * 86400 = 1_728_000_000; + 07:04:40 = 25_480 -> 1_728_025_480 s; nine fractional digits kept exactly.
    [InlineData("2024-10-04T07:04:40.825062088Z", 1_728_025_480_825_062_088L)]
    // Same instant written at +02:00 (09:04:40 local).
    [InlineData("2024-10-04T09:04:40.825062088+02:00", 1_728_025_480_825_062_088L)]
    // And at -05:30 (01:34:40 local).
    [InlineData("2024-10-04T01:34:40.825062088-05:30", 1_728_025_480_825_062_088L)]
    // Leap day: 19723 + 31 + 28 = 19782 days; 19782 * 86400 + 86399 = 1_709_251_199 s.
    [InlineData("2024-02-29T23:59:59Z", 1_709_251_199_000_000_000L)]
    // 2000 is a leap year (divisible by 400): 30 years with 7 leap days = 10957; + 31 + 29 = 11017 days * 86400.
    [InlineData("2000-03-01T00:00:00Z", 951_868_800_000_000_000L)]
    // One fractional digit is tenths; lower-case separators are allowed by RFC 3339.
    [InlineData("1970-01-01t00:00:01.5z", 1_500_000_000L)]
    public void TryParseUnixNanos_ValidText_GivesUnixNanoseconds(string text, long expected)
    {
        Assert.True(Rfc3339Time.TryParseUnixNanos(Encoding.UTF8.GetBytes(text), out var ns));
        Assert.Equal(expected, ns);
    }

    [Theory]
    [InlineData("2024-10-04 07:04:40.820713045 +0000 UTC m=+66987.628148662")] // Coinbase heartbeat current_time (Go format)
    [InlineData("2023-02-29T00:00:00Z")] // not a leap year
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-04-31T00:00:00Z")]
    [InlineData("2026-04-07T24:00:00Z")]
    [InlineData("2026-04-07T14:30:00")] // no zone
    [InlineData("2026-04-07T14:30:00.Z")] // point without digits
    [InlineData("2026-04-07T14:30:00.1234567891Z")] // finer than a nanosecond
    [InlineData("2026-04-07T14:30:00+0200")] // offset without colon
    [InlineData("0001-01-01T00:00:00Z")] // Go's zero time: outside the supported years
    [InlineData("2026-04-07T14:30:00ZZ")]
    [InlineData("")]
    public void TryParseUnixNanos_NotRfc3339_ReturnsFalse(string text)
    {
        Assert.False(Rfc3339Time.TryParseUnixNanos(Encoding.UTF8.GetBytes(text), out _));
    }
}
