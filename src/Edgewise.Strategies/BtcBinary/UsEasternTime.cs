// US Eastern wall-clock time to UTC, by the US daylight-saving rules in force since 2007 (EDT, UTC−4, from the
// second Sunday of March 02:00 local to the first Sunday of November 02:00 local; EST, UTC−5, otherwise).
// Written out instead of read from the machine's time-zone database so a ticker gives the same close time on
// every machine. Kalshi tickers name times in ET. A wall time that does not exist (02:00–02:59 on the spring
// day) is refused; one that happens twice (01:00–01:59 on the autumn day) is taken as the first, EDT, occurrence.
namespace Edgewise.Strategies.BtcBinary;

public static class UsEasternTime
{
    private static readonly TimeSpan Standard = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Daylight = TimeSpan.FromHours(-4);

    /// <summary>The UTC instant of an Eastern wall-clock time; false for a time that does not exist (spring forward).</summary>
    public static bool TryToUtc(DateTime wallClock, out DateTimeOffset utc)
    {
        var year = wallClock.Year;
        if (year < 2007)
        {
            throw new ArgumentOutOfRangeException(nameof(wallClock), wallClock, "Only the daylight-saving rules in force since 2007 are known.");
        }

        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var springForward = NthSunday(year, 3, 2).AddHours(2);
        var fallBack = NthSunday(year, 11, 1).AddHours(2);
        if (local >= springForward && local < springForward.AddHours(1))
        {
            utc = default;
            return false;
        }

        var offset = local >= springForward && local < fallBack ? Daylight : Standard;
        utc = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var toSunday = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toSunday + (7 * (n - 1)));
    }
}
