// Fixed text forms for backtest outputs, so summary.json and the report are byte-identical run to run: money with 6
// decimals (Kalshi's fee step), rates and scores with 6, times as ISO 8601 UTC with microseconds.
using System.Globalization;
using Edgewise.Engine.Time;

namespace Edgewise.Cli.Backtest;

internal static class BacktestFormat
{
    public static string Money(decimal value) => value.ToString("F6", CultureInfo.InvariantCulture);

    public static string Rate(decimal? value) => value is { } v ? v.ToString("F6", CultureInfo.InvariantCulture) : "n/a";

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Time(long unixNs) =>
        ReplayTimeProvider.FromUnixNs(unixNs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan span) => ((decimal)span.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture);

    public static string Percent(decimal? fraction) =>
        fraction is { } f ? (f * 100m).ToString("F1", CultureInfo.InvariantCulture) + "%" : "n/a";
}
