// Fixed text forms for reports, invariant culture, so the same run renders to the same bytes anywhere: money with at
// least 2 and at most 6 decimals (Kalshi's fee step is $0.000001, which 2 decimals would hide), prices and sizes as
// exact decimals, times as ISO 8601 UTC to the millisecond.
using System.Globalization;
using Edgewise.Engine.Time;

namespace Edgewise.Cli.Reports;

internal static class ReportFormat
{
    public static string Money(decimal value) => decimal.Round(value, 6, MidpointRounding.ToEven).ToString("0.00####", CultureInfo.InvariantCulture);

    public static string SignedMoney(decimal value) => (value > 0m ? "+" : string.Empty) + Money(value);

    public static string Number(decimal value) => decimal.Round(value, 6, MidpointRounding.ToEven).ToString("0.######", CultureInfo.InvariantCulture);

    public static string Percent(decimal? fraction) =>
        fraction is { } f ? (f * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Time(long unixNs) =>
        ReplayTimeProvider.FromUnixNs(unixNs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Duration(long ns)
    {
        var span = TimeSpan.FromTicks(ns / TimeSpan.NanosecondsPerTick);
        return span.TotalDays >= 1
            ? span.ToString(@"d'd 'hh'h 'mm'm'", CultureInfo.InvariantCulture)
            : span.ToString(@"hh'h 'mm'm 'ss's'", CultureInfo.InvariantCulture);
    }
}
