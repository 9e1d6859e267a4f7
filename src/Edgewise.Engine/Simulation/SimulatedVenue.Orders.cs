// What the simulated venue does when an order or a cancel reaches it (after the entry latency): validate, then
// acknowledge and match the order against the book as it is now, or cancel a resting order.
// Matching copies the levels (IOrderBook.CopyLevels) rather than using WalkQuantity: a walk gives only totals,
// while the venue needs one fill per level and must leave out liquidity it already took (ConsumedLiquidity).
using System.Globalization;
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Engine.Simulation;

public sealed partial class SimulatedVenue
{
    private void OnRequestArrived(VenueRequest request)
    {
        if (request.IsCancel)
        {
            CancelArrived(request.Cancel);
        }
        else
        {
            OrderArrived(request.Order);
        }
    }

    private void OrderArrived(in OrderRequest request)
    {
        OrdersReceived++;
        var now = NowNs;
        if (request.ShapeError() is { } shapeError)
        {
            Reject(request.ClientOrderId ?? string.Empty, SimulatedRejectReasons.InvalidOrder, shapeError, now);
            return;
        }

        if (_orders.ContainsKey(request.ClientOrderId))
        {
            Reject(request.ClientOrderId, SimulatedRejectReasons.DuplicateOrderId, "the venue already has this order", now);
            return;
        }

        var order = new SimulatedOrder(request, string.Create(CultureInfo.InvariantCulture, $"{Venue}-{++_venueOrderSequence}"));
        _orders.Add(order.ClientOrderId, order);
        if (!TryAdmit(order, out var state, out var code, out var detail))
        {
            order.Close();
            Reject(order.ClientOrderId, code, detail, now);
            return;
        }

        var levels = CopyLevels(state.Book, order.TakingSide);
        var takeable = Takeable(order, state, levels);
        if (order.Request.Type == OrderType.Market && takeable.IsZero)
        {
            order.Close();
            Reject(order.ClientOrderId, SimulatedRejectReasons.NoLiquidity, $"nothing to take on the {order.TakingSide} side", now);
            return;
        }

        Report(new OrderAccepted(order.ClientOrderId, order.VenueOrderId, now, ReceivedAt(now)));
        if (order.Request.TimeInForce == TimeInForce.Fok && takeable < order.Leaves)
        {
            Expire(order, now);
            return;
        }

        Take(order, state, levels, now);
        if (!order.IsWorking)
        {
            return;
        }

        if (order.Request.TimeInForce == TimeInForce.Gtc)
        {
            order.QueueAhead = state.Book.SizeAt(order.RestingSide, order.Price);
            order.LevelSize = order.QueueAhead;
            state.Rest(order);
        }
        else
        {
            Expire(order, now);
        }
    }

    /// <summary>The venue's own checks; on success <paramref name="state"/> is the instrument's state (created on first use).</summary>
    private bool TryAdmit(SimulatedOrder order, out VenueInstrument state, out string code, out string detail)
    {
        state = null!;
        var request = order.Request;
        if (!string.Equals(request.Instrument.Venue, Venue, StringComparison.Ordinal)
            || !_cache.TryGetInstrument(request.Instrument, out var instrument)
            || !_cache.TryGetBook(request.Instrument, out var book))
        {
            (code, detail) = (SimulatedRejectReasons.UnknownInstrument, $"{request.Instrument} is not traded on {Venue}");
            return false;
        }

        if (!instrument.IsValidSize(request.Quantity))
        {
            (code, detail) = (SimulatedRejectReasons.InvalidSize, $"quantity {request.Quantity} is not a positive multiple of {instrument.SizeIncrement}");
            return false;
        }

        if (request.Type == OrderType.Limit && !instrument.IsOnTick(request.Price))
        {
            (code, detail) = (SimulatedRejectReasons.OffTick, $"price {request.Price} is not on the tick grid");
            return false;
        }

        if (book.Health != BookHealth.Healthy)
        {
            (code, detail) = (SimulatedRejectReasons.BookUnhealthy, $"book is {book.Health}");
            return false;
        }

        if (!_instruments.TryGetValue(request.Instrument, out state!))
        {
            state = new VenueInstrument(instrument, book);
            _instruments.Add(request.Instrument, state);
        }

        (code, detail) = (string.Empty, string.Empty);
        return true;
    }

    /// <summary>How much of the order the first <paramref name="levels"/> copied levels could fill now, within its limit.</summary>
    private Quantity Takeable(SimulatedOrder order, VenueInstrument state, int levels)
    {
        var remaining = order.Leaves;
        for (var i = 0; i < levels && remaining.IsPositive; i++)
        {
            var level = _levels[i];
            if (!order.Accepts(level.Price))
            {
                break;
            }

            var available = state.Consumed.Available(order.TakingSide, level.Price, level.Size);
            remaining -= RoundToSize(Quantity.Min(available, remaining), state.Instrument);
        }

        return order.Leaves - remaining;
    }

    /// <summary>Fills the order level by level from the copied levels, each at its own price, as taker.</summary>
    private void Take(SimulatedOrder order, VenueInstrument state, int levels, long now)
    {
        for (var i = 0; i < levels && order.IsWorking; i++)
        {
            var level = _levels[i];
            if (!order.Accepts(level.Price))
            {
                break;
            }

            var available = state.Consumed.Available(order.TakingSide, level.Price, level.Size);
            var take = RoundToSize(Quantity.Min(available, order.Leaves), state.Instrument);
            if (take.IsPositive)
            {
                state.Consumed.Take(order.TakingSide, level.Price, level.Size, take);
                Fill(order, state, level.Price, take, LiquiditySide.Taker, now);
            }
        }
    }

    private void CancelArrived(in CancelRequest request)
    {
        var now = NowNs;
        if (request.ClientOrderId is null || !_orders.TryGetValue(request.ClientOrderId, out var order))
        {
            RejectCancel(request.ClientOrderId ?? string.Empty, SimulatedRejectReasons.UnknownOrder, "the venue never received this order", now);
            return;
        }

        if (!order.IsWorking)
        {
            RejectCancel(order.ClientOrderId, SimulatedRejectReasons.OrderClosed, "the order is no longer working", now);
            return;
        }

        order.Close();
        if (_instruments.TryGetValue(order.Request.Instrument, out var state))
        {
            state.RemoveClosed();
        }

        Report(new OrderCanceled(order.ClientOrderId, now, ReceivedAt(now)));
    }

    private void Expire(SimulatedOrder order, long now)
    {
        order.Close();
        Report(new OrderExpired(order.ClientOrderId, now, ReceivedAt(now)));
    }

    private void Reject(string clientOrderId, string code, string detail, long now)
    {
        OrdersRejected++;
        Report(new OrderRejected(clientOrderId, $"{code}: {detail}", now, ReceivedAt(now)));
    }

    private void RejectCancel(string clientOrderId, string code, string detail, long now)
    {
        CancelsRejected++;
        _outbound.Send(new VenueReport(null, new CancelRejected(Venue, clientOrderId, $"{code}: {detail}", now, ReceivedAt(now))));
    }
}
