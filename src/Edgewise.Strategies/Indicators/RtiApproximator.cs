// A book-based approximation of the CME CF Real Time Index method (FACTS §8 steps 2-5) over the books of the
// venues the caller has decided to include (step 1, exclusion, is BtcIndexProxy's job).
//  2. The included books' levels are merged into one consolidated book (a level per venue and price) and every
//     level's size is capped at the dynamic order-size cap (OrderSizeCap: L2 levels stand in for orders).
//  3. On the grid v = 0, s, 2s, … (s = Spacing) the bid and ask price-volume curves give the MARGINAL price of
//     trading v units: the price of the first level whose cumulative size reaches v (so a grid point that lands
//     exactly on a level's end still takes that level; v = 0 is the best level). Mid curve = (ask + bid) / 2;
//     mid spread curve = ask / mid − 1 = (ask − bid) / (ask + bid).
//  4. v_T is the largest grid volume up to which the mid spread stays ≤ MaxMidSpread (the curve is monotone, so
//     this is the point before the first that breaks it). The curves end where either side's copied volume ends
//     (DepthExhausted). If already v = 0 breaks it there is no utilized depth and no value (SpreadTooWide).
//  5. Index = Σ midPV(v) λe^(−λv) / Σ λe^(−λv) over the grid points in [0, v_T], λ = 1 / (DecayFraction × v_T).
//     With v_T = K·s the weight ratio between neighbouring points is r = e^(−λs) = e^(−1/(DecayFraction × K)),
//     so one exp per evaluation suffices; K = 0 leaves the single point v = 0 (the limit as v_T → 0).
// Other approximations: each venue contributes at most MaxLevelsPerSide levels a side; the grid includes v = 0.
// Buffers are kept between calls: once grown, an evaluation allocates nothing.
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

public sealed class RtiApproximator
{
    /// <summary>More grid points than this means a spacing far too fine for the book: a configuration error.</summary>
    internal const int MaxCurvePoints = 1_000_000;

    private readonly RtiOptions _options;
    private BookLevel[] _bids = new BookLevel[1024];
    private BookLevel[] _asks = new BookLevel[1024];
    private long[] _keys = new long[1024];
    private long[] _samples = new long[256];
    private long[] _midSums = new long[256];

