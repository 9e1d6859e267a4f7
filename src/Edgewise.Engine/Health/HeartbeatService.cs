// A heartbeat from the engine loop every interval (20 s by default), even when the market is silent: it proves
// the loop thread is alive, re-evaluates the required inputs (so a DATA_OUTAGE is announced, and its end too, without
// waiting for an order), and gives the composition a place to print a status line. The beat is posted onto the loop
// thread from the clock's timer; a stuck loop therefore stops beating, which HeartbeatWatchdog notices.
using Edgewise.Core.Time;
using Edgewise.Engine.Loop;

namespace Edgewise.Engine.Health;

public sealed class HeartbeatService : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(20);

    private readonly EngineLoop _engine;
    private readonly ITimer _timer;
    private long _lastBeatNs = long.MinValue;
    private long _beats;

    public HeartbeatService(EngineLoop engine, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        Interval = interval ?? DefaultInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero);
        _timer = engine.Clock.CreateTimer(_ => engine.Post(Beat), null, Interval, Interval);
    }

    public TimeSpan Interval { get; }

    /// <summary>Unix ns of the last beat handled on the loop thread (readable from any thread).</summary>
    public long LastBeatNs => Interlocked.Read(ref _lastBeatNs);

    public long Beats => Interlocked.Read(ref _beats);

    private void Beat()
    {
        var now = _engine.Clock.GetUnixNs();
        Interlocked.Exchange(ref _lastBeatNs, now);
        var sequence = Interlocked.Increment(ref _beats);
        _engine.Inputs.Evaluate(now);
        _engine.Bus.Publish(new Heartbeat(sequence, now, _engine.Risk.State, _engine.Inputs.FirstOutage(now)?.Name));
    }

    public void Dispose() => _timer.Dispose();
}
