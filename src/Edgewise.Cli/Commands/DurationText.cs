// Durations as people type them on a command line: "60s", "10m", "1h30m", "500ms", "2d", or a TimeSpan "00:01:00".
// A bare number is refused rather than guessed (TimeSpan would read "10" as ten days).
using System.Globalization;

namespace Edgewise.Cli.Commands;

internal static class DurationText
{
    public const string Examples = "60s, 10m, 1h30m, 500ms or 00:01:00";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }

        var seconds = 0m;
        var i = 0;
        while (i < text.Length)
        {
            var numberStart = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (unitStart == numberStart
                || !decimal.TryParse(text.AsSpan(numberStart, unitStart - numberStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                || UnitSeconds(text.AsSpan(unitStart, i - unitStart)) is not { } unit)
            {
                return false;
            }

            seconds += number * unit;
            if (seconds > (decimal)TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return false;
            }
        }

        value = TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    private static decimal? UnitSeconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => 0.001m,
        "s" => 1m,
        "m" => 60m,
        "h" => 3_600m,
        "d" => 86_400m,
        _ => null,
    };
}
