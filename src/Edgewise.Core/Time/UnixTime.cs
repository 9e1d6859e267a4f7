namespace Edgewise.Core.Time;

/// <summary>Unix-nanosecond time, the unit every event, frame and order carries, from any <see cref="TimeProvider"/>.</summary>
public static class UnixTime
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>Now, Unix ns: exact for a clock that keeps nanoseconds (replay, tests), 100 ns resolution otherwise.</summary>
    public static long GetUnixNs(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock is IUnixNanosecondClock exact ? exact.UnixNs : ToUnixNs(clock.GetUtcNow());
    }

    public static long ToUnixNs(DateTimeOffset time) => (time.UtcTicks - EpochTicks) * 100;

    public static DateTimeOffset FromUnixNs(long unixNs) => DateTimeOffset.UnixEpoch.AddTicks(unixNs / 100);
}
