// Builds the dashboard's snapshots on the engine loop thread and hands them to HTTP threads through one volatile
// reference. The engine's Cache and Portfolio are not thread-safe, so nothing on the HTTP side ever touches them:
// it reads Current (immutable) or waits for the next one. Snapshots are published by DashboardTicker every
// PublishInterval of engine time, at once on a trading-state change, a strategy fault or a settlement, and on fills
// and order events unless one was published less than MinEventInterval ago. The publisher keeps what the engine
// does not (recent fills, the equity curve, per-strategy P&L) from the bus. A failure while building a snapshot is
// counted and kept as LastPublishError (so is one while recording a fill), never thrown into the engine: the dashboard must not stop trading.
// Create it with Attach, during setup (before the engine starts), on the thread that owns the engine.
using Edgewise.Core.Collections;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Dashboard.Snapshots;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Messaging;

namespace Edgewise.Dashboard.Publishing;

public sealed partial class DashboardPublisher : IDashboardSnapshotSource, IDisposable
{
    private readonly EngineLoop _engine;
    private readonly DashboardPublisherOptions _options;
    private readonly Func<IReadOnlyList<FeedStatus>>? _feeds;
    private readonly StrategyPnlTracker _strategies = new();
    private readonly EquityHistory _equity;
    private readonly BoundedHistory<FillRow> _fills;
    private readonly IDisposable[] _subscriptions;
    private readonly long _minEventIntervalNs;
    private DashboardSnapshot _current;
    private TaskCompletionSource<DashboardSnapshot> _next = NewSignal();
    private long _lastPublishNs = long.MinValue;
    private long _publishErrors;
    private string? _lastPublishError;

    private DashboardPublisher(EngineLoop engine, Func<IReadOnlyList<FeedStatus>>? feeds, DashboardPublisherOptions options)
    {
        _engine = engine;
        _feeds = feeds;
        _options = options;
        _equity = new EquityHistory(options.EquityHistory, options.EquityBucketSeconds);
        _fills = new BoundedHistory<FillRow>(options.RecentFills);
        _minEventIntervalNs = options.MinEventInterval.Ticks * 100;
        _current = Empty(engine.Clock.GetUtcNow());
        var bus = engine.Bus;
        _subscriptions =
        [
            bus.Subscribe<FillApplied>(OnFillApplied),
            bus.Subscribe<OrderEvent>(OnOrderEvent),
            bus.Subscribe<PositionSettled>(OnSettled),
            bus.Subscribe<FundingApplied>(OnFunding),
            bus.Subscribe<TradingStateChanged>(OnTradingStateChanged),
            bus.Subscribe<StrategyFaulted>(OnStrategyFaulted),
        ];
    }

    public DashboardSnapshot Current => Volatile.Read(ref _current);

    public long PublishErrors => Interlocked.Read(ref _publishErrors);

    public string? LastPublishError => Volatile.Read(ref _lastPublishError);

    public DashboardPublisherOptions Options => _options;

    /// <summary>
    /// Subscribes a publisher to <paramref name="engine"/>'s bus, adds its <see cref="DashboardTicker"/> to the engine's
    /// strategies, and publishes the first snapshot. Call during setup, before the engine starts.
    /// <paramref name="feeds"/> reports the feeds' health (it is called on the loop thread, so it must be thread-safe
    /// and quick); none when null.
    /// </summary>
    public static DashboardPublisher Attach(EngineLoop engine, Func<IReadOnlyList<FeedStatus>>? feeds = null, DashboardPublisherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        options ??= new DashboardPublisherOptions();
        options.EnsureValid();
        if (engine.IsStarted)
        {
            throw new InvalidOperationException("Attach the dashboard before the engine starts: its timer is an engine strategy.");
        }

        var publisher = new DashboardPublisher(engine, feeds, options);
        engine.Strategies.Add(new DashboardTicker(publisher, options.PublishInterval));
        publisher.Publish();
        return publisher;
    }

    /// <summary>Builds and publishes a snapshot now. Call on the engine loop thread (or while the engine is idle).</summary>
    public void Publish()
    {
        DashboardSnapshot snapshot;
        try
        {
            snapshot = Build(_current.Sequence + 1);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RecordError(ex);
            return;
        }

        _lastPublishNs = _engine.Clock.GetUnixNs();
        Volatile.Write(ref _current, snapshot);
        Interlocked.Exchange(ref _next, NewSignal()).SetResult(snapshot);
    }

    public async Task<DashboardSnapshot> WaitForNewerAsync(long sequence, CancellationToken ct)
    {
        while (true)
        {
            // Take the signal before reading Current: a publish in between completes this signal, so none is missed.
            var signal = Volatile.Read(ref _next);
            var current = Current;
            if (current.Sequence > sequence)
            {
                return current;
            }

            await signal.Task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Unsubscribes from the engine's bus: call on the loop thread or while the engine is idle (after RunAsync).</summary>
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void OnFillApplied(in FillApplied message)
    {
        var order = message.Order;
        var fill = message.Fill;
        try
        {
            if (_engine.Cache.TryGetInstrument(order.Instrument, out var instrument))
            {
                _strategies.OnFill(order.StrategyId, instrument, order.Side, fill, order.ClientOrderId);
            }

            _fills.Add(new FillRow(
                UnixTime.FromUnixNs(fill.TsEvent),
                fill.TradeId,
                order.ClientOrderId,
                order.StrategyId,
                order.Instrument.ToString(),
                order.Side,
                fill.Price.ToDecimal(),
                fill.Quantity.ToDecimal(),
                fill.Fee,
                fill.Liquidity,
                message.Position.RealizedDelta));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RecordError(ex);
        }

        PublishSoon();
    }

    private void OnOrderEvent(in OrderEvent orderEvent) => PublishSoon();

    private void OnSettled(in PositionSettled message)
    {
        try
        {
            if (_engine.Cache.TryGetInstrument(message.Instrument, out var instrument))
            {
                _strategies.OnSettled(instrument, message.Price, message.TsNs);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RecordError(ex);
        }

        Publish();
    }

    private void OnFunding(in FundingApplied message) => PublishSoon();

    private void OnTradingStateChanged(in TradingStateChanged message) => Publish();

    private void OnStrategyFaulted(in StrategyFaulted message) => Publish();

    /// <summary>Publishes unless one went out less than MinEventInterval ago; the ticker then catches up.</summary>
    private void PublishSoon()
    {
        var now = _engine.Clock.GetUnixNs();
        if (_lastPublishNs == long.MinValue || now - _lastPublishNs >= _minEventIntervalNs)
        {
            Publish();
        }
    }

    private void RecordError(Exception error)
    {
        Interlocked.Increment(ref _publishErrors);
        Volatile.Write(ref _lastPublishError, $"{error.GetType().Name}: {error.Message}");
    }

    private static TaskCompletionSource<DashboardSnapshot> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