    public RtiApproximator(RtiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public RtiOptions Options => _options;

    /// <summary>Evaluates the approximation on the given books (each should be healthy, fresh and two-sided).</summary>
    public RtiResult Compute(IReadOnlyList<IOrderBook> books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var bidCount = Consolidate(books, BookSide.Bid, ref _bids);
        var askCount = Consolidate(books, BookSide.Ask, ref _asks);
        if (bidCount == 0 || askCount == 0)
        {
            return RtiResult.Unavailable(RtiOutage.NoLevels, bidCount, askCount);
        }

        var bids = _bids.AsSpan(0, bidCount);
        var asks = _asks.AsSpan(0, askCount);
        var (cap, samples) = ComputeCap(bids, asks);
        var capped = ApplyCap(bids, cap) + ApplyCap(asks, cap);

        var points = WalkCurves(bids, asks, out var exhausted);
        if (points == 0)
        {
            return new RtiResult(null, RtiOutage.SpreadTooWide, Quantity.Zero, 0, exhausted, cap, samples, capped, bidCount, askCount);
        }

        var value = WeightedMid(points);
        var depth = new Quantity(checked((points - 1) * _options.Spacing.Raw));
        return new RtiResult(value, RtiOutage.None, depth, points, exhausted, cap, samples, capped, bidCount, askCount);
    }

    /// <summary>Copies every book's side into one array sorted best first.</summary>
    private int Consolidate(IReadOnlyList<IOrderBook> books, BookSide side, ref BookLevel[] levels)
    {
        var total = 0;
        for (var i = 0; i < books.Count; i++)
        {
            var book = books[i];
            var count = Math.Min(side == BookSide.Bid ? book.BidCount : book.AskCount, _options.MaxLevelsPerSide);
            Grow(ref levels, total + count);
            total += book.CopyLevels(side, levels.AsSpan(total, count));
        }

        Grow(ref _keys, total);
        var keys = _keys.AsSpan(0, total);
        for (var i = 0; i < total; i++)
        {
            // Ascending keys: lowest ask first, highest bid first. Prices are never negative, so negation is safe.
            keys[i] = side == BookSide.Bid ? -levels[i].Price.Raw : levels[i].Price.Raw;
        }

        keys.Sort(levels.AsSpan(0, total));
        return total;
    }

    private (Quantity Cap, int Samples) ComputeCap(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks)
    {
        var (bidSamples, askSamples) = OrderSizeCap.SampleCounts(bids, asks, _options);
        var n = bidSamples + askSamples;
        Grow(ref _samples, n);
        for (var i = 0; i < bidSamples; i++)
        {
            _samples[i] = bids[i].Size.Raw;
        }

        for (var i = 0; i < askSamples; i++)
        {
            _samples[bidSamples + i] = asks[i].Size.Raw;
        }

        return (OrderSizeCap.FromSample(_samples.AsSpan(0, n), _options), n);
    }

    private static int ApplyCap(Span<BookLevel> levels, Quantity cap)
    {
        var capped = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i].Size > cap)
            {
                levels[i] = levels[i] with { Size = cap };
                capped++;
            }
        }

        return capped;
    }

    /// <summary>Fills _midSums with ask + bid (raw) at v = 0, s, 2s, … while the spread holds; returns the point count.</summary>
    private int WalkCurves(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks, out bool exhausted)
    {
        exhausted = false;
        var spacing = _options.Spacing.Raw;
        int bid = 0, ask = 0;
        long bidCum = bids[0].Size.Raw, askCum = asks[0].Size.Raw;
        for (var k = 0; ; k++)
        {
            if (k == MaxCurvePoints)
            {
                throw new InvalidOperationException(
                    $"The RTI curve passed {MaxCurvePoints} points: spacing {_options.Spacing} is too fine for this book.");
            }

            var volume = checked(k * spacing);
            if (!Advance(bids, ref bid, ref bidCum, volume) || !Advance(asks, ref ask, ref askCum, volume))
            {
                exhausted = true;
                return k;
            }

            long a = asks[ask].Price.Raw, b = bids[bid].Price.Raw;
            var sum = checked(a + b);
            if ((decimal)(a - b) > _options.MaxMidSpread * sum)
            {
                return k;
            }

            Grow(ref _midSums, k + 1);
            _midSums[k] = sum;
        }
    }

    /// <summary>Moves to the first level whose cumulative size reaches <paramref name="volume"/>; false when the side ends first.</summary>
    private static bool Advance(ReadOnlySpan<BookLevel> levels, ref int index, ref long cumulative, long volume)
    {
        while (cumulative < volume)
        {
            if (++index == levels.Length)
            {
                return false;
            }

            cumulative = checked(cumulative + levels[index].Size.Raw);
        }

        return true;
    }

    private decimal WeightedMid(int points)
    {
        // Weights r^k, k = 0..K (the common factor λ cancels in the normalisation).
        var k = points - 1;
        var ratio = k == 0 ? 0m : 1m / DecimalMath.Exp(1m / (_options.DecayFraction * k));
        decimal weight = 1m, weights = 0m, weighted = 0m;
        for (var i = 0; i < points; i++)
        {
            weights += weight;
            weighted += weight * _midSums[i];
            weight *= ratio;
        }

        // _midSums hold ask + bid raw: halve and rescale.
        return decimal.Round(weighted / weights / (2m * FixedPoint.One), FixedPoint.Scale, MidpointRounding.ToEven);
    }

    private static void Grow<T>(ref T[] buffer, int needed)
    {
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }
    }
}
