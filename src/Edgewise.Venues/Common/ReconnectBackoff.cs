// Capped exponential backoff with jitter for reconnects and REST retries. The delay before attempt n (0-based)
// is base(n) = min(max, initial × 2^n), shortened by a random fraction of at most `jitter`:
// delay ∈ (base × (1 − jitter), base]. Shortening rather than lengthening keeps the cap a hard ceiling, and
// the spread stops many clients that lost the same venue from reconnecting in lock step. The Random is
// injected so tests get exact delays; draws from it are locked, so one policy may serve several loops.
namespace Edgewise.Venues.Common;

public sealed class ReconnectBackoff
{
    private readonly Random _random;
    private readonly Lock _gate = new();

    public ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitter, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        if (!(jitter >= 0 && jitter < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter must be in [0, 1).");
        }

        ArgumentNullException.ThrowIfNull(random);
        Initial = initial;
        Max = max;
        Jitter = jitter;
        _random = random;
    }

    public TimeSpan Initial { get; }

    public TimeSpan Max { get; }

    /// <summary>The largest fraction a delay is shortened by.</summary>
    public double Jitter { get; }

    /// <summary>The delay before the attempt after <paramref name="failures"/> consecutive failures (0 for the first retry).</summary>
    public TimeSpan Delay(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        var capped = Ceiling(failures);
        if (Jitter == 0)
        {
            return capped;
        }

        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }

        var shortenBy = Jitter * draw;
        return TimeSpan.FromTicks((long)(capped.Ticks * (1 - shortenBy)));
    }

    /// <summary>The delay before jitter: min(max, initial × 2^failures).</summary>
    public TimeSpan Ceiling(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        var ticks = Initial.Ticks;
        for (var i = 0; i < failures && ticks < Max.Ticks; i++)
        {
            ticks = ticks > Max.Ticks / 2 ? Max.Ticks : ticks * 2;
        }

        return TimeSpan.FromTicks(Math.Min(ticks, Max.Ticks));
    }
}
