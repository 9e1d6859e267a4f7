// A TimeProvider whose clock only moves when told to: the replay driver sets it from each frame's receive
// time, tests advance it by hand. Timers created from it fire synchronously, on the thread that moves the
// clock, in order of due time (ties in creation order), and the clock reads exactly each timer's due time
// while its callback runs. That makes a replayed run deterministic: the same frames give the same timer
// callbacks at the same simulated instants. The clock never goes backwards; an earlier time is ignored.
// A timer whose due time is not in the future fires at once, inside CreateTimer/Change.
using Edgewise.Core.Time;

namespace Edgewise.Engine.Time;

public class ReplayTimeProvider : TimeProvider, IUnixNanosecondClock
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<ScheduledTimer, (long DueNs, long Sequence)> _queue = new();
    private long _nowNs;
    private long _sequence;

    public ReplayTimeProvider(long startUnixNs = 0) => _nowNs = startUnixNs;

    public ReplayTimeProvider(DateTimeOffset start)
        : this(ToUnixNs(start))
    {
    }

    /// <summary>The current simulated time, Unix ns (exact; <see cref="GetUtcNow"/> rounds down to 100 ns ticks).</summary>
    public long UnixNs
    {
        get
        {
            lock (_gate)
            {
                return _nowNs;
            }
        }
    }

    /// <summary>Timers scheduled to fire (created, not disposed, not yet due or periodic).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                var count = 0;
                foreach (var (timer, key) in _queue.UnorderedItems)
                {
                    if (timer.IsCurrentEntry(key.Sequence))
                    {
                        count++;
                    }
                }

                return count;
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => 1_000_000_000L;

    public override DateTimeOffset GetUtcNow() => FromUnixNs(UnixNs);

    public override long GetTimestamp() => UnixNs;

    /// <summary>
    /// Moves the clock to <paramref name="unixNs"/>, firing every timer due at or before it in order.
    /// A time earlier than now leaves the clock where it is (and fires nothing).
    /// </summary>
    public void AdvanceTo(long unixNs)
    {
        while (true)
        {
            ScheduledTimer? due = null;
            lock (_gate)
            {
                if (unixNs < _nowNs)
                {
                    return;
                }

                while (_queue.TryPeek(out var timer, out var key))
                {
                    if (!timer.IsCurrentEntry(key.Sequence))
                    {
                        _queue.Dequeue();
                        continue;
                    }

                    if (key.DueNs > unixNs)
                    {
                        break;
                    }

                    _queue.Dequeue();
                    _nowNs = Math.Max(_nowNs, key.DueNs);
                    if (timer.PeriodNs > 0)
                    {
                        ScheduleLocked(timer, key.DueNs + timer.PeriodNs);
                    }
                    else
                    {
                        timer.Unschedule();
                    }

                    due = timer;
                    break;
                }

                if (due is null)
                {
                    _nowNs = unixNs;
                    return;
                }
            }

            due.Fire();
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/> (see <see cref="AdvanceTo"/>).</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        AdvanceTo(UnixNs + ToNs(delta));
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ScheduledTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public static long ToUnixNs(DateTimeOffset time) => UnixTime.ToUnixNs(time);

    public static DateTimeOffset FromUnixNs(long unixNs) => UnixTime.FromUnixNs(unixNs);

    private static long ToNs(TimeSpan span) => checked(span.Ticks * 100);

    /// <summary>Schedules (or unschedules, for an infinite due time) a timer; returns true when it is due now.</summary>
    private bool Schedule(ScheduledTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            timer.PeriodNs = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : ToNs(period);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.Unschedule();
                return false;
            }

            if (dueTime > TimeSpan.Zero)
            {
                ScheduleLocked(timer, _nowNs + ToNs(dueTime));
                return false;
            }

            // Due now: fire at once (outside the lock); a periodic timer's next turn is one period later.
            if (timer.PeriodNs > 0)
            {
                ScheduleLocked(timer, _nowNs + timer.PeriodNs);
            }
            else
            {
                timer.Unschedule();
            }

            return true;
        }
    }

    private void ScheduleLocked(ScheduledTimer timer, long dueNs)
    {
        var sequence = ++_sequence;
        timer.ScheduledSequence = sequence;
        _queue.Enqueue(timer, (dueNs, sequence));
    }

    private void Unschedule(ScheduledTimer timer)
    {
        lock (_gate)
        {
            timer.Unschedule();
        }
    }

    /// <summary>One timer; queue entries left behind by Change or Dispose are skipped by sequence number.</summary>
    private sealed class ScheduledTimer(ReplayTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public long PeriodNs { get; set; }

        /// <summary>Sequence of the queue entry that is live; 0 when the timer is not scheduled.</summary>
        public long ScheduledSequence { get; set; }

        public bool IsCurrentEntry(long sequence) => ScheduledSequence == sequence;

        public void Unschedule() => ScheduledSequence = 0;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            if (owner.Schedule(this, dueTime, period))
            {
                Fire();
            }

            return true;
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Unschedule(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
