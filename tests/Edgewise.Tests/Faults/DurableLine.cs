using System.Globalization;

namespace Edgewise.Tests.Faults;

/// <summary>Reads store-soak's "durable runs=1 orders=50 ..." lines: the row counts the store held after a flush.</summary>
internal static class DurableLine
{
    public const string Prefix = "durable ";

    public static bool TryParse(string line, out Dictionary<string, long> counts)
    {
        counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var pair in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            counts[pair[..at]] = long.Parse(pair[(at + 1)..], CultureInfo.InvariantCulture);
        }

        return true;
    }

    /// <summary>The counts of the last durable line in <paramref name="lines"/> (empty when there is none).</summary>
    public static Dictionary<string, long> Last(IEnumerable<string> lines)
    {
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (TryParse(line, out var counts))
            {
                last = counts;
            }
        }

        return last;
    }
}
