// Reads the close time out of a Kalshi time-series ticker such as KXBTC15M-26FEB012145-45: series, then
// yyMMMddHHmm in US Eastern time (2026-02-01 21:45 ET = 2026-02-02 02:45 UTC in February, EST), then a suffix that
// repeats the minute. The ticker is the only place the collector file gives a market's times; a KXBTC15M window
// opens 15 minutes before it closes (FACTS §5.8b). A ticker that does not follow the pattern is refused with the reason.
using System.Globalization;

namespace Edgewise.Strategies.BtcBinary;

public static class KalshiTicker
{
    /// <summary>Length of one KXBTC15M window.</summary>
    public static readonly TimeSpan FifteenMinuteWindow = TimeSpan.FromMinutes(15);

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The event ticker: the ticker without its last dash-separated part (KXBTC15M-26FEB012145).</summary>
    public static string EventOf(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var last = ticker.LastIndexOf('-');
        return last > 0 ? ticker[..last] : ticker;
    }

    /// <summary>The series: the part before the first dash (KXBTC15M).</summary>
    public static string SeriesOf(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var first = ticker.IndexOf('-', StringComparison.Ordinal);
        return first > 0 ? ticker[..first] : ticker;
    }

    /// <summary>Parses the close time (UTC); on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParseCloseTime(string ticker, out DateTimeOffset closeUtc, out string error)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        closeUtc = default;
        var parts = ticker.Split('-');
        if (parts.Length != 3)
        {
            error = $"ticker '{ticker}' is not <series>-<yyMMMddHHmm>-<mm>";
            return false;
        }

        var stamp = parts[1];
        var monthIndex = stamp.Length == 11 ? Array.IndexOf(Months, stamp.Substring(2, 3)) : -1;
        if (monthIndex < 0
            || !TryDigits(stamp.AsSpan(0, 2), out var yy)
            || !TryDigits(stamp.AsSpan(5, 2), out var day)
            || !TryDigits(stamp.AsSpan(7, 2), out var hour)
            || !TryDigits(stamp.AsSpan(9, 2), out var minute))
        {
            error = $"ticker '{ticker}': '{stamp}' is not a yyMMMddHHmm time";
            return false;
        }

        if (!TryDigits(parts[2].AsSpan(), out var suffix) || parts[2].Length != 2 || suffix != minute)
        {
            error = $"ticker '{ticker}': suffix '{parts[2]}' does not repeat the minute {minute:00}";
            return false;
        }

        var year = 2000 + yy;
        if (year < 2007)
        {
            error = $"ticker '{ticker}': {year} is before the US daylight-saving rules this parser knows (2007 on)";
            return false;
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, monthIndex + 1) || hour > 23 || minute > 59)
        {
            error = $"ticker '{ticker}': '{stamp}' is not a valid date and time";
            return false;
        }

        var wall = new DateTime(year, monthIndex + 1, day, hour, minute, 0, DateTimeKind.Unspecified);
        if (!UsEasternTime.TryToUtc(wall, out closeUtc))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"ticker '{ticker}': {wall:yyyy-MM-dd HH:mm} does not exist in US Eastern time");
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
