// The engine: one thread of control over the cache, the data, risk and execution engines, the portfolio
// and the strategies. Two ways in, one code path:
//  - synchronous (replay, tests): the driver calls OnBookUpdate/OnTrade/.../OnOrderEvent on its own thread,
//    with a ReplayTimeProvider as the clock, and each call is fully handled before it returns;
//  - queued (live): producers write to Inbox from any thread and RunAsync, the single reader, dispatches
//    the same messages through the same handlers.
// Work raised while a message is being handled (a denial, a simulated venue answering at once, a timer due
// now, a kill switch from a strategy) is deferred and handled, in order, right after that message, so
// strategy callbacks never nest. Two threads dispatching at once is a bug and throws. Market-data dispatch
// allocates nothing.
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Data;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Health;
using Edgewise.Engine.Messaging;
using Edgewise.Engine.Risk;
using Edgewise.Engine.Strategies;

namespace Edgewise.Engine.Loop;

public sealed partial class EngineLoop : IMarketDataSink, IExecutionEventSink
{
    private readonly Queue<EngineMessage> _deferred = new();
    private readonly BookUpdatePool _pool = new();
    private readonly TimerService _timers;
    private int _dispatchThread;
    private volatile bool _running;

    public EngineLoop(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Clock);
        ArgumentNullException.ThrowIfNull(options.BookFactory);
        Clock = options.Clock;
        ClientOrderIdScope = string.IsNullOrEmpty(options.ClientOrderIdScope) ? null : options.ClientOrderIdScope;
        Bus = new MessageBus();
        Cache = new Cache(options.BookFactory, options.Portfolio);
        Data = new DataEngine(Cache, Bus);
        Inputs = new RequiredInputs(Bus);
        Risk = new RiskEngine(options.RiskLimits ?? new RiskLimits(), Cache, Clock, Bus, Inputs);
        Execution = new ExecutionEngine(Cache, Risk, Bus, Clock, e => Defer(EngineMessage.ForPublish(e)));
        _timers = new TimerService(Clock, registration => Route(EngineMessage.ForTimer(registration)));
        Strategies = new StrategyHost(this);
        Inbox = new EngineInbox(options.DataQueueCapacity, options.CommandQueueCapacity, _pool);
    }

    public TimeProvider Clock { get; }

    public MessageBus Bus { get; }

    public Cache Cache { get; }

    public DataEngine Data { get; }

    public RiskEngine Risk { get; }

    /// <summary>Inputs whose absence is a DATA_OUTAGE: no new entries while one is out (see <see cref="RequiredInputs"/>).</summary>
    public RequiredInputs Inputs { get; }

    public ExecutionEngine Execution { get; }

    public StrategyHost Strategies { get; }

    /// <summary>The thread-safe queued entry for live mode, read by <see cref="RunAsync"/>.</summary>
    public EngineInbox Inbox { get; }

    public bool IsStarted { get; private set; }

    /// <summary>Settlements or funding payments for instruments not in the cache (skipped).</summary>
    public long UnknownInstrumentAdjustments { get; private set; }

    /// <summary>Messages handled, deferred ones included.</summary>
    public long MessagesDispatched { get; private set; }

    internal TimerService Timers => _timers;

    /// <summary>The scope strategies put in their client order ids (<see cref="EngineOptions.ClientOrderIdScope"/>); null for none.</summary>
    internal string? ClientOrderIdScope { get; }

    /// <summary>Starts the strategies (OnStart, in the order they were added) on the calling thread.</summary>
    public void Start()
    {
        if (IsStarted)
        {
            return;
        }

        Enter();
        try
        {
            IsStarted = true;
            Strategies.StartAll();
            Drain();
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Cancels all strategy timers and calls OnStop. Call after RunAsync has returned (or in replay, after the last frame).</summary>
    public void Stop()
    {
        if (!IsStarted)
        {
            return;
        }

        Enter();
        try
        {
            _timers.CancelAll();
            Strategies.StopAll();
            IsStarted = false;
            Drain();
        }
        finally
        {
            Exit();
        }
    }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!TryEnterDirect())
        {
            Route(EngineMessage.ForBook(_pool.RentCopyOf(update)));
            return;
        }

        try
        {
            Data.OnBookUpdate(update);
            MessagesDispatched++;
            Drain();
        }
        finally
        {
            Exit();
        }
    }

    public void OnTrade(in TradeTick trade)
    {
        if (!TryEnterDirect())
        {
            Route(EngineMessage.ForTrade(trade));
            return;
        }

        try
        {
            Data.OnTrade(trade);
            MessagesDispatched++;
            Drain();
        }
        finally
        {
            Exit();
        }
    }

    public void OnQuote(in QuoteTick quote) => Dispatch(EngineMessage.ForQuote(quote));

    public void OnBookStatus(in BookStatus status) => Dispatch(EngineMessage.ForStatus(status));

    /// <summary>A venue's order event: handled now, after the current message when raised inside one, or queued while RunAsync runs.</summary>
    public void OnOrderEvent(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        Dispatch(EngineMessage.ForOrderEvent(orderEvent));
    }

    /// <summary>Halts trading and cancels every open order; cancels stay allowed. Safe from any thread.</summary>
    public void RequestKillSwitch(string reason) => Dispatch(EngineMessage.ForKillSwitch(reason ?? string.Empty));

    /// <summary>A contract settled at <paramref name="price"/>: the position closes into a payout on the ledger.</summary>
    public void OnSettlement(InstrumentId instrument, Price price, long tsNs)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Dispatch(EngineMessage.ForSettlement(new PortfolioEvent(instrument, price, 0m, tsNs)));
    }

    /// <summary>A perpetual's funding payment: received positive, paid negative.</summary>
    public void OnFunding(InstrumentId instrument, decimal amount, long tsNs)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Dispatch(EngineMessage.ForFunding(new PortfolioEvent(instrument, Price.Zero, amount, tsNs)));
    }

    /// <summary>Sets Active, Reducing or Halted (without canceling orders). Safe from any thread.</summary>
    public void SetTradingState(TradingState state, string reason) => Dispatch(EngineMessage.ForState(state, reason ?? string.Empty));

    /// <summary>
    /// Runs <paramref name="work"/> on the loop thread as a command (never dropped): after the current message when
    /// called from inside a dispatch, queued while RunAsync runs, at once when the engine is idle in synchronous mode.
    /// Components inside the engine (the simulated venue) use it to act on timers that fire on another thread, and the
    /// composition uses it to change the cache (a new market) without touching it from a feed or timer thread.
    /// </summary>
    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Route(EngineMessage.ForCallback(work));
    }

    /// <summary>Runs <paramref name="action"/> as if it were a message: on the calling thread, deferred work drained after (tests and tools).</summary>
    internal T RunOnLoop<T>(Func<T> action)
    {
        Enter();
        try
        {
            var result = action();
            Drain();
            return result;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Throws unless the caller is inside a dispatch on the loop thread (strategy callbacks are).</summary>
    internal void EnsureOnLoopThread()
    {
        if (Volatile.Read(ref _dispatchThread) != Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException("Orders and timers can only be used from a strategy callback on the engine loop thread.");
        }
    }

    private void Dispatch(in EngineMessage message)
    {
        if (!TryEnterDirect())
        {
            Route(message);
            return;
        }

        try
        {
            Handle(message);
            Drain();
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>For a message that cannot be handled now: defer it when raised on the loop thread, else queue it for RunAsync.</summary>
    private void Route(in EngineMessage message)
    {
        if (Volatile.Read(ref _dispatchThread) == Environment.CurrentManagedThreadId)
        {
            _deferred.Enqueue(message);
        }
        else if (_running)
        {
            Inbox.Write(message);
        }
        else if (Interlocked.CompareExchange(ref _dispatchThread, Environment.CurrentManagedThreadId, 0) != 0)
        {
            // Another thread is dispatching (a system-clock timer firing before RunAsync started): queue it.
            Inbox.Write(message);
        }
        else
        {
            // Not running and the loop is idle: a timer or another thread in synchronous mode; handle it here.
            try
            {
                Handle(message);
                Drain();
            }
            finally
            {
                Exit();
            }
        }
    }

    private void Defer(in EngineMessage message) => _deferred.Enqueue(message);

    /// <summary>True when the caller may dispatch now (synchronous mode, not nested); false to route the message.</summary>
    private bool TryEnterDirect()
    {
        var me = Environment.CurrentManagedThreadId;
        if (Volatile.Read(ref _dispatchThread) == me || _running)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _dispatchThread, me, 0) != 0)
        {
            throw new InvalidOperationException("The engine was entered from two threads at once; in live mode write to Inbox.");
        }

        return true;
    }

    private void Enter()
    {
        var me = Environment.CurrentManagedThreadId;
        if (Interlocked.CompareExchange(ref _dispatchThread, me, 0) != 0)
        {
            throw new InvalidOperationException(Volatile.Read(ref _dispatchThread) == me
                ? "This engine operation cannot be called from inside a strategy callback."
                : "The engine was entered from two threads at once; in live mode write to Inbox.");
        }
    }

    private void Exit() => Volatile.Write(ref _dispatchThread, 0);

    private void Drain()
    {
        while (_deferred.TryDequeue(out var message))
        {
            Handle(message);
        }
    }
}
