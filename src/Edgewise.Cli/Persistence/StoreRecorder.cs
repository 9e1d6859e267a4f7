// Bridges the engine to the write-behind store: subscribes to the engine's bus and turns what it publishes into
// store records, on the engine loop thread, without blocking it (Enqueue only queues).
//  - OrderSubmitted: the order row (before the venue can answer) and the book around it, for its fill attempt;
//  - FillApplied / PositionSettled / FundingApplied: the ledger entries posted since the last capture, then the
//    position's snapshot (tagged with the ledger length, so snapshots order themselves);
//  - OrderEvent: the fill (with its receive time), the event, the order's new snapshot, and, once the order ends,
//    its fill attempt (ack and first-fill latency measured on the engine clock from submit to receive).
// The records of one engine event go to the store together (EnqueueTogether: one transaction), so a kill -9 leaves each
// event whole or absent and the stored books reconcile at every moment; a fill's are gathered from FillApplied (ledger,
// position) and the OrderFilled that the execution engine publishes right after it (fill, event, order, attempt).
// A resumed run (restart recovery) passes how much of its ledger is already stored and each position's last opening
// time, so nothing is written twice and a flat position keeps the opening time its row had.
// When the store asks for a halt (backlog past its bound, or failing commits) the recorder moves an Active engine to
// Reducing, from inside its own handler so the change is deferred on the loop thread like any other. The switch is
// sticky: going back to Active is a decision for the operator or risk logic, not for a queue that drained.
// A store fault in a quiet period is acted on at the next recorded event. Construct and call CaptureAll only on the
// loop thread or while the engine is idle (setup): it reads the portfolio. Orders this recorder did not see submitted
// (restored after a restart) get no fill attempt. Dispose the recorder before closing the store (Enqueue then throws).
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Messaging;
using Edgewise.Engine.Risk;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Persistence;

internal sealed class StoreRecorder : IDisposable
{
    private readonly EngineLoop _engine;
    private readonly WriteBehindStore _store;
    private readonly bool _haltEntriesOnBacklog;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Dictionary<string, AttemptContext> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<InstrumentId, long> _lastOpenedAt = [];
    private readonly List<StoreRecord> _group = [];
    private int _ledgerRecorded;

    /// <param name="engine">The engine whose bus and portfolio are recorded.</param>
    /// <param name="store">Where the records go.</param>
    /// <param name="runId">The run the records belong to.</param>
    /// <param name="haltEntriesOnBacklog">Move an Active engine to Reducing when the store asks for a halt.</param>
    /// <param name="ledgerRecorded">Ledger entries of the portfolio already in the store (a resumed run's).</param>
    /// <param name="openedAt">Each stored position's opening time (a resumed run's), kept for positions that are flat now.</param>
    public StoreRecorder(EngineLoop engine, WriteBehindStore store, long runId, bool haltEntriesOnBacklog = true, int ledgerRecorded = 0,
        IReadOnlyDictionary<InstrumentId, long>? openedAt = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(ledgerRecorded);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ledgerRecorded, engine.Cache.Portfolio.Ledger.Entries.Count);
        _engine = engine;
        _store = store;
        RunId = runId;
        _haltEntriesOnBacklog = haltEntriesOnBacklog;
        _ledgerRecorded = ledgerRecorded;
        foreach (var (instrument, opened) in openedAt ?? new Dictionary<InstrumentId, long>())
        {
            _lastOpenedAt[instrument] = opened;
        }

