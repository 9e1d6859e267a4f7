// Estimates a Kalshi BTC market's settlement value from the proxy's per-second prints: the settlement rule's
// average (Core SettlementRule: simple mean of the 60 prints before the close for KXBTC15M/KXBTCD, FACTS §5.8b
// and §8) over the window seconds elapsed so far. The window follows SettlementRule.IsInWindow, (close − 60 s,
// close]: the interval of Kalshi's last_60s_windowed_average_15min, which reaches 60 ticks at the close (FACTS
// §5.5). A print taken during a whole second stands for that second (IndexHistory.SecondOf). A second without a
// print is counted as missing and left out of the average, never invented.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

public sealed class SettlementEstimator
{
    private const long NanosPerSecond = 1_000_000_000L;

    private readonly IndexHistory _history;
    private readonly SettlementRule _rule;
    private readonly IndexSeries _series;
    private Price[] _prints = new Price[64];

    /// <param name="history">The proxy's per-second prints.</param>
    /// <param name="rule">Defaults to <see cref="SettlementRule.SimpleAverage60Seconds"/>.</param>
    /// <param name="series">Which index value the prints are taken from.</param>
    public SettlementEstimator(IndexHistory history, SettlementRule? rule = null, IndexSeries series = IndexSeries.Rti)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!Enum.IsDefined(series))
        {
            throw new ArgumentOutOfRangeException(nameof(series), series, "Unknown index series.");
        }

        _history = history;
        _rule = rule ?? SettlementRule.SimpleAverage60Seconds;
        _series = series;
        if (_rule.Window.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("The settlement window must be whole seconds of per-second prints.", nameof(rule));
        }

        if (_rule.Window.TotalSeconds > history.CapacitySeconds)
        {
            throw new ArgumentException($"The history holds {history.CapacitySeconds} s, less than the {_rule.Window} window.", nameof(history));
        }
    }

    /// <summary>The estimate at local time <paramref name="nowNs"/> for a market closing at <paramref name="closeTimeNs"/> (Unix ns).</summary>
    public SettlementEstimate Estimate(long closeTimeNs, long nowNs)
    {
        var windowNs = checked(_rule.Window.Ticks * 100);

        // Whole seconds s with close − window < s ≤ close (SettlementRule.IsInWindow on second boundaries).
        var first = FloorDiv(closeTimeNs - windowNs, NanosPerSecond) + 1;
        var last = FloorDiv(closeTimeNs, NanosPerSecond);
        var windowSeconds = (int)(last - first + 1);
        var elapsedUntil = Math.Min(last, FloorDiv(nowNs, NanosPerSecond));
        var elapsed = (int)Math.Max(0, elapsedUntil - first + 1);

        if (_prints.Length < windowSeconds)
        {
            Array.Resize(ref _prints, windowSeconds);
        }

        var count = 0;
        for (var second = first; second <= elapsedUntil; second++)
        {
            if (_history.TryGet(second, out var print) && print.ValueOf(_series) is { } value)
            {
                _prints[count++] = value;
            }
        }

        decimal? average = count == 0 ? null : _rule.ComputeValue(_prints.AsSpan(0, count));
        return new SettlementEstimate(closeTimeNs, nowNs, windowSeconds, elapsed, count, elapsed - count, average, nowNs >= closeTimeNs);
    }

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }
}
