namespace Edgewise.Engine.Time;

/// <summary>Unix-nanosecond time from any TimeProvider, the unit every event and order carries.</summary>
public static class TimeProviderExtensions
{
    /// <summary>Now, Unix ns: exact for a <see cref="ReplayTimeProvider"/>, 100 ns resolution otherwise.</summary>
    public static long GetUnixNs(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock is ReplayTimeProvider replay ? replay.UnixNs : ReplayTimeProvider.ToUnixNs(clock.GetUtcNow());
    }
}
