// A venue that fills orders against the engine's own view of the market, for replay (recorded data, replay clock)
// and paper trading (live data, system clock): only the TimeProvider and the data source differ.
//  - Orders and cancels reach the venue EntryLatency after they are sent, its events reach the engine FeedLatency
//    after they happen (LatencyLink, on the engine's timers). Every event carries the venue time (TsEvent) and the
//    local receive time (TsRecv = TsEvent + FeedLatency).
//  - The venue's clock is the engine's clock and its book is the engine's book of the instrument: the delay of the
//    market-data feed is already in the data's receive times and is not added again.
//  - A taker order (market, or a limit that crosses) walks the current book best level first, one Fill per level at
//    that level's price, never past its limit; IOC expires the rest, FOK fills all or expires with no fill, GTC rests
//    the rest. Liquidity taken stays taken until the feed reports a new size at that level (ConsumedLiquidity).
//  - A resting order fills from public trades at or through its price, behind the queue ahead (QueueModel), or when
//    the book shows fresh liquidity crossing its price; those fills are at its own price, as maker.
//  - Never fills on an unhealthy book; rejects carry a SimulatedRejectReasons code. Our own orders are never matched
//    against each other.
// All venue state is touched on the engine loop only: Submit/Cancel come from the execution engine, market data
// from the bus, and latency timers post their work to the loop.
using System.Globalization;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Messaging;

namespace Edgewise.Engine.Simulation;

public sealed partial class SimulatedVenue : IExecutionClient, IDisposable
{
    private readonly Cache _cache;
    private readonly MessageBus _bus;
    private readonly TimeProvider _clock;
    private readonly IExecutionEventSink _events;
    private readonly long _feedLatencyNs;
    private readonly LatencyLink<VenueRequest> _inbound;
    private readonly LatencyLink<VenueReport> _outbound;
    private readonly Dictionary<string, SimulatedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<InstrumentId, VenueInstrument> _instruments = [];
    private readonly IDisposable[] _subscriptions;
    private BookLevel[] _levels = new BookLevel[64];
    private long _venueOrderSequence;
    private long _tradeSequence;

    /// <param name="engine">The engine whose cache (books, instruments), bus, clock and loop the venue uses.</param>
    /// <param name="venue">The venue name: orders for instruments of other venues are rejected.</param>
    /// <param name="options">Latencies; none when null.</param>
    /// <param name="events">Where order events go; the engine when null (a test may record them instead).</param>
    public SimulatedVenue(EngineLoop engine, string venue, SimulatedVenueOptions? options = null, IExecutionEventSink? events = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrEmpty(venue);
        Options = options ?? new SimulatedVenueOptions();
        Options.EnsureValid();
        Venue = venue;
        _cache = engine.Cache;
        _bus = engine.Bus;
        _clock = engine.Clock;
        _events = events ?? engine;
        _feedLatencyNs = checked(Options.FeedLatency.Ticks * 100);
        _inbound = new LatencyLink<VenueRequest>(_clock, Options.EntryLatency, engine.Post, OnRequestArrived);
        _outbound = new LatencyLink<VenueReport>(_clock, Options.FeedLatency, engine.Post, Deliver);
        _subscriptions =
        [
            _bus.Subscribe<BookChanged>(OnBookChanged),
            _bus.Subscribe<BookStatus>(OnBookStatus),
            _bus.Subscribe<TradeTick>(OnTrade),
        ];
    }

    public string Venue { get; }

    public SimulatedVenueOptions Options { get; }

    /// <summary>Orders that reached the venue (rejected ones included).</summary>
    public long OrdersReceived { get; private set; }

    public long OrdersRejected { get; private set; }

    public long CancelsRejected { get; private set; }

    public long FillsReported { get; private set; }

    /// <summary>Requests on their way to the venue plus events on their way back.</summary>
    public int InFlight => _inbound.InFlight + _outbound.InFlight;

