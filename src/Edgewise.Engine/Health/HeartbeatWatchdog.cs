// Watches the heartbeat from outside the engine loop. One late beat is normal jitter; an incident is raised only
// after 3 consecutive checks without a new beat (so a 20 s heartbeat needs a minute of silence), and cleared, with
// a second notice, when beats return. Runs on the clock's timer thread; the callbacks must be thread-safe.
namespace Edgewise.Engine.Health;

public sealed class HeartbeatWatchdog : IDisposable
{
    public const int MissesBeforeIncident = 3;

    private readonly Func<long> _lastBeatNs;
    private readonly Action<string> _incident;
    private readonly Action<string> _recovered;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _seenBeatNs = long.MinValue;
    private int _misses;
    private bool _inIncident;

    public HeartbeatWatchdog(TimeProvider clock, TimeSpan interval, Func<long> lastBeatNs, Action<string> incident, Action<string> recovered)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(lastBeatNs);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(recovered);
        _lastBeatNs = lastBeatNs;
        _incident = incident;
        _recovered = recovered;
        _timer = clock.CreateTimer(_ => Check(), null, interval, interval);
    }

    /// <summary>Consecutive checks that found no new beat.</summary>
    public int Misses
    {
        get
        {
            lock (_gate)
            {
                return _misses;
            }
        }
    }

    public bool InIncident
    {
        get
        {
            lock (_gate)
            {
                return _inIncident;
            }
        }
    }

    private void Check()
    {
        string? raise = null;
        string? clear = null;
        lock (_gate)
        {
            var last = _lastBeatNs();
            if (last != _seenBeatNs)
            {
                _seenBeatNs = last;
                if (_inIncident)
                {
                    clear = $"engine heartbeat is back after {_misses} missed";
                }

                _misses = 0;
                _inIncident = false;
            }
            else if (++_misses == MissesBeforeIncident)
            {
                _inIncident = true;
                raise = $"INCIDENT: no engine heartbeat for {MissesBeforeIncident} consecutive checks";
            }
        }

        if (raise is not null)
        {
            _incident(raise);
        }

        if (clear is not null)
        {
            _recovered(clear);
        }
    }

    public void Dispose() => _timer.Dispose();
}
