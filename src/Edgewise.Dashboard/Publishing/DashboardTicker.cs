// The engine timer that drives the dashboard. The engine offers loop-thread timers through strategies only, so the
// publisher rides on a strategy that never subscribes to data and never trades: it publishes once when the engine
// starts and then every PublishInterval of engine time, on the loop thread, where reading the cache is safe.
using Edgewise.Engine.Strategies;

namespace Edgewise.Dashboard.Publishing;

public sealed class DashboardTicker : Strategy
{
    /// <summary>The ticker's strategy id; the dashboard leaves it out of the strategy list.</summary>
    public const string StrategyId = "edgewise.dashboard";

    private const string TimerName = "publish";

    private readonly DashboardPublisher _publisher;
    private readonly TimeSpan _interval;

    internal DashboardTicker(DashboardPublisher publisher, TimeSpan interval)
        : base(StrategyId)
    {
        _publisher = publisher;
        _interval = interval;
    }

    public override void OnStart()
    {
        _publisher.Publish();
        Context.SetTimer(TimerName, _interval, _interval);
    }

    public override void OnTimer(in TimerEvent timer) => _publisher.Publish();
}
