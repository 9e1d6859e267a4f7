// A price grid made of contiguous bands, each with its own step: Kalshi's price_ranges
// ([{start, end, step}], e.g. tapered_deci_cent = 0.001 on [0, 0.10], 0.01 on [0.10, 0.90], 0.001 on [0.90, 1]).
// Semantics (FACTS §5.6): a price is on the grid when some band contains it, i.e. start ≤ p ≤ end and
// (p − start) is a multiple of that band's step. Bands share their boundaries, and because each band's
// length is a multiple of its step, a boundary (0.10, 0.90) is a grid point of both neighbours. The grid is
// therefore the union of the bands' points, and "next tick" walks that union: up from 0.10 is 0.11 (the
// upper band's step), down from 0.10 is 0.099 (the lower band's). The grid's ends (0 and 1 for Kalshi) are
// grid points; whether they are tradable is the instrument's question (see BinaryContract).
// All arithmetic is on raw fixed-point longs, so checks are exact.
using System.Globalization;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Instruments;

public sealed class TickGrid
{
    private readonly PriceRange[] _ranges;

    /// <summary>Builds a grid from bands in any order; throws <see cref="ArgumentException"/> naming the problem when they are not a valid grid.</summary>
    public TickGrid(IEnumerable<PriceRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var sorted = ranges.ToArray();
        Array.Sort(sorted, static (a, b) => a.Start.CompareTo(b.Start));
        Validate(sorted);
        _ranges = sorted;
        var minStep = sorted[0].Step;
        foreach (var range in sorted)
        {
            minStep = Price.Min(minStep, range.Step);
        }

        MinTick = minStep;
    }

    /// <summary>Kalshi <c>linear_cent</c>: 0.01 on [0, 1].</summary>
    public static TickGrid LinearCent { get; } = FromText([("0.0000", "1.0000", "0.0100")]);

    /// <summary>Kalshi <c>tapered_deci_cent</c>: 0.001 on [0, 0.10] and [0.90, 1], 0.01 on [0.10, 0.90].</summary>
    public static TickGrid TaperedDeciCent { get; } =
        FromText([("0.0000", "0.1000", "0.0010"), ("0.1000", "0.9000", "0.0100"), ("0.9000", "1.0000", "0.0010")]);

    /// <summary>Kalshi <c>deci_cent</c>: 0.001 on [0, 1].</summary>
    public static TickGrid DeciCent { get; } = FromText([("0.0000", "1.0000", "0.0010")]);

    /// <summary>The bands, sorted by start.</summary>
    public IReadOnlyList<PriceRange> Ranges => _ranges;

    /// <summary>The smallest step anywhere on the grid.</summary>
    public Price MinTick { get; }

    /// <summary>The lowest grid point.</summary>
    public Price Min => _ranges[0].Start;

    /// <summary>The highest grid point.</summary>
    public Price Max => _ranges[^1].End;

    /// <summary>Builds a grid from venue text such as Kalshi's <c>price_ranges</c> strings; bad text is an <see cref="ArgumentException"/> naming the field.</summary>
    public static TickGrid FromText(IEnumerable<(string Start, string End, string Step)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var parsed = new List<PriceRange>();
        var index = 0;
        foreach (var (start, end, step) in ranges)
        {
            parsed.Add(new PriceRange(
                ParseField(start, index, "start", nameof(ranges)),
                ParseField(end, index, "end", nameof(ranges)),
                ParseField(step, index, "step", nameof(ranges))));
            index++;
        }

        return new TickGrid(parsed);
    }

    /// <summary>The preset grid for a Kalshi <c>price_level_structure</c> name; prefer <see cref="FromText"/> on the market's own <c>price_ranges</c>.</summary>
    public static TickGrid ForKalshiStructure(string priceLevelStructure) => priceLevelStructure switch
    {
        "linear_cent" => LinearCent,
        "tapered_deci_cent" => TaperedDeciCent,
        "deci_cent" => DeciCent,
        _ => throw new ArgumentException(
            $"Kalshi price_level_structure '{priceLevelStructure}' has no preset; build the grid from the market's price_ranges.",
            nameof(priceLevelStructure)),
    };

