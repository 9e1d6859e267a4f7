// Pre-trade checks and the trading state (Active / Reducing / Halted). Every new order passes Check before
// it is sent; a failure becomes an OrderDenied event with the reason, never an exception. Checks run in a
// fixed order and the first failure is reported, so the same input always gives the same reason.
// Exposure, for the notional limits, is |position cost basis| + Σ open orders' remaining × price ×
// multiplier (a market order is valued at the opposite best price, else the last trade), plus the new
// order's notional. An order that only reduces a position (opposite side, and together with the other open
// orders on that side no larger than the position) is exempt from the notional, daily-loss and
// consecutive-loss checks, so a strategy can always get out; a DATA_OUTAGE of a required input blocks entries only. Daily loss is realized P&L net of fees since
// 00:00 UTC by the engine clock; a losing round trip is one closed at a net loss.
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Core.Time;
using Edgewise.Engine.Health;
using Edgewise.Engine.Messaging;

namespace Edgewise.Engine.Risk;

public sealed class RiskEngine
{
    private const long NsPerDay = 86_400_000_000_000L;

    private readonly Cache _cache;
    private readonly TimeProvider _clock;
    private readonly MessageBus _bus;
    private readonly RequiredInputs _inputs;
    private readonly long[] _sendTimes;
    private readonly long _rateWindowNs;
    private int _sendCount;
    private int _sendNext;
    private long _day = long.MinValue;
    private decimal _dailyNet;

    internal RiskEngine(RiskLimits limits, Cache cache, TimeProvider clock, MessageBus bus, RequiredInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.EnsureValid();
        Limits = limits;
        _cache = cache;
        _clock = clock;
        _bus = bus;
        _inputs = inputs;
        _sendTimes = new long[limits.MaxOrdersPerWindow ?? 0];
        _rateWindowNs = limits.OrderRateWindow.Ticks * 100;
    }

    public RiskLimits Limits { get; }

    public TradingState State { get; private set; }

    public string StateReason { get; private set; } = string.Empty;

    /// <summary>Realized P&amp;L net of fees since 00:00 UTC today (engine clock).</summary>
    public decimal DailyRealizedPnl
    {
        get
        {
            RollDay(_clock.GetUnixNs());
            return _dailyNet;
        }
    }

    /// <summary>Round trips closed at a net loss in a row (reset by a round trip that did not lose).</summary>
    public int ConsecutiveLosses { get; private set; }

    /// <summary>Runs every check on a new order request, in a fixed order; the first failure is returned.</summary>
    public RiskCheck Check(in OrderRequest request)
    {
        var now = _clock.GetUnixNs();
        RollDay(now);
        if (State == TradingState.Halted)
        {
            return Deny(DenialReason.TradingHalted, $"trading halted: {StateReason}");
        }

        if (request.ShapeError() is { } shapeError)
        {
            return Deny(DenialReason.InvalidOrder, shapeError);
        }

        if (!_cache.TryGetState(request.Instrument, out var state))
        {
            return Deny(DenialReason.UnknownInstrument, $"{request.Instrument} is not registered");
        }

        var instrument = state.Instrument;
        if (!instrument.IsValidSize(request.Quantity))
        {
            return Deny(DenialReason.InvalidOrder, $"quantity {request.Quantity} is not a multiple of {instrument.SizeIncrement}");
        }

        if (request.Type == OrderType.Limit && !instrument.IsOnTick(request.Price))
        {
            return Deny(DenialReason.InvalidOrder, $"price {request.Price} is off the tick grid");
        }

        if (Limits.RequireHealthyBook && state.Book.Health != BookHealth.Healthy)
        {
            return Deny(DenialReason.BookUnhealthy, $"book is {state.Book.Health}");
        }

        var reducing = IsReducing(request);
        if (State == TradingState.Reducing && !reducing)
        {
            return Deny(DenialReason.TradingReducing, $"trading is reducing only: {StateReason}");
        }

        if (!reducing && _inputs.FirstOutage(now) is { } outage)
        {
            return Deny(DenialReason.DataOutage, $"DATA_OUTAGE: {outage.Name}: {outage.Reason}");
        }

        if (Limits.MaxOrderQuantity is { } maxQuantity && request.Quantity.ToDecimal() > maxQuantity)
        {
            return Deny(DenialReason.MaxOrderQuantity, $"quantity {request.Quantity} > {maxQuantity}");
        }

        if (Limits.PriceBandFraction is { } band && request.Type == OrderType.Limit)
        {
            if (!TryGetBandReference(state, out var reference))
            {
                return Deny(DenialReason.NoReferencePrice, "no mid or last trade for the price band");
            }

            var distance = Math.Abs(request.Price.ToDecimal() - reference);
            if (distance > reference * band)
            {
                return Deny(DenialReason.PriceBand, $"price {request.Price} is {distance} from reference {reference}, band {reference * band}");
            }
        }

        if (!reducing)
        {
            var denial = CheckExposure(request, state);
            if (!denial.IsAllowed)
            {
                return denial;
            }
        }

        if (Limits.MaxOrdersPerWindow is { } maxOrders && _sendCount == maxOrders && _sendTimes[_sendNext] > now - _rateWindowNs)
        {
            return Deny(DenialReason.OrderRate, $"{maxOrders} orders already sent within {Limits.OrderRateWindow}");
        }

        return RiskCheck.Allowed;
    }

