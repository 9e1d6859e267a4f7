// The test clock: starts at a fixed instant and moves only when a test calls Advance or SetUtcNow, firing
// due timers synchronously in due-time order (Task.Delay(ts, provider, ct) and PeriodicTimer work with it).
// It is the engine's ReplayTimeProvider with test-friendly entry points, so tests exercise the same timer
// semantics replay uses. No test needs to sleep.
using Edgewise.Engine.Time;

namespace Edgewise.TestKit;

public sealed class ManualTimeProvider : ReplayTimeProvider
{
    /// <summary>2026-01-01T00:00:00Z: a fixed start so tests that read the date are repeatable.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider()
        : base(DefaultStart)
    {
    }

    public ManualTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Sets the clock; an earlier time than now throws, because a test that rewinds time has a bug.</summary>
    public void SetUtcNow(DateTimeOffset time)
    {
        var target = ToUnixNs(time);
        if (target < UnixNs)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "The manual clock cannot go backwards.");
        }

        AdvanceTo(target);
    }
}
