// An order as the engine tracks it. Status, filled quantity and average price change only through
// Apply(OrderEvent), which checks OrderStateMachine, so an order can never reach an impossible state.
// Events come from venues (external input): a misfit event is a typed OrderApplyResult, not an exception,
// and leaves the order untouched. Constructing an order from a malformed request is a programming error
// (the engine validates requests first) and throws.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Orders;

public sealed class Order
{
    private readonly List<Fill> _fills = [];
    private decimal _fillNotional;

    public Order(OrderRequest request, string strategyId, long tsCreated)
    {
        ArgumentNullException.ThrowIfNull(strategyId);
        var error = request.ShapeError();
        if (error is not null)
        {
            throw new ArgumentException($"Order {request.ClientOrderId}: {error}.", nameof(request));
        }

        Request = request;
        StrategyId = strategyId;
        TsCreated = tsCreated;
        TsLastEvent = tsCreated;
    }

    /// <summary>The request the order was created from (what was sent to the venue).</summary>
    public OrderRequest Request { get; }

    public string ClientOrderId => Request.ClientOrderId;

    /// <summary>The strategy that owns the order and receives its events.</summary>
    public string StrategyId { get; }

    /// <summary>The venue's id, known once the venue acknowledged the order.</summary>
    public string? VenueOrderId { get; private set; }

    public InstrumentId Instrument => Request.Instrument;

    public OrderSide Side => Request.Side;

    public OrderType Type => Request.Type;

    public TimeInForce TimeInForce => Request.TimeInForce;

    /// <summary>The limit price; zero for a market order.</summary>
    public Price Price => Request.Price;

    public Quantity Quantity => Request.Quantity;

    public Quantity FilledQuantity { get; private set; }

    /// <summary>Quantity not filled; it is still working only while <see cref="IsOpen"/>.</summary>
    public Quantity LeavesQuantity => Quantity - FilledQuantity;

    /// <summary>Volume-weighted average fill price; zero before the first fill.</summary>
    public decimal AverageFillPrice => FilledQuantity.IsZero ? 0m : _fillNotional / FilledQuantity.ToDecimal();

    /// <summary>Sum of the fills' fees.</summary>
    public decimal FeesPaid { get; private set; }

    public OrderStatus Status { get; private set; }

    /// <summary>Rejection or denial text; null otherwise.</summary>
    public string? StatusReason { get; private set; }

    public long TsCreated { get; }

    /// <summary>Event time of the last applied event (creation time before any).</summary>
    public long TsLastEvent { get; private set; }

    public bool IsTerminal => OrderStateMachine.IsTerminal(Status);

    /// <summary>True while the order may still fill (New, Accepted, PartiallyFilled).</summary>
    public bool IsOpen => !IsTerminal;

    public IReadOnlyList<Fill> Fills => _fills;

    /// <summary>Applies a venue or engine event: the only way the order's state changes.</summary>
    public OrderApplyResult Apply(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        if (!string.Equals(orderEvent.ClientOrderId, ClientOrderId, StringComparison.Ordinal))
        {
            return OrderApplyResult.WrongOrder;
        }

        return orderEvent switch
        {
            OrderFilled filled => ApplyFill(filled.Fill),
            OrderAccepted accepted => Move(OrderStatus.Accepted, accepted.TsEvent, null, accepted.VenueOrderId),
            OrderRejected rejected => Move(OrderStatus.Rejected, rejected.TsEvent, rejected.Reason, null),
            OrderDenied denied => Move(OrderStatus.Denied, denied.TsEvent, $"{denied.Reason}: {denied.Detail}", null),
            OrderCanceled canceled => Move(OrderStatus.Canceled, canceled.TsEvent, null, null),
            OrderExpired expired => Move(OrderStatus.Expired, expired.TsEvent, null, null),
            _ => throw new ArgumentException($"Unknown order event type {orderEvent.GetType().Name}.", nameof(orderEvent)),
        };
    }

    private OrderApplyResult Move(OrderStatus to, long tsEvent, string? reason, string? venueOrderId)
    {
        if (!OrderStateMachine.CanTransition(Status, to))
        {
            return OrderApplyResult.IllegalTransition;
        }

        Status = to;
        TsLastEvent = tsEvent;
        StatusReason = reason ?? StatusReason;
        VenueOrderId = venueOrderId ?? VenueOrderId;
        return OrderApplyResult.Applied;
    }

    private OrderApplyResult ApplyFill(in Fill fill)
    {
        if (!fill.Quantity.IsPositive || !fill.Price.IsPositive)
        {
            return OrderApplyResult.InvalidFill;
        }

        // A terminal order takes no fill at all: report that before looking at quantities.
        if (!OrderStateMachine.CanTransition(Status, OrderStatus.Filled))
        {
            return OrderApplyResult.IllegalTransition;
        }

        foreach (var previous in _fills)
        {
            if (string.Equals(previous.TradeId, fill.TradeId, StringComparison.Ordinal))
            {
                return OrderApplyResult.DuplicateFill;
            }
        }

        var filled = FilledQuantity + fill.Quantity;
        if (filled > Quantity)
        {
            return OrderApplyResult.Overfill;
        }

        var to = filled == Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        if (!OrderStateMachine.CanTransition(Status, to))
        {
            return OrderApplyResult.IllegalTransition;
        }

        Status = to;
        TsLastEvent = fill.TsEvent;
        FilledQuantity = filled;
        _fillNotional += FixedPoint.Multiply(fill.Price.Raw, fill.Quantity.Raw);
        FeesPaid += fill.Fee;
        _fills.Add(fill);
        return OrderApplyResult.Applied;
    }

    public override string ToString() =>
        $"{ClientOrderId} {Side} {Quantity} {Instrument} {Type} {Price} {Status} filled {FilledQuantity}";
}
