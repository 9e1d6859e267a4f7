// An accelerated clock: simulated time starts at a chosen instant and runs `speed` times as fast as an inner clock (the
// system clock in the demo, a manual clock in tests). Now = start + inner elapsed × speed; a timer due in D of simulated
// time is an inner timer due in D / speed, rounded up, so when it fires the simulated clock reads at least D later than
// when it was set (never early, which a strategy's "entries blocked for 30 s" or a 5 s staleness limit relies on).
// The arithmetic is exact: the speed is taken as a decimal (15 significant digits) and every conversion is an integer
// ratio in Int128, so there is no drift from rounding a double on each reading. Readings are in nanoseconds
// (IUnixNanosecondClock), and GetTimestamp counts simulated nanoseconds, so TimeProvider.GetElapsedTime is simulated time.
using Edgewise.Core.Time;

namespace Edgewise.Engine.Time;

public sealed class ScaledTimeProvider : TimeProvider, IUnixNanosecondClock
{
    /// <summary>The fastest speed accepted: beyond it a millisecond timer of the system clock is most of a simulated second.</summary>
    public const double MaxSpeed = 1_000_000;

    private const long NanosPerSecond = 1_000_000_000L;

    private readonly TimeProvider _inner;
    private readonly long _startUnixNs;
    private readonly long _innerStart;

    // Simulated ns = inner timestamp units × _innerToSimNum / _innerToSimDen; inner TimeSpan ticks = simulated ticks × _simToInnerNum / _simToInnerDen.
    private readonly Int128 _innerToSimNum;
    private readonly Int128 _innerToSimDen;
    private readonly Int128 _simToInnerNum;
    private readonly Int128 _simToInnerDen;

    /// <param name="inner">The clock that actually passes (its timers fire the scaled timers).</param>
    /// <param name="start">What <see cref="GetUtcNow"/> reads at construction.</param>
    /// <param name="speed">Simulated seconds per inner second: more than 0, at most <see cref="MaxSpeed"/>.</param>
    public ScaledTimeProvider(TimeProvider inner, DateTimeOffset start, double speed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(speed) || speed <= 0 || speed > MaxSpeed)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, $"The speed must be more than 0 and at most {MaxSpeed}.");
        }

        var exact = (decimal)speed;
        var scale = Pow10(exact.Scale);
        var (num, den) = ((Int128)(exact * (decimal)scale), scale); // speed = num / den exactly
        if (num == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed is too small to represent.");
        }

        _inner = inner;
        _startUnixNs = UnixTime.ToUnixNs(start);
        _innerStart = inner.GetTimestamp();
        Speed = speed;
        Start = start;
        (_innerToSimNum, _innerToSimDen) = Reduce(NanosPerSecond * num, inner.TimestampFrequency * den);
        (_simToInnerNum, _simToInnerDen) = Reduce(den, num);
    }

    public double Speed { get; }

    public DateTimeOffset Start { get; }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <summary>Timestamps count simulated nanoseconds since the start.</summary>
    public override long TimestampFrequency => NanosPerSecond;

    public long UnixNs => _startUnixNs + ElapsedNs();

    public override long GetTimestamp() => ElapsedNs();

    public override DateTimeOffset GetUtcNow() => UnixTime.FromUnixNs(UnixNs);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new ScaledTimer(this, _inner.CreateTimer(callback, state, ToInner(dueTime), ToInner(period)));
    }

    /// <summary>The inner span after which <paramref name="simulated"/> has passed here (rounded up; infinite and zero kept).</summary>
    public TimeSpan ToInner(TimeSpan simulated)
    {
        if (simulated == Timeout.InfiniteTimeSpan || simulated == TimeSpan.Zero)
        {
            return simulated;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(simulated, TimeSpan.Zero);
        var product = checked(simulated.Ticks * _simToInnerNum);
        var ticks = (product + _simToInnerDen - 1) / _simToInnerDen;
        return TimeSpan.FromTicks((long)ticks);
    }

    private long ElapsedNs()
    {
        var units = _inner.GetTimestamp() - _innerStart;
        return (long)(checked(units * _innerToSimNum) / _innerToSimDen);
    }

    private static Int128 Pow10(int exponent)
    {
        Int128 value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }

    private static (Int128 Num, Int128 Den) Reduce(Int128 num, Int128 den)
    {
        var (a, b) = (num, den);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return (num / a, den / a);
    }

    /// <summary>An inner timer whose Change takes simulated spans.</summary>
    private sealed class ScaledTimer(ScaledTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToInner(dueTime), owner.ToInner(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
