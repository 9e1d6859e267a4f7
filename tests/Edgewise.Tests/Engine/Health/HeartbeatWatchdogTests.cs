using Edgewise.Engine.Health;
using Edgewise.TestKit;

namespace Edgewise.Tests.Engine.Health;

public class HeartbeatWatchdogTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly List<string> _incidents = [];
    private readonly List<string> _recoveries = [];
    private long _lastBeat = 1;

    private HeartbeatWatchdog Create() =>
        new(_clock, TimeSpan.FromSeconds(20), () => Interlocked.Read(ref _lastBeat), _incidents.Add, _recoveries.Add);

    [Fact]
    public void Check_TwoMissedBeats_NoIncidentYet()
    {
        using var watchdog = Create();
        _clock.Advance(TimeSpan.FromSeconds(20)); // first check sees beat 1 as new
        _clock.Advance(TimeSpan.FromSeconds(40)); // two checks, no new beat

        Assert.Equal(2, watchdog.Misses);
        Assert.Empty(_incidents);
    }

    [Fact]
    public void Check_ThreeConsecutiveMisses_OneIncidentThenRecoveryWhenBeatsReturn()
    {
        using var watchdog = Create();
        _clock.Advance(TimeSpan.FromSeconds(20));
        _clock.Advance(TimeSpan.FromSeconds(60)); // three checks without a beat

        Assert.Equal(["INCIDENT: no engine heartbeat for 3 consecutive checks"], _incidents);
        Assert.True(watchdog.InIncident);

        _clock.Advance(TimeSpan.FromSeconds(40)); // still silent: the incident is not raised again
        Assert.Single(_incidents);

        Interlocked.Exchange(ref _lastBeat, 2);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(["engine heartbeat is back after 5 missed"], _recoveries);
        Assert.False(watchdog.InIncident);
    }

    [Fact]
    public void Check_MissesInterruptedByABeat_CountStartsOver()
    {
        using var watchdog = Create();
        _clock.Advance(TimeSpan.FromSeconds(20));
        _clock.Advance(TimeSpan.FromSeconds(40)); // 2 misses
        Interlocked.Exchange(ref _lastBeat, 2);
        _clock.Advance(TimeSpan.FromSeconds(20)); // a beat: reset
        _clock.Advance(TimeSpan.FromSeconds(40)); // 2 misses again

        Assert.Equal(2, watchdog.Misses);
        Assert.Empty(_incidents);
    }
}
