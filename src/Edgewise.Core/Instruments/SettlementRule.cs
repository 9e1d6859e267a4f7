// How a binary contract's settlement value is computed from an index: the window of per-second prints
// before the close and the averaging applied to them. Kalshi's crypto series settle on the simple average of
// the sixty 1-per-second BRTI prints before the close; some long-dated series use a trimmed mean that drops
// the top and bottom 20% (FACTS §5.8b, §8).
// Assumptions: the window is (close − Window, close], the interval Kalshi's last_60s_windowed_average_15min
// covers; the caller passes the prints of that window (missing seconds are the caller's data-quality problem,
// not silently filled here). With a trim fraction f and n prints, floor(n × f) prints are dropped from each
// end (60 prints, 20% -> 12 each end, 36 averaged). The value is exact decimal arithmetic, not rounded to
// cents: comparing it with a strike of up to 9 decimals gives the same answer as comparing the exact mean.
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Instruments;

public sealed class SettlementRule
{
    public SettlementRule(TimeSpan window, SettlementAveraging averaging, decimal trimFraction = 0m)
    {
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The settlement window must be positive.");
        }

        if (!Enum.IsDefined(averaging))
        {
            throw new ArgumentOutOfRangeException(nameof(averaging), averaging, "Unknown averaging.");
        }

        if (averaging == SettlementAveraging.SimpleMean && trimFraction != 0m)
        {
            throw new ArgumentException("A simple mean trims nothing; use TrimmedMean with a trim fraction.", nameof(trimFraction));
        }

        if (averaging == SettlementAveraging.TrimmedMean && trimFraction is <= 0m or >= 0.5m)
        {
            throw new ArgumentOutOfRangeException(nameof(trimFraction), trimFraction, "A trimmed mean drops a fraction in (0, 0.5) from each end.");
        }

        Window = window;
        Averaging = averaging;
        TrimFraction = trimFraction;
    }

    /// <summary>Simple average of the 60 one-second BRTI prints before the close (KXBTC15M, KXBTCD).</summary>
    public static SettlementRule SimpleAverage60Seconds { get; } = new(TimeSpan.FromSeconds(60), SettlementAveraging.SimpleMean);

    /// <summary>Average of the 60 prints before the close after dropping the top and bottom 20%.</summary>
    public static SettlementRule TrimmedMean60Seconds { get; } = new(TimeSpan.FromSeconds(60), SettlementAveraging.TrimmedMean, 0.2m);

    public TimeSpan Window { get; }

    public SettlementAveraging Averaging { get; }

    /// <summary>Fraction of prints dropped from each end (0 for a simple mean).</summary>
    public decimal TrimFraction { get; }

    /// <summary>True when a print stamped <paramref name="printTime"/> belongs to the window ending at <paramref name="closeTime"/>: (close − Window, close].</summary>
    public bool IsInWindow(DateTimeOffset printTime, DateTimeOffset closeTime) =>
        printTime > closeTime - Window && printTime <= closeTime;

    /// <summary>How many prints are dropped from each end when <paramref name="printCount"/> prints are averaged.</summary>
    public int TrimCount(int printCount) => (int)decimal.Floor(printCount * TrimFraction);

    /// <summary>The settlement value from the window's prints (any order).</summary>
    /// <exception cref="ArgumentException">No prints were given.</exception>
    public decimal ComputeValue(ReadOnlySpan<Price> prints)
    {
        if (prints.IsEmpty)
        {
            throw new ArgumentException("No index prints in the settlement window.", nameof(prints));
        }

        if (Averaging == SettlementAveraging.SimpleMean)
        {
            return Mean(prints);
        }

        var sorted = prints.ToArray();
        Array.Sort(sorted);
        var drop = TrimCount(sorted.Length);
        return Mean(sorted.AsSpan(drop, sorted.Length - 2 * drop));
    }

    private static decimal Mean(ReadOnlySpan<Price> prints)
    {
        // Int128 so that a window of large raw values cannot overflow before the division.
        Int128 sum = 0;
        foreach (var print in prints)
        {
            sum += print.Raw;
        }

        return (decimal)sum / FixedPoint.One / prints.Length;
    }
}