    /// <summary>Creates a venue with the engine as its event sink and registers it as the engine's client for <paramref name="venue"/>.</summary>
    public static SimulatedVenue Register(EngineLoop engine, string venue, SimulatedVenueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var simulated = new SimulatedVenue(engine, venue, options);
        engine.Execution.RegisterClient(simulated);
        return simulated;
    }

    /// <summary>Sends an order; it reaches the venue after the entry latency. Call on the engine loop (the execution engine does).</summary>
    public void Submit(in OrderRequest request) => _inbound.Send(new VenueRequest(request, default, IsCancel: false));

    /// <summary>Sends a cancel; it reaches the venue after the entry latency. Call on the engine loop (the execution engine does).</summary>
    public void Cancel(in CancelRequest request) => _inbound.Send(new VenueRequest(default, request, IsCancel: true));

    /// <summary>The visible size ahead of a resting order at its price; false when the order is not resting here. Read on the engine loop.</summary>
    public bool TryGetQueuePosition(string clientOrderId, out Quantity ahead)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        if (_orders.TryGetValue(clientOrderId, out var order) && order.IsWorking)
        {
            ahead = order.QueueAhead;
            return true;
        }

        ahead = Quantity.Zero;
        return false;
    }

    /// <summary>Stops listening to market data and drops whatever is in flight.</summary>
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _inbound.Dispose();
        _outbound.Dispose();
    }

    private long NowNs => _clock.GetUnixNs();

    private long ReceivedAt(long venueNs) => venueNs + _feedLatencyNs;

    private void Report(OrderEvent orderEvent) => _outbound.Send(new VenueReport(orderEvent, default));

    private void Deliver(VenueReport report)
    {
        if (report.Event is { } orderEvent)
        {
            _events.OnOrderEvent(orderEvent);
        }
        else
        {
            _bus.Publish(report.CancelReject);
        }
    }

    /// <summary>Executes part of an order at <paramref name="price"/> and reports the fill with the instrument's fee.</summary>
    private void Fill(SimulatedOrder order, VenueInstrument state, Price price, Quantity quantity, LiquiditySide liquidity, long now)
    {
        order.AddFill(quantity);
        var fee = state.Instrument.Fees.Fee(price, quantity, liquidity);
        var tradeId = string.Create(CultureInfo.InvariantCulture, $"{Venue}-t{++_tradeSequence}");
        FillsReported++;
        Report(new OrderFilled(order.ClientOrderId, new Fill(tradeId, price, quantity, liquidity, fee, now), ReceivedAt(now)));
    }

    /// <summary>Copies every level of one side of the book, best first, into the reusable buffer; returns how many.</summary>
    private int CopyLevels(IOrderBook book, BookSide side)
    {
        var count = side == BookSide.Bid ? book.BidCount : book.AskCount;
        if (_levels.Length < count)
        {
            _levels = new BookLevel[Math.Max(count, _levels.Length * 2)];
        }

        return book.CopyLevels(side, _levels);
    }

    /// <summary>The largest multiple of the instrument's size increment not above <paramref name="quantity"/> (zero for none).</summary>
    private static Quantity RoundToSize(Quantity quantity, Instrument instrument)
    {
        if (!quantity.IsPositive)
        {
            return Quantity.Zero;
        }

        var step = instrument.SizeIncrement.Raw;
        return new Quantity(quantity.Raw - (quantity.Raw % step));
    }

    private bool TryGetState(InstrumentId instrument, out VenueInstrument state)
    {
        if (_instruments.Count == 0)
        {
            state = null!;
            return false;
        }

        return _instruments.TryGetValue(instrument, out state!);
    }

    /// <summary>An order or a cancel on its way to the venue.</summary>
    private readonly record struct VenueRequest(OrderRequest Order, CancelRequest Cancel, bool IsCancel);

    /// <summary>An order event, or else a cancel reject, on its way to the engine.</summary>
    private readonly record struct VenueReport(OrderEvent? Event, CancelRejected CancelReject);
}