    /// <summary>True when <paramref name="price"/> is a point of the grid.</summary>
    public bool IsOnTick(Price price)
    {
        foreach (var range in _ranges)
        {
            if (range.Contains(price))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The smallest grid point strictly above <paramref name="price"/> (which need not be on the grid); false above the top.</summary>
    public bool TryGetNextUp(Price price, out Price next)
    {
        foreach (var range in _ranges)
        {
            if (price < range.Start)
            {
                next = range.Start;
                return true;
            }

            if (price < range.End)
            {
                // Largest k with start + k·step ≤ price, plus one step; never passes End because the band length divides.
                var steps = (price.Raw - range.Start.Raw) / range.Step.Raw + 1;
                next = new Price(range.Start.Raw + steps * range.Step.Raw);
                return true;
            }
        }

        next = default;
        return false;
    }

    /// <summary>The largest grid point strictly below <paramref name="price"/> (which need not be on the grid); false below the bottom.</summary>
    public bool TryGetNextDown(Price price, out Price next)
    {
        for (var i = _ranges.Length - 1; i >= 0; i--)
        {
            var range = _ranges[i];
            if (price > range.End)
            {
                next = range.End;
                return true;
            }

            if (price > range.Start)
            {
                // Smallest k with start + k·step ≥ price, minus one step.
                var offset = price.Raw - range.Start.Raw;
                var steps = (offset + range.Step.Raw - 1) / range.Step.Raw - 1;
                next = new Price(range.Start.Raw + steps * range.Step.Raw);
                return true;
            }
        }

        next = default;
        return false;
    }

    /// <summary><paramref name="price"/> itself when on the grid, else the grid point below it (a bid that must not pay more).</summary>
    public bool TryRoundDown(Price price, out Price rounded)
    {
        if (IsOnTick(price))
        {
            rounded = price;
            return true;
        }

        return TryGetNextDown(price, out rounded);
    }

    /// <summary><paramref name="price"/> itself when on the grid, else the grid point above it (an ask that must not sell for less).</summary>
    public bool TryRoundUp(Price price, out Price rounded)
    {
        if (IsOnTick(price))
        {
            rounded = price;
            return true;
        }

        return TryGetNextUp(price, out rounded);
    }

    public override string ToString() => string.Join(", ", _ranges.Select(r => r.ToString()));

    private static Price ParseField(string text, int index, string field, string paramName)
    {
        if (text is null || !FixedPoint.TryParse(text.AsSpan(), out var raw, out _))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"price_ranges[{index}].{field} '{text}' is not a decimal number."),
                paramName);
        }

        return new Price(raw);
    }

    private static void Validate(PriceRange[] ranges)
    {
        if (ranges.Length == 0)
        {
            throw new ArgumentException("A price grid needs at least one range.", nameof(ranges));
        }

        for (var i = 0; i < ranges.Length; i++)
        {
            var r = ranges[i];
            if (!r.Step.IsPositive)
            {
                throw Problem($"range {r} has a step that is not positive", nameof(ranges));
            }

            if (r.End <= r.Start)
            {
                throw Problem($"range {r} does not end above its start", nameof(ranges));
            }

            if ((r.End.Raw - r.Start.Raw) % r.Step.Raw != 0)
            {
                throw Problem($"range {r}: the step does not divide the range's length", nameof(ranges));
            }

            if (i > 0 && ranges[i - 1].End != r.Start)
            {
                var gapOrOverlap = ranges[i - 1].End < r.Start ? "a gap" : "an overlap";
                throw Problem($"ranges are not contiguous: {gapOrOverlap} between {ranges[i - 1]} and {r}", nameof(ranges));
            }
        }
    }

    private static ArgumentException Problem(string message, string paramName) => new($"Invalid price grid: {message}.", paramName);
}
