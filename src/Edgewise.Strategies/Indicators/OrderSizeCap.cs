// The dynamic order-size cap of the CF RTI (FACTS §8 step 2, in force since 2019-12-02), approximated on L2 books.
// Approximations, because our books aggregate orders by price:
// - each consolidated level (one venue, one price) counts as one "order", both in the sample and when capped;
// - the sample is every level within SizeCapBand of the best price on its side; when a side has fewer, its best
//   SizeCapMinSamplesPerSide levels are taken (all of them when the side is shorter) — the "at least 50 per side
//   when available" reading; both sides are pooled;
// - with n samples sorted, k = floor(n × trim) are trimmed from each end: the mean is that of the n − 2k kept; the
//   standard deviation is the population one (÷ n) of the winsorized sample (the k lowest set to the lowest kept, the
//   k highest to the highest kept) about its own mean;
// - cap = mean + StdDevs × sd, floored to the 1e-9 quantity scale. With n ≤ 26 and no trimming the cap can never
//   bind (no value lies more than sd × √(n − 1) ≤ 5 sd above the mean), so small books are left as they are.
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

internal static class OrderSizeCap
{
    /// <summary>How many levels of each side form the sample (bids best first, highest price; asks best first, lowest).</summary>
    public static (int Bids, int Asks) SampleCounts(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks, RtiOptions options)
    {
        var bidFloor = bids[0].Price.ToDecimal() * (1m - options.SizeCapBand);
        var bidsInBand = 0;
        while (bidsInBand < bids.Length && bids[bidsInBand].Price.ToDecimal() >= bidFloor)
        {
            bidsInBand++;
        }

        var askCeiling = asks[0].Price.ToDecimal() * (1m + options.SizeCapBand);
        var asksInBand = 0;
        while (asksInBand < asks.Length && asks[asksInBand].Price.ToDecimal() <= askCeiling)
        {
            asksInBand++;
        }

        return (Math.Max(bidsInBand, Math.Min(options.SizeCapMinSamplesPerSide, bids.Length)),
                Math.Max(asksInBand, Math.Min(options.SizeCapMinSamplesPerSide, asks.Length)));
    }

    /// <summary>The cap from a sample of raw sizes (sorted in place).</summary>
    public static Quantity FromSample(Span<long> sizes, RtiOptions options)
    {
        if (sizes.IsEmpty)
        {
            throw new ArgumentException("The order-size sample is empty.", nameof(sizes));
        }

        sizes.Sort();
        var n = sizes.Length;
        var k = (int)decimal.Floor(n * options.SizeCapTrimFraction);
        var low = sizes[k];
        var high = sizes[n - k - 1];

        var keptSum = 0m;
        for (var i = k; i < n - k; i++)
        {
            keptSum += FixedPoint.ToDecimal(sizes[i]);
        }

        var trimmedMean = keptSum / (n - 2 * k);

        // Winsorized sum: the kept values plus k copies of each boundary value.
        var winsorizedMean = (keptSum + k * (FixedPoint.ToDecimal(low) + FixedPoint.ToDecimal(high))) / n;
        var squares = 0m;
        for (var i = 0; i < n; i++)
        {
            var d = FixedPoint.ToDecimal(Math.Clamp(sizes[i], low, high)) - winsorizedMean;
            squares += d * d;
        }

        var cap = trimmedMean + options.SizeCapStdDevs * DecimalMath.Sqrt(squares / n);
        return new Quantity(decimal.ToInt64(decimal.Floor(cap * FixedPoint.One)));
    }
}