        var bus = engine.Bus;
        _subscriptions.Add(bus.Subscribe<OrderSubmitted>(OnSubmitted));
        _subscriptions.Add(bus.Subscribe<OrderEvent>(OnOrderEvent));
        _subscriptions.Add(bus.Subscribe<FillApplied>(OnFillApplied));
        _subscriptions.Add(bus.Subscribe<PositionSettled>(OnSettled));
        _subscriptions.Add(bus.Subscribe<FundingApplied>(OnFunding));
        CaptureAll();
    }

    public long RunId { get; }

    /// <summary>Records handed to the store by this recorder.</summary>
    public long RecordsEnqueued { get; private set; }

    /// <summary>True once the recorder has moved the engine to Reducing because the store asked for a halt.</summary>
    public bool HaltApplied { get; private set; }

    /// <summary>Records ledger entries not yet recorded and every position's current state (setup, shutdown).</summary>
    public void CaptureAll()
    {
        GatherLedger();
        foreach (var position in _engine.Cache.Portfolio.Positions)
        {
            GatherPosition(position.Instrument);
        }

        Commit();
    }

    /// <summary>Records the ledger entries posted since the last capture (deposits and withdrawals are not on the bus).</summary>
    public void CaptureLedger()
    {
        GatherLedger();
        Commit();
    }

    /// <summary>Saves a strategy's state (JSON) stamped with the engine clock. Thread-safe.</summary>
    public void SaveStrategyState(string strategyId, string stateJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategyId);
        ArgumentNullException.ThrowIfNull(stateJson);
        _store.Enqueue(new StrategyStateRecord(RunId, strategyId, _engine.Clock.GetUnixNs(), stateJson));
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
    }

    private void OnSubmitted(in OrderSubmitted message)
    {
        var order = message.Order;
        Price? bid = null;
        Price? ask = null;
        if (_engine.Cache.TryGetBook(order.Instrument, out var book))
        {
            bid = book.TryGetBestBid(out var bestBid) ? bestBid.Price : null;
            ask = book.TryGetBestAsk(out var bestAsk) ? bestAsk.Price : null;
        }

        _attempts[order.ClientOrderId] = new AttemptContext(message.TsNs, bid, ask);
        _store.Enqueue(OrderRecord.From(RunId, order)); // alone: it may arrive between a fill's two halves
        RecordsEnqueued++;
        ApplyHaltRequest();
    }

    private void OnOrderEvent(in OrderEvent orderEvent)
    {
        _engine.Cache.TryGetOrder(orderEvent.ClientOrderId, out var order);
        if (orderEvent is OrderFilled filled && order is not null)
        {
            _group.Add(FillRecord.From(RunId, order, filled.Fill, filled.TsRecv));
        }

        _group.Add(OrderEventRecord.From(RunId, orderEvent));
        if (order is not null)
        {
            _group.Add(OrderRecord.From(RunId, order));
            TrackAttempt(order, orderEvent);
        }

        Commit(); // with a fill, the ledger entries and position gathered at FillApplied just before
        ApplyHaltRequest();
    }

    // The fill's order event follows at once and commits the group (the execution engine publishes both in one call).
    private void OnFillApplied(in FillApplied message)
    {
        GatherLedger();
        GatherPosition(message.Order.Instrument);
    }

    private void OnSettled(in PositionSettled message) => RecordPortfolioChange(message.Instrument);

    private void OnFunding(in FundingApplied message) => RecordPortfolioChange(message.Instrument);

    private void RecordPortfolioChange(InstrumentId instrument)
    {
        GatherLedger();
        GatherPosition(instrument);
        Commit();
        ApplyHaltRequest();
    }

    private void GatherLedger()
    {
        var entries = _engine.Cache.Portfolio.Ledger.Entries;
        for (; _ledgerRecorded < entries.Count; _ledgerRecorded++)
        {
            _group.Add(new LedgerEntryRecord(RunId, _ledgerRecorded, entries[_ledgerRecorded]));
        }
    }

    private void GatherPosition(InstrumentId instrument)
    {
        if (!_engine.Cache.Portfolio.TryGetPosition(instrument, out var position))
        {
            return;
        }

        // A flat position keeps the time its last holding opened; one that never held anything (funding only)
        // counts as opened at its first booking. Either way the row has an opening time.
        if (position.OpenedAt is { } opened)
        {
            _lastOpenedAt[instrument] = opened;
        }

        if (!_lastOpenedAt.TryGetValue(instrument, out var openedAt))
        {
            openedAt = position.LastChangedAt ?? _engine.Clock.GetUnixNs();
            _lastOpenedAt[instrument] = openedAt;
        }

        _group.Add(new PositionRecord(RunId, instrument, position.NetQuantity, position.CostBasis, position.Multiplier,
            position.RealizedPnl, position.FeesPaid, position.Funding, openedAt, position.LastChangedAt ?? openedAt,
            _ledgerRecorded));
    }

    private void TrackAttempt(Order order, OrderEvent orderEvent)
    {
        if (!_attempts.TryGetValue(order.ClientOrderId, out var attempt))
        {
            return;
        }

        switch (orderEvent)
        {
            case OrderAccepted accepted:
                attempt.AckedAt ??= accepted.TsRecv;
                break;
            case OrderFilled filled:
                attempt.FirstFillAt ??= filled.TsRecv;
                if (filled.Fill.Liquidity == LiquiditySide.Maker)
                {
                    attempt.MakerRaw += filled.Fill.Quantity.Raw;
                }

                break;
            default:
                break;
        }

        if (!order.IsTerminal)
        {
            return;
        }

        _attempts.Remove(order.ClientOrderId);
        _group.Add(new FillAttemptRecord(RunId, order.ClientOrderId, order.StrategyId, order.Instrument, order.Side, order.Type,
            order.TimeInForce, order.Price, order.Quantity, attempt.BestBid, attempt.BestAsk, attempt.SubmittedAt, attempt.AckedAt,
            attempt.FirstFillAt, orderEvent.TsRecv, FillAttemptRecord.OutcomeOf(order.FilledQuantity, order.Quantity), order.Status,
            order.FilledQuantity, new Quantity(attempt.MakerRaw)));
    }

    private void Commit()
    {
        if (_group.Count == 0)
        {
            return;
        }

        _store.EnqueueTogether(_group);
        RecordsEnqueued += _group.Count;
        _group.Clear();
    }

    private void ApplyHaltRequest()
    {
        if (!_haltEntriesOnBacklog || HaltApplied || !_store.IsHaltRequested)
        {
            return;
        }

        HaltApplied = true;
        if (_engine.Risk.State == TradingState.Active)
        {
            _engine.SetTradingState(TradingState.Reducing, $"store: {_store.HaltReason}");
        }
    }

    private sealed class AttemptContext(long submittedAt, Price? bestBid, Price? bestAsk)
    {
        public long SubmittedAt { get; } = submittedAt;

        public Price? BestBid { get; } = bestBid;

        public Price? BestAsk { get; } = bestAsk;

        public long? AckedAt { get; set; }

        public long? FirstFillAt { get; set; }

        public long MakerRaw { get; set; }
    }
}
