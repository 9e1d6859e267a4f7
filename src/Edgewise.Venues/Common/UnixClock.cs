namespace Edgewise.Venues.Common;

/// <summary>Unix-nanosecond time from a TimeProvider (100 ns resolution), the unit frames and events carry.</summary>
internal static class UnixClock
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    public static long NowNs(this TimeProvider clock) => (clock.GetUtcNow().UtcTicks - EpochTicks) * 100;
}