    /// <summary>True when the order can only bring the position closer to flat, counting the other open orders on the same side.</summary>
    public bool IsReducing(in OrderRequest request)
    {
        var position = _cache.Portfolio.NetQuantity(request.Instrument);
        var reduces = (request.Side == OrderSide.Sell && position.Raw > 0) || (request.Side == OrderSide.Buy && position.Raw < 0);
        if (!reduces)
        {
            return false;
        }

        var pending = request.Quantity.Raw;
        foreach (var order in _cache.OpenOrders)
        {
            if (order.Side == request.Side && order.Instrument == request.Instrument)
            {
                pending += order.LeavesQuantity.Raw;
            }
        }

        return pending <= Math.Abs(position.Raw);
    }

    /// <summary>Records an order that passed and was sent, for the order-rate window.</summary>
    internal void RecordSent(long nowNs)
    {
        if (_sendTimes.Length == 0)
        {
            return;
        }

        _sendTimes[_sendNext] = nowNs;
        _sendNext = (_sendNext + 1) % _sendTimes.Length;
        _sendCount = Math.Min(_sendCount + 1, _sendTimes.Length);
    }

    /// <summary>
    /// A run resumed after a restart: today's realized P&amp;L after fees and the losing streak it had, so the daily-loss and
    /// losing-streak limits do not start over (RunRecovery recomputes both from the journal).
    /// </summary>
    public void CarryOver(decimal realizedNetToday, int consecutiveLosses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(consecutiveLosses);
        RollDay(_clock.GetUnixNs());
        _dailyNet = realizedNetToday;
        ConsecutiveLosses = consecutiveLosses;
    }

    internal void OnPositionUpdate(in PositionUpdate update)
    {
        RollDay(_clock.GetUnixNs());
        _dailyNet += update.RealizedDelta - update.Fee;
        if (update.RoundTripClosed)
        {
            ConsecutiveLosses = update.RoundTripPnl < 0m ? ConsecutiveLosses + 1 : 0;
        }
    }

    /// <summary>Changes the trading state; publishes <see cref="TradingStateChanged"/> when it differs.</summary>
    internal bool SetState(TradingState state, string reason)
    {
        if (state == State)
        {
            return false;
        }

        var previous = State;
        State = state;
        StateReason = reason;
        _bus.Publish(new TradingStateChanged(previous, state, reason, _clock.GetUnixNs()));
        return true;
    }

