using System.Globalization;

namespace Edgewise.Simulators;

/// <summary>
/// A market's resting bids as Kalshi keeps them: YES bids and NO bids, each at its own side's price (FACTS §5.3, §5.5). Shared by
/// the fake's REST order book and its WebSocket snapshots, and changed by the deltas a test pushes, so both always agree.
/// </summary>
internal sealed class SimKalshiBook
{
    public SortedDictionary<decimal, decimal> Yes { get; } = [];

    public SortedDictionary<decimal, decimal> No { get; } = [];

    /// <summary>Counts changes: a snapshot taken at version v already holds every delta up to v (a broadcast sends only later ones).</summary>
    public long Version { get; private set; }

    public static string Price(decimal price) => price.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Size(decimal size) => size.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Adds the signed <paramref name="delta"/> at the level; a level at or below zero is removed.</summary>
    public void Apply(bool yes, decimal price, decimal delta)
    {
        var side = yes ? Yes : No;
        var size = side.GetValueOrDefault(price) + delta;
        Version++;
        if (size <= 0)
        {
            side.Remove(price);
        }
        else
        {
            side[price] = size;
        }
    }

    /// <summary>Marks a wholesale replacement of the levels (SetBook) as a change.</summary>
    public void Touch() => Version++;

    /// <summary>Best YES bid and YES ask (1 − best NO bid), with Kalshi's empty-side sentinels 0 and 1.</summary>
    public (decimal Bid, decimal Ask) BestYes() =>
        (Yes.Count == 0 ? 0m : Yes.Keys.Max(), No.Count == 0 ? 1m : 1 - No.Keys.Max());
}
