// The base of every strategy. The engine calls these methods on its loop thread, one at a time, in event
// order; a strategy never needs locks. Orders go out through Context (Submit/Cancel pass the risk engine),
// and their outcomes come back as OnOrderEvent (every event of the strategy's own orders, denials included)
// and OnFill. A callback that throws faults the strategy: it gets nothing more, the engine carries on.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Orders;

namespace Edgewise.Engine.Strategies;

public abstract class Strategy
{
    private StrategyContext? _context;

    protected Strategy(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    public string Id { get; }

    /// <summary>The exception that stopped this strategy; null while it runs.</summary>
    public Exception? Fault { get; internal set; }

    /// <summary>Orders, clock, timers, subscriptions and read access to the cache; set when the strategy is added to an engine.</summary>
    protected StrategyContext Context => _context ?? throw new InvalidOperationException($"Strategy {Id} has not been added to an engine.");

    /// <summary>Called once on the loop thread when the engine starts; subscribe to instruments and set timers here.</summary>
    public virtual void OnStart()
    {
    }

    public virtual void OnStop()
    {
    }

    /// <summary>A subscribed instrument's book changed. The book is the engine's live object: read it now, do not keep it for later.</summary>
    public virtual void OnBook(IOrderBook book)
    {
    }

    public virtual void OnTrade(in TradeTick trade)
    {
    }

    public virtual void OnQuote(in QuoteTick quote)
    {
    }

    /// <summary>A subscribed book became healthy or unhealthy; orders on an unhealthy book are denied.</summary>
    public virtual void OnBookStatus(in BookStatus status)
    {
    }

    public virtual void OnTimer(in TimerEvent timer)
    {
    }

    /// <summary>Every event of this strategy's orders: accepted, rejected, denied, filled, canceled, expired.</summary>
    public virtual void OnOrderEvent(OrderEvent orderEvent)
    {
    }

    /// <summary>A fill of one of this strategy's orders, after the portfolio applied it (right after its OnOrderEvent).</summary>
    public virtual void OnFill(Order order, in Fill fill)
    {
    }

    internal void Attach(StrategyContext context)
    {
        if (_context is not null)
        {
            throw new InvalidOperationException($"Strategy {Id} is already added to an engine.");
        }

        _context = context;
    }
}
