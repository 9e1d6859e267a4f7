// A one-way link with a constant delay between the engine and a simulated venue: items go in on the engine
// loop and come out on the loop, in the order they went in, once the delay has passed on the engine's clock.
// Each item gets a one-shot timer from the engine's TimeProvider (a ReplayTimeProvider in replay, so the same
// run fires the same timers at the same instants). A timer callback may run on any thread, so it only posts to
// the loop, and the loop then delivers every item up to and including that timer's one: a system clock firing
// two timers out of order cannot reorder the link. A zero delay posts at once, so an item is still handled after
// the engine's current message and never inside the call that enqueued it.
namespace Edgewise.Engine.Simulation;

internal sealed class LatencyLink<T> : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _delay;
    private readonly Action<Action> _post;
    private readonly Action<T> _deliver;
    private readonly Queue<(long Sequence, T Item)> _items = new();
    private readonly Dictionary<long, ITimer> _timers = [];
    private readonly Lock _timersGate = new();
    private long _lastSequence;
    private bool _disposed;

    /// <param name="clock">The engine's clock.</param>
    /// <param name="delay">Zero or more.</param>
    /// <param name="post">Runs work on the engine loop (after the current message when called from it).</param>
    /// <param name="deliver">Called on the loop for each item, in order.</param>
    public LatencyLink(TimeProvider clock, TimeSpan delay, Action<Action> post, Action<T> deliver)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _clock = clock;
        _delay = delay;
        _post = post;
        _deliver = deliver;
    }

    /// <summary>Items sent and not yet delivered.</summary>
    public int InFlight => _items.Count;

    /// <summary>Sends an item; call on the engine loop.</summary>
    public void Send(T item)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var sequence = ++_lastSequence;
        _items.Enqueue((sequence, item));
        if (_delay == TimeSpan.Zero)
        {
            _post(() => DeliverThrough(sequence));
            return;
        }

        var ticket = new Ticket(this, sequence);
        var timer = _clock.CreateTimer(static state => ((Ticket)state!).Fire(), ticket, _delay, Timeout.InfiniteTimeSpan);
        lock (_timersGate)
        {
            _timers[sequence] = timer;
        }
    }

    /// <summary>Drops everything in flight and stops the timers.</summary>
    public void Dispose()
    {
        _disposed = true;
        lock (_timersGate)
        {
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        _items.Clear();
    }

    private void DeliverThrough(long sequence)
    {
        while (!_disposed && _items.TryPeek(out var head) && head.Sequence <= sequence)
        {
            _items.Dequeue();
            lock (_timersGate)
            {
                if (_timers.Remove(head.Sequence, out var timer))
                {
                    timer.Dispose();
                }
            }

            _deliver(head.Item);
        }
    }

    private sealed class Ticket(LatencyLink<T> owner, long sequence)
    {
        public void Fire() => owner._post(() => owner.DeliverThrough(sequence));
    }
}
