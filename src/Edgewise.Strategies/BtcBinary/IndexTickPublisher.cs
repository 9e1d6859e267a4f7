// Publishes IndexTick messages on the engine's bus, on the loop thread, from an IIndexTickSource. It is a strategy
// only because strategies are what the engine gives timers to: it never trades. Each timer reads the source and
// schedules the next read at the source's next due time, so a live proxy is read once a second and a recorded
// series exactly at its sample times (a ReplayTimeProvider fires the timer at that instant, before the market data
// the backtest driver feeds at the same time). Consumers subscribe to IndexTick on the same bus.
using Edgewise.Engine.Messaging;
using Edgewise.Engine.Strategies;

namespace Edgewise.Strategies.BtcBinary;

public sealed class IndexTickPublisher : Strategy
{
    private const string TimerName = "index";
    private const long NanosPerTick = 100;

    private readonly MessageBus _bus;
    private readonly IIndexTickSource _source;

    public IndexTickPublisher(string id, MessageBus bus, IIndexTickSource source)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(source);
        _bus = bus;
        _source = source;
    }

    /// <summary>Ticks published so far.</summary>
    public long Published { get; private set; }

    public override void OnStart() => Context.SetTimer(TimerName, TimeSpan.Zero);

    public override void OnTimer(in TimerEvent timer)
    {
        if (!string.Equals(timer.Name, TimerName, StringComparison.Ordinal))
        {
            return;
        }

        var now = Context.NowNs;
        if (_source.TryRead(now, out var tick))
        {
            Published++;
            _bus.Publish(tick);
        }

        var next = _source.NextDueNs(now);
        if (next == long.MaxValue)
        {
            return;
        }

        if (next <= now)
        {
            throw new InvalidOperationException($"The index source's next due time {next} is not after now {now}.");
        }

        // Round up to whole 100 ns ticks so the timer never fires before the sample it is meant to read.
        var delayTicks = (next - now + NanosPerTick - 1) / NanosPerTick;
        Context.SetTimer(TimerName, TimeSpan.FromTicks(delayTicks));
    }
}
