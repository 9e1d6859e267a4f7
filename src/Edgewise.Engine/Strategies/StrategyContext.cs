// A strategy's handle on the engine: the clock, read access to the cache (books, quotes, trades, orders,
// positions), subscriptions, timers, and Submit/Cancel, which go through the risk engine and the
// execution engine. Orders and timers may only be used from the strategy's callbacks (the loop thread);
// anything else throws. Client order ids from NextClientOrderId are "<strategy id>-<n>" (or "<strategy id>-<scope>-<n>"
// with the engine's ClientOrderIdScope), deterministic per run.
using System.Globalization;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Risk;

namespace Edgewise.Engine.Strategies;

public sealed class StrategyContext
{
    private readonly Strategy _strategy;
    private readonly EngineLoop _engine;
    private long _nextOrderNumber;

    internal StrategyContext(Strategy strategy, EngineLoop engine)
    {
        _strategy = strategy;
        _engine = engine;
    }

    public string StrategyId => _strategy.Id;

    public TimeProvider Clock => _engine.Clock;

    /// <summary>The engine clock, Unix ns (the simulated time in replay).</summary>
    public long NowNs => _engine.Clock.GetUnixNs();

    /// <summary>Read access to instruments, books, last trades and quotes, orders and the portfolio. Do not modify.</summary>
    public Cache Cache => _engine.Cache;

    public TradingState TradingState => _engine.Risk.State;

    /// <summary>Receive this instrument's books, trades, quotes and book statuses (idempotent).</summary>
    public void Subscribe(InstrumentId instrument) => _engine.Strategies.Subscribe(_strategy, instrument);

    /// <summary>
    /// A new client order id, unique within the engine: "&lt;strategy id&gt;-&lt;n&gt;", or "&lt;strategy id&gt;-&lt;scope&gt;-&lt;n&gt;" when
    /// the engine was given a <see cref="EngineOptions.ClientOrderIdScope"/>.
    /// </summary>
    public string NextClientOrderId() => _engine.ClientOrderIdScope is { } scope
        ? string.Create(CultureInfo.InvariantCulture, $"{StrategyId}-{scope}-{++_nextOrderNumber}")
        : string.Create(CultureInfo.InvariantCulture, $"{StrategyId}-{++_nextOrderNumber}");

    /// <summary>
    /// Submits an order through the risk checks. A denial is returned here and also arrives as an
    /// OrderDenied event after the current callback; a repeated client order id sends nothing.
    /// </summary>
    public SubmitResult Submit(in OrderRequest request)
    {
        _engine.EnsureOnLoopThread();
        return _engine.Execution.Submit(request, StrategyId);
    }

    public SubmitResult SubmitLimit(InstrumentId instrument, OrderSide side, Price price, Quantity quantity, TimeInForce timeInForce = TimeInForce.Gtc) =>
        Submit(OrderRequest.Limit(NextClientOrderId(), instrument, side, price, quantity, timeInForce));

    public SubmitResult SubmitMarket(InstrumentId instrument, OrderSide side, Quantity quantity) =>
        Submit(OrderRequest.Market(NextClientOrderId(), instrument, side, quantity));

    /// <summary>Requests a cancel of one of this strategy's orders; allowed in every trading state.</summary>
    public CancelOutcome Cancel(string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        _engine.EnsureOnLoopThread();
        if (!_engine.Cache.TryGetOrder(clientOrderId, out var order) || !string.Equals(order.StrategyId, StrategyId, StringComparison.Ordinal))
        {
            return CancelOutcome.UnknownOrder;
        }

        return _engine.Execution.Cancel(clientOrderId);
    }

    /// <summary>
    /// Starts (or replaces) the timer <paramref name="name"/>: OnTimer after <paramref name="dueTime"/>, then
    /// every <paramref name="period"/> when it is positive.
    /// </summary>
    public void SetTimer(string name, TimeSpan dueTime, TimeSpan period = default)
    {
        _engine.EnsureOnLoopThread();
        _engine.Timers.Set(_strategy, name, dueTime, period);
    }

    public bool CancelTimer(string name)
    {
        _engine.EnsureOnLoopThread();
        return _engine.Timers.Cancel(_strategy, name);
    }
}
