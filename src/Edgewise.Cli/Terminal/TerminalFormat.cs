// Text for the terminal dashboard: invariant culture throughout, so a frame reads the same on every machine, and
// every warning is a word as well as a colour (a monochrome terminal or a captured pane still shows it).
using System.Globalization;
using Spectre.Console;

namespace Edgewise.Cli.Terminal;

internal static class TerminalFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>An exact decimal without trailing zeros ("97123.5"), "-" for none.</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString("0.#########", Inv) : "-";

    /// <summary>Dollars with sign and two decimals ("+12.34", "-3.10", "0.00").</summary>
    public static string Money(decimal value) => value.ToString("+#,##0.00;-#,##0.00;0.00", Inv);

    /// <summary>An amount that is not a gain or loss, two decimals, sign only when negative ("1,007.25").</summary>
    public static string Amount(decimal value) => value.ToString("#,##0.00", Inv);

    /// <summary>Money in green when positive, red when negative.</summary>
    public static string MoneyMarkup(decimal value) => value switch
    {
        > 0m => $"[green]{Money(value)}[/]",
        < 0m => $"[red]{Money(value)}[/]",
        _ => Money(value),
    };

    /// <summary>A fraction as a percentage ("0.0123" → "1.23%").</summary>
    public static string Percent(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.##", Inv) + "%" : "-";

    /// <summary>Milliseconds as seconds with one decimal ("2500" → "2.5s").</summary>
    public static string Seconds(long milliseconds) => (milliseconds / 1000m).ToString("0.0", Inv) + "s";

    public static string Integer(long value) => value.ToString(Inv);

    public static AgeLevel LevelOf(long? ageMs, TerminalDashboardOptions options)
    {
        if (ageMs is not { } age)
        {
            return AgeLevel.Unknown;
        }

        if (age > options.StaleAge.TotalMilliseconds)
        {
            return AgeLevel.Stale;
        }

        return age > options.WarnAge.TotalMilliseconds ? AgeLevel.Lagging : AgeLevel.Fresh;
    }

    /// <summary>"0.4s", "[yellow]2.5s LAGGING[/]", "[red]6.0s STALE[/]" or "[yellow]no update[/]".</summary>
    public static string AgeMarkup(long? ageMs, TerminalDashboardOptions options) => (LevelOf(ageMs, options), ageMs) switch
    {
        (AgeLevel.Fresh, { } age) => Seconds(age),
        (AgeLevel.Lagging, { } age) => $"[yellow]{Seconds(age)} LAGGING[/]",
        (AgeLevel.Stale, { } age) => $"[red bold]{Seconds(age)} STALE[/]",
        _ => "[yellow]no update[/]",
    };

    /// <summary>Escapes text from the engine or a venue so brackets in it are not read as markup.</summary>
    public static string Text(string? value) => string.IsNullOrEmpty(value) ? "-" : Markup.Escape(value);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", Inv);

    public static string TimeOfUnixNs(long unixNs) => Time(DateTimeOffset.UnixEpoch.AddTicks(unixNs / 100));
}
