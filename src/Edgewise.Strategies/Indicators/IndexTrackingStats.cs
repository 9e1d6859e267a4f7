namespace Edgewise.Strategies.Indicators;

/// <summary>Tracking error of the index proxy against a reference (bps): p50 and p99 of |error|, mean signed error, and match counts.</summary>
public sealed record IndexTrackingStats(long Matched, long Unmatched, decimal? P50AbsBps, decimal? P99AbsBps, decimal? MeanSignedBps);
