// Text helpers shared by the simulated venues: times as the venues print them (RFC 3339 with microseconds, Unix ms, Unix µs)
// and decimals at a fixed number of places, always in the invariant culture.
using System.Globalization;
using Edgewise.Core.Time;

namespace Edgewise.Simulators.Market;

internal static class SimWire
{
    public static string Rfc3339(long unixNs) =>
        UnixTime.FromUnixNs(unixNs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Go's time.String() as Coinbase heartbeats print it: "2026-01-01 00:00:01.000000000".</summary>
    public static string GoTime(long unixNs) =>
        UnixTime.FromUnixNs(unixNs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + (unixNs % 100).ToString("00", CultureInfo.InvariantCulture);

    public static long Ms(long unixNs) => unixNs / 1_000_000;

    public static long Micros(long unixNs) => unixNs / 1_000;

    /// <summary>The value with exactly <paramref name="decimals"/> places ("97000.10", "0.50000000").</summary>
    public static string Fixed(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.ToEven).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
