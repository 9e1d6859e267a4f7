// How closely the BTC index proxy tracks the real BRTI that Kalshi relays (cfbenchmarks_value): for each reference
// print, the proxy's print for the same whole second is looked up in the proxy's history and the difference is
// recorded in basis points, (proxy − reference) / reference × 10,000. A reference second the proxy has no print for
// (an outage, or before the proxy started) is counted as unmatched, never compared with a neighbouring second.
// Reports p50 and p99 of |error| over the most recent window (bounded), plus the mean signed error (a bias).
using Edgewise.Core.Collections;
using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

public sealed class IndexTrackingError
{
    private readonly IndexHistory _proxy;
    private readonly IndexSeries _series;
    private readonly BoundedHistory<decimal> _errorsBps;

    public IndexTrackingError(IndexHistory proxy, IndexSeries series = IndexSeries.Rti, int window = 3_600)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        _proxy = proxy;
        _series = series;
        _errorsBps = new BoundedHistory<decimal>(window);
    }

    /// <summary>Reference prints compared with a proxy print of the same second.</summary>
    public long Matched { get; private set; }

    /// <summary>Reference prints for which the proxy had no value that second.</summary>
    public long Unmatched { get; private set; }

    /// <summary>Compares a reference print (e.g. Kalshi's BRTI tick) taken at <paramref name="referenceTsNs"/> with the proxy's print of that second.</summary>
    /// <returns>The error in basis points, or null when the proxy had no print that second.</returns>
    public decimal? Add(long referenceTsNs, Price reference)
    {
        if (!reference.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(reference), reference, "A reference index value must be positive.");
        }

        if (!_proxy.TryGet(IndexHistory.SecondOf(referenceTsNs), out var print) || print.ValueOf(_series) is not { } proxyValue)
        {
            Unmatched++;
            return null;
        }

        var referenceUsd = reference.ToDecimal();
        var bps = decimal.Round((proxyValue.ToDecimal() - referenceUsd) / referenceUsd * 10_000m, 4, MidpointRounding.ToEven);
        _errorsBps.Add(bps);
        Matched++;
        return bps;
    }

    /// <summary>Percentiles of |error| and the mean signed error over the window; null figures while nothing matched.</summary>
    public IndexTrackingStats Stats()
    {
        var errors = _errorsBps.ToArray();
        if (errors.Length == 0)
        {
            return new IndexTrackingStats(Matched, Unmatched, null, null, null);
        }

        var absolute = errors.Select(Math.Abs).Order().ToArray();
        return new IndexTrackingStats(Matched, Unmatched, Percentile(absolute, 0.50m), Percentile(absolute, 0.99m),
            decimal.Round(errors.Average(), 4, MidpointRounding.ToEven));
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least q of the sample at or below it.</summary>
    private static decimal Percentile(decimal[] sorted, decimal q)
    {
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
