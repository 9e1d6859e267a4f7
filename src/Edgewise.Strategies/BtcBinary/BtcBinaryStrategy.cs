// The BTC binary strategy family (Kalshi KXBTC15M): one implementation, parameterised by a profile
// (BtcBinaryOptions). It runs the same way live, on paper and in a backtest, as an engine Strategy:
//  - inputs: IndexTick messages on the bus (the BTC index, one a second live), the YES and NO books of each market
//    it was given (AddMarket), and PositionSettled messages for settlements;
//  - a burst of changes schedules one evaluation EvaluationDelay later (a row's quote and index together in a
//    backtest); an evaluation closes positions whose exit rule fired, then tries the entry signals in order
//    (flash crash, delay arbitrage, mean reversion) on markets that are flat, then the entry filters, then sizing;
//  - orders are IOC limits at the touch through Context.Submit (risk engine, then the venue).
// Every decision goes to Decisions with its inputs. Bus handlers are not isolated by the engine, so an exception in
// one is kept and rethrown at the next engine callback, which faults this strategy the normal way.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Messaging;
using Edgewise.Engine.Strategies;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.BtcBinary.Pricing;
using Edgewise.Strategies.BtcBinary.Profiles;
using Edgewise.Strategies.BtcBinary.Signals;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Strategies.BtcBinary;

public sealed partial class BtcBinaryStrategy : Strategy
{
    private const string EvaluateTimer = "evaluate";
    private const long NanosPerSecond = 1_000_000_000L;

    private readonly MessageBus _bus;
    private readonly BookDepth _depth;
    private readonly List<MarketState> _markets = [];
    private readonly Dictionary<InstrumentId, MarketState> _byInstrument = [];
    private readonly Dictionary<string, MarketState> _ordersInFlight = new(StringComparer.Ordinal);
    private readonly List<TradeRecord> _trades = [];
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IndexHistory _history = new(BtcBinaryOptions.HistorySeconds);
    private readonly SettlementEstimator _estimator;
    private readonly RealizedVolatility _volatility;
    private IndexTick _lastTick;
    private IndexTick _lastUsable;
    private bool _hasTick;
    private bool _hasUsable;
    private bool _started;
    private bool _evaluationPending;

