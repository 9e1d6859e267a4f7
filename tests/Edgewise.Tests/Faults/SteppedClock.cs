using Edgewise.TestKit;

namespace Edgewise.Tests.Faults;

/// <summary>
/// A clock whose wall time can be stepped forward or back (an NTP correction) while its timers and timestamps keep the
/// monotonic time of the manual clock underneath, as the system clock does: <see cref="Step"/> moves only GetUtcNow.
/// </summary>
internal sealed class SteppedClock(ManualTimeProvider monotonic) : TimeProvider
{
    private long _offsetTicks;

    public ManualTimeProvider Monotonic => monotonic;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => monotonic.TimestampFrequency;

    public void Step(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => monotonic.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override long GetTimestamp() => monotonic.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        monotonic.CreateTimer(callback, state, dueTime, period);
}