    private RiskCheck CheckExposure(in OrderRequest request, Cache.InstrumentState state)
    {
        var limits = Limits;
        if (limits.MaxNotionalPerInstrument is not null || limits.MaxNotionalPerEvent is not null || limits.MaxNotionalTotal is not null)
        {
            if (!TryGetOrderPrice(state, request.Side, request.Type, request.Price, out var price))
            {
                return Deny(DenialReason.NoReferencePrice, "no opposite price to value a market order");
            }

            var notional = state.Instrument.Notional(price, request.Quantity);
            var (instrument, eventTotal, total) = Exposures(request, state.EventKey);
            if (limits.MaxNotionalPerInstrument is { } maxInstrument && instrument + notional > maxInstrument)
            {
                return Deny(DenialReason.MaxNotionalPerInstrument, $"exposure {instrument} + {notional} > {maxInstrument}");
            }

            if (limits.MaxNotionalPerEvent is { } maxEvent && state.EventKey is not null && eventTotal + notional > maxEvent)
            {
                return Deny(DenialReason.MaxNotionalPerEvent, $"event {state.EventKey} exposure {eventTotal} + {notional} > {maxEvent}");
            }

            if (limits.MaxNotionalTotal is { } maxTotal && total + notional > maxTotal)
            {
                return Deny(DenialReason.MaxNotionalTotal, $"total exposure {total} + {notional} > {maxTotal}");
            }
        }

        if (limits.MaxDailyLoss is { } maxLoss && -_dailyNet > maxLoss)
        {
            return Deny(DenialReason.DailyLoss, $"daily realized {_dailyNet} is past the loss limit {maxLoss}");
        }

        if (limits.MaxConsecutiveLosses is { } maxLosses && ConsecutiveLosses > maxLosses)
        {
            return Deny(DenialReason.ConsecutiveLosses, $"{ConsecutiveLosses} losing round trips in a row > {maxLosses}");
        }

        return RiskCheck.Allowed;
    }

    private (decimal Instrument, decimal Event, decimal Total) Exposures(in OrderRequest request, string? eventKey)
    {
        decimal instrument = 0m, eventTotal = 0m, total = 0m;
        foreach (var position in _cache.Portfolio.Positions)
        {
            var value = Math.Abs(position.CostBasis);
            Add(position.Instrument, value, request, eventKey, ref instrument, ref eventTotal, ref total);
        }

        foreach (var order in _cache.OpenOrders)
        {
            if (!_cache.TryGetState(order.Instrument, out var state))
            {
                continue;
            }

            _ = TryGetOrderPrice(state, order.Side, order.Type, order.Price, out var price);
            var value = state.Instrument.Notional(price, order.LeavesQuantity);
            Add(order.Instrument, value, request, eventKey, ref instrument, ref eventTotal, ref total);
        }

        return (instrument, eventTotal, total);
    }

    private void Add(InstrumentId id, decimal value, in OrderRequest request, string? eventKey, ref decimal instrument, ref decimal eventTotal, ref decimal total)
    {
        if (value == 0m)
        {
            return;
        }

        total += value;
        if (id == request.Instrument)
        {
            instrument += value;
        }

        if (eventKey is not null && string.Equals(_cache.EventKeyOf(id), eventKey, StringComparison.Ordinal))
        {
            eventTotal += value;
        }
    }

    /// <summary>The order's own price, or for a market order the opposite best price, else the last trade.</summary>
    private static bool TryGetOrderPrice(Cache.InstrumentState state, OrderSide side, OrderType type, Price limit, out Price price)
    {
        if (type == OrderType.Limit)
        {
            price = limit;
            return true;
        }

        var found = side == OrderSide.Buy ? state.Book.TryGetBestAsk(out var level) : state.Book.TryGetBestBid(out level);
        if (found)
        {
            price = level.Price;
            return true;
        }

        price = state.HasTrade ? state.LastTrade.Price : Price.Zero;
        return state.HasTrade;
    }

    /// <summary>The price-band reference: the book's mid, else the last trade.</summary>
    private static bool TryGetBandReference(Cache.InstrumentState state, out decimal reference)
    {
        if (state.Book.TryGetBestBid(out var bid) && state.Book.TryGetBestAsk(out var ask))
        {
            reference = (bid.Price.ToDecimal() + ask.Price.ToDecimal()) / 2m;
            return true;
        }

        reference = state.HasTrade ? state.LastTrade.Price.ToDecimal() : 0m;
        return state.HasTrade;
    }

    private void RollDay(long nowNs)
    {
        var day = nowNs >= 0 ? nowNs / NsPerDay : ((nowNs + 1) / NsPerDay) - 1;
        if (day != _day)
        {
            _day = day;
            _dailyNet = 0m;
        }
    }

    private static RiskCheck Deny(DenialReason reason, string detail) => new(reason, detail);
}