    /// <param name="id">Strategy id (order ids are "&lt;id&gt;-n").</param>
    /// <param name="options">Validated here.</param>
    /// <param name="bus">The engine's bus, for IndexTick and PositionSettled.</param>
    /// <param name="depth">Whether book sizes are real (min-depth filter).</param>
    /// <param name="decisionCapacity">Decisions kept in memory (the oldest are dropped and counted beyond it).</param>
    public BtcBinaryStrategy(string id, BtcBinaryOptions options, MessageBus bus, BookDepth depth = BookDepth.Known, int decisionCapacity = 100_000)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bus);
        options.Validate();
        Options = options;
        _bus = bus;
        _depth = depth;
        Decisions = new DecisionLog(decisionCapacity);
        Sizer = new StakeSizer(options.Sizing);
        _estimator = new SettlementEstimator(_history, SettlementRule.SimpleAverage60Seconds, IndexSeries.Rti);
        _volatility = new RealizedVolatility(options.FairValue.VolHalfLife, options.FairValue.VolPriorAnnual, options.FairValue.VolFloorAnnual);
    }

    public BtcBinaryOptions Options { get; }

    public DecisionLog Decisions { get; }

    public StakeSizer Sizer { get; }

    /// <summary>Every trade opened, in order; open ones included.</summary>
    public IReadOnlyList<TradeRecord> Trades => _trades;

    public IReadOnlyList<BinaryMarket> Markets => _markets.Select(static m => m.Market).ToList();

    /// <summary>Realised BTC volatility now, annualised.</summary>
    public decimal VolatilityAnnual => _volatility.AnnualizedSigma;

    /// <summary>Called at each moment a market's YES book changed while the market was open (fair-value scoring).</summary>
    public Action<FairValuePoint>? FairValueObserver { get; set; }

    /// <summary>An exception thrown inside a bus handler, rethrown at the next engine callback; null when none.</summary>
    public Exception? HandlerFault { get; private set; }

    /// <summary>Adds a market to trade. Before the engine starts, or from one of this strategy's callbacks.</summary>
    public void AddMarket(BinaryMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (_byInstrument.ContainsKey(market.Yes.Id) || _byInstrument.ContainsKey(market.No.Id))
        {
            throw new InvalidOperationException($"Market {market.Ticker} is already added.");
        }

        var state = new MarketState(market, new FlashCrashDetector(Options.FlashCrash.DropFraction, Options.FlashCrash.DropWithin));
        _markets.Add(state);
        _byInstrument.Add(market.Yes.Id, state);
        _byInstrument.Add(market.No.Id, state);
        if (_started)
        {
            Context.Subscribe(market.Yes.Id);
            Context.Subscribe(market.No.Id);
            ResumeHeldPosition(state);
        }
    }

    public override void OnStart()
    {
        foreach (var state in _markets)
        {
            Context.Subscribe(state.Market.Yes.Id);
            Context.Subscribe(state.Market.No.Id);
            ResumeHeldPosition(state);
        }

        _subscriptions.Add(_bus.Subscribe<IndexTick>(OnIndexMessage));
        _subscriptions.Add(_bus.Subscribe<PositionSettled>(OnSettledMessage));
        _started = true;
    }

    public override void OnStop()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        _started = false;
    }

    public override void OnBook(IOrderBook book)
    {
        ThrowIfHandlerFaulted();
        if (_byInstrument.TryGetValue(book.Instrument, out var state))
        {
            state.Dirty = true;
            state.YesBookChanged |= book.Instrument == state.Market.Yes.Id;
            ScheduleEvaluation();
        }
    }

    public override void OnBookStatus(in BookStatus status)
    {
        ThrowIfHandlerFaulted();
        if (_byInstrument.TryGetValue(status.Instrument, out var state))
        {
            state.Dirty = true;
            ScheduleEvaluation();
        }
    }

    public override void OnTimer(in TimerEvent timer)
    {
        ThrowIfHandlerFaulted();
        if (!string.Equals(timer.Name, EvaluateTimer, StringComparison.Ordinal))
        {
            return;
        }

        _evaluationPending = false;
        foreach (var state in _markets)
        {
            if (state.Dirty)
            {
                state.Dirty = false;
                Evaluate(state, timer.TsNs);
            }
        }
    }

    private void OnIndexMessage(in IndexTick tick)
    {
        if (!_started || HandlerFault is not null)
        {
            return;
        }

        try
        {
            OnIndex(tick);
        }
        catch (Exception ex)
        {
            HandlerFault = ex;
        }
    }

    private void OnIndex(in IndexTick tick)
    {
        if (_hasTick && tick.TsNs <= _lastTick.TsNs)
        {
            return;
        }

        _lastTick = tick;
        _hasTick = true;
        if (tick.IsUsable)
        {
            _history.Record(tick.TsNs, tick.Value, null);
            _volatility.Add(tick.TsNs, tick.Value);
            _lastUsable = tick;
            _hasUsable = true;
        }
        else
        {
            _history.Record(tick.TsNs, null, null);
        }

        var now = Context.NowNs;
        foreach (var state in _markets)
        {
            if (state.Market.OpenNs <= now && now < state.Market.CloseNs)
            {
                state.Dirty = true;
            }
        }

        ScheduleEvaluation();
    }

    private void OnSettledMessage(in PositionSettled message)
    {
        if (!_started || HandlerFault is not null)
        {
            return;
        }

        try
        {
            OnSettled(message);
        }
        catch (Exception ex)
        {
            HandlerFault = ex;
        }
    }

    private void ScheduleEvaluation()
    {
        if (_evaluationPending)
        {
            return;
        }

        _evaluationPending = true;
        Context.SetTimer(EvaluateTimer, Options.EvaluationDelay);
    }

    private void ThrowIfHandlerFaulted()
    {
        if (HandlerFault is not null)
        {
            throw new InvalidOperationException($"Strategy {Id} failed in a bus handler: {HandlerFault.Message}", HandlerFault);
        }
    }
}
