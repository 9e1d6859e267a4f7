// Strategy timers on top of the engine's TimeProvider. A timer's callback (a thread-pool thread for the
// system clock, the thread moving the clock for a replay or manual clock) only posts the registration to
// the engine loop; the strategy's OnTimer runs on the loop thread. A timer canceled or replaced after it
// fired but before the loop handled it is skipped.
namespace Edgewise.Engine.Strategies;

internal sealed class TimerService(TimeProvider clock, Action<TimerService.Registration> post)
{
    private readonly Dictionary<(string StrategyId, string Name), Registration> _timers = [];

    public int Count => _timers.Count;

    public void Set(Strategy strategy, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        Cancel(strategy, name);
        var periodic = period > TimeSpan.Zero;
        var registration = new Registration(strategy, name, periodic, post);
        _timers[(strategy.Id, name)] = registration;
        registration.Timer = clock.CreateTimer(
            static state => ((Registration)state!).Post(),
            registration,
            dueTime,
            periodic ? period : Timeout.InfiniteTimeSpan);
    }

    public bool Cancel(Strategy strategy, string name)
    {
        if (!_timers.Remove((strategy.Id, name), out var registration))
        {
            return false;
        }

        registration.Cancel();
        return true;
    }

    public void CancelAll()
    {
        foreach (var registration in _timers.Values)
        {
            registration.Cancel();
        }

        _timers.Clear();
    }

    /// <summary>On the loop thread: true when the timer is still live (a one-shot timer is retired here).</summary>
    public bool Claim(Registration registration)
    {
        if (registration.IsCanceled)
        {
            return false;
        }

        if (!registration.Periodic)
        {
            _timers.Remove((registration.Strategy.Id, registration.Name));
            registration.Cancel();
        }

        return true;
    }

    internal sealed class Registration(Strategy strategy, string name, bool periodic, Action<Registration> post)
    {
        private volatile bool _canceled;

        public Strategy Strategy { get; } = strategy;

        public string Name { get; } = name;

        public bool Periodic { get; } = periodic;

        public ITimer? Timer { get; set; }

        public bool IsCanceled => _canceled;

        public void Post() => post(this);

        public void Cancel()
        {
            _canceled = true;
            Timer?.Dispose();
        }
    }
}
