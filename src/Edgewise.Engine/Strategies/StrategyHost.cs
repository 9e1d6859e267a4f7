// Delivers bus messages to strategies, on the loop thread: market data to the strategies subscribed to the
// instrument (in the order they subscribed), order events to the strategy that owns the order, timers to
// the strategy that set them. A strategy that throws is faulted: it is skipped from then on and a
// StrategyFaulted message is published, so one bad strategy cannot stop the engine or the others.
// Delivery allocates nothing: subscribers per instrument are held in arrays replaced on subscribe.
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Messaging;

namespace Edgewise.Engine.Strategies;

public sealed class StrategyHost
{
    private readonly EngineLoop _engine;
    private readonly List<Strategy> _strategies = [];
    private readonly Dictionary<string, Strategy> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<InstrumentId, Strategy[]> _byInstrument = [];
    private bool _started;

    internal StrategyHost(EngineLoop engine)
    {
        _engine = engine;
        var bus = engine.Bus;
        bus.Subscribe<BookChanged>(OnBookChanged);
        bus.Subscribe<TradeTick>(OnTrade);
        bus.Subscribe<QuoteTick>(OnQuote);
        bus.Subscribe<BookStatus>(OnBookStatus);
        bus.Subscribe<OrderEvent>(OnOrderEvent);
    }

    public IReadOnlyList<Strategy> Strategies => _strategies;

    /// <summary>Adds a strategy before the engine starts; its ids must be unique.</summary>
    public void Add(Strategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (_started)
        {
            throw new InvalidOperationException("Strategies must be added before the engine starts.");
        }

        if (!_byId.TryAdd(strategy.Id, strategy))
        {
            throw new InvalidOperationException($"A strategy with id '{strategy.Id}' is already added.");
        }

        strategy.Attach(new StrategyContext(strategy, _engine));
        _strategies.Add(strategy);
    }

    internal void Subscribe(Strategy strategy, InstrumentId instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (!_byInstrument.TryGetValue(instrument, out var subscribers))
        {
            _byInstrument.Add(instrument, [strategy]);
        }
        else if (Array.IndexOf(subscribers, strategy) < 0)
        {
            _byInstrument[instrument] = [.. subscribers, strategy];
        }
    }

    internal void StartAll()
    {
        _started = true;
        foreach (var strategy in _strategies)
        {
            if (strategy.Fault is not null)
            {
                continue;
            }

            try
            {
                strategy.OnStart();
            }
            catch (Exception ex)
            {
                Fault(strategy, ex);
            }
        }
    }

    internal void StopAll()
    {
        foreach (var strategy in _strategies)
        {
            if (strategy.Fault is not null)
            {
                continue;
            }

            try
            {
                strategy.OnStop();
            }
            catch (Exception ex)
            {
                Fault(strategy, ex);
            }
        }

        _started = false;
    }

    internal void DeliverTimer(Strategy strategy, string name)
    {
        if (!_started || strategy.Fault is not null)
        {
            return;
        }

        try
        {
            strategy.OnTimer(new TimerEvent(name, _engine.Clock.GetUnixNs()));
        }
        catch (Exception ex)
        {
            Fault(strategy, ex);
        }
    }

    private void OnBookChanged(in BookChanged message)
    {
        if (!_started || !_byInstrument.TryGetValue(message.Book.Instrument, out var subscribers))
        {
            return;
        }

        foreach (var strategy in subscribers)
        {
            if (strategy.Fault is not null)
            {
                continue;
            }

            try
            {
                strategy.OnBook(message.Book);
            }
            catch (Exception ex)
            {
                Fault(strategy, ex);
            }
        }
    }

    private void OnTrade(in TradeTick trade)
    {
        if (!_started || !_byInstrument.TryGetValue(trade.Instrument, out var subscribers))
        {
            return;
        }

        foreach (var strategy in subscribers)
        {
            if (strategy.Fault is not null)
            {
                continue;
            }

            try
            {
                strategy.OnTrade(trade);
            }
            catch (Exception ex)
            {
                Fault(strategy, ex);
            }
        }
    }

    private void OnQuote(in QuoteTick quote)
    {
        if (!_started || !_byInstrument.TryGetValue(quote.Instrument, out var subscribers))
        {
            return;
        }

        foreach (var strategy in subscribers)
        {
            if (strategy.Fault is not null)
            {
                continue;
            }

            try
            {
                strategy.OnQuote(quote);
            }
            catch (Exception ex)
            {
                Fault(strategy, ex);
            }
        }
    }

    private void OnBookStatus(in BookStatus status)
    {
        if (!_started || !_byInstrument.TryGetValue(status.Instrument, out var subscribers))
        {
            return;
        }

        foreach (var strategy in subscribers)
        {
            if (strategy.Fault is not null)
            {
                continue;
            }

            try
            {
                strategy.OnBookStatus(status);
            }
            catch (Exception ex)
            {
                Fault(strategy, ex);
            }
        }
    }

    private void OnOrderEvent(in OrderEvent orderEvent)
    {
        if (!_started
            || !_engine.Cache.TryGetOrder(orderEvent.ClientOrderId, out var order)
            || !_byId.TryGetValue(order.StrategyId, out var strategy)
            || strategy.Fault is not null)
        {
            return;
        }

        try
        {
            strategy.OnOrderEvent(orderEvent);
            if (orderEvent is OrderFilled filled)
            {
                strategy.OnFill(order, filled.Fill);
            }
        }
        catch (Exception ex)
        {
            Fault(strategy, ex);
        }
    }

    private void Fault(Strategy strategy, Exception error)
    {
        strategy.Fault = error;
        _engine.Bus.Publish(new StrategyFaulted(strategy.Id, error, _engine.Clock.GetUnixNs()));
    }
}
