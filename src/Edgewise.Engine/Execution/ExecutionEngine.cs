// The order lifecycle inside the engine. Submit: an existing client order id is answered with the existing
// order and nothing is sent (idempotent ids); otherwise risk checks run, a denial becomes an order in status
// Denied plus an OrderDenied event published after the current callback, and a passing order is cached and
// handed to the execution client of its venue (OrderSubmitted is published just before the send). Venue events come back through the engine loop into
// OnOrderEvent: the order's state machine applies them, fills update the portfolio and the risk counters,
// and the event is published on the bus (FillApplied first, then the OrderEvent). An event the state machine
// refuses, or for an unknown order, is counted and published as an OrderAnomaly instead of thrown.
using Edgewise.Core.Contracts;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Engine.Messaging;
using Edgewise.Engine.Risk;

namespace Edgewise.Engine.Execution;

public sealed class ExecutionEngine
{
    private readonly Cache _cache;
    private readonly RiskEngine _risk;
    private readonly MessageBus _bus;
    private readonly TimeProvider _clock;
    private readonly Action<OrderEvent> _publishLater;
    private readonly Dictionary<string, IExecutionClient> _clients = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cancelsPending = new(StringComparer.Ordinal);

    internal ExecutionEngine(Cache cache, RiskEngine risk, MessageBus bus, TimeProvider clock, Action<OrderEvent> publishLater)
    {
        _cache = cache;
        _risk = risk;
        _bus = bus;
        _clock = clock;
        _publishLater = publishLater;
    }

    /// <summary>Submits refused because the client order id was already used.</summary>
    public long DuplicateSubmits { get; private set; }

    /// <summary>Events for client order ids the engine never sent.</summary>
    public long UnknownOrderEvents { get; private set; }

    /// <summary>Events the order state machine refused (illegal transition, overfill, duplicate fill).</summary>
    public long RefusedOrderEvents { get; private set; }

    /// <summary>Registers the client that trades instruments of <see cref="IExecutionClient.Venue"/>; one per venue.</summary>
    public void RegisterClient(IExecutionClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!_clients.TryAdd(client.Venue, client))
        {
            throw new InvalidOperationException($"An execution client for venue '{client.Venue}' is already registered.");
        }
    }

    internal SubmitResult Submit(in OrderRequest request, string strategyId)
    {
        if (request.ClientOrderId is not null && _cache.TryGetOrder(request.ClientOrderId, out var existing))
        {
            DuplicateSubmits++;
            return new SubmitResult(SubmitOutcome.Duplicate, existing, DenialReason.None, "client order id already used");
        }

        var now = _clock.GetUnixNs();
        var check = _risk.Check(request);
        IExecutionClient? client = null;
        if (check.IsAllowed && !_clients.TryGetValue(request.Instrument.Venue, out client))
        {
            check = new RiskCheck(DenialReason.NoExecutionClient, $"no execution client for venue {request.Instrument.Venue}");
        }

        if (!check.IsAllowed || client is null)
        {
            var denied = new OrderDenied(request.ClientOrderId ?? string.Empty, check.Reason, check.Detail, now, now);
            Order? deniedOrder = null;
            if (request.ShapeError() is null)
            {
                deniedOrder = new Order(request, strategyId, now);
                deniedOrder.Apply(denied);
                _cache.AddOrder(deniedOrder);
            }

            _publishLater(denied);
            return new SubmitResult(SubmitOutcome.Denied, deniedOrder, check.Reason, check.Detail);
        }

        var order = new Order(request, strategyId, now);
        _cache.AddOrder(order);
        _risk.RecordSent(now);
        _bus.Publish(new OrderSubmitted(order, now));
        client.Submit(request);
        return new SubmitResult(SubmitOutcome.Sent, order, DenialReason.None, string.Empty);
    }

    internal CancelOutcome Cancel(string clientOrderId)
    {
        if (!_cache.TryGetOrder(clientOrderId, out var order))
        {
            return CancelOutcome.UnknownOrder;
        }

        if (order.IsTerminal)
        {
            return CancelOutcome.NotOpen;
        }

        if (!_cancelsPending.Add(clientOrderId))
        {
            return CancelOutcome.AlreadyRequested;
        }

        // An open order always has a client: it was sent through one.
        _clients[order.Instrument.Venue].Cancel(new CancelRequest(order.ClientOrderId, order.VenueOrderId, order.Instrument));
        return CancelOutcome.Sent;
    }

    /// <summary>Sends a cancel for every open order not already being canceled; returns how many were sent.</summary>
    internal int CancelAll()
    {
        var open = new List<string>(_cache.OpenOrders.Count);
        foreach (var order in _cache.OpenOrders)
        {
            open.Add(order.ClientOrderId);
        }

        open.Sort(StringComparer.Ordinal);
        var sent = 0;
        foreach (var id in open)
        {
            if (Cancel(id) == CancelOutcome.Sent)
            {
                sent++;
            }
        }

        return sent;
    }

    internal void OnOrderEvent(OrderEvent orderEvent)
    {
        if (!_cache.TryGetOrder(orderEvent.ClientOrderId, out var order))
        {
            UnknownOrderEvents++;
            _bus.Publish(new OrderAnomaly(orderEvent, null, OrderApplyResult.WrongOrder));
            return;
        }

        var result = order.Apply(orderEvent);
        if (result != OrderApplyResult.Applied)
        {
            RefusedOrderEvents++;
            _bus.Publish(new OrderAnomaly(orderEvent, order, result));
            return;
        }

        if (orderEvent is OrderFilled filled)
        {
            if (!_cache.TryGetInstrument(order.Instrument, out var instrument))
            {
                throw new InvalidOperationException($"Order {order.ClientOrderId} filled on unregistered instrument {order.Instrument}.");
            }

            var update = _cache.Portfolio.ApplyFill(instrument, order.Side, filled.Fill, order.ClientOrderId);
            EnsureReconciled(_cache.Portfolio);
            _risk.OnPositionUpdate(update);
            _bus.Publish(new FillApplied(order, filled.Fill, update));
        }

        if (order.IsTerminal)
        {
            _cache.OrderClosed(order);
            _cancelsPending.Remove(order.ClientOrderId);
        }

        PublishOrderEvent(orderEvent);
    }

    /// <summary>Throws when cash and positions no longer reconcile: a bug in the books, so trading must stop.</summary>
    internal static void EnsureReconciled(Core.Portfolio.Portfolio portfolio)
    {
        var difference = portfolio.ReconciliationDifference();
        if (difference != 0m)
        {
            throw new InvalidOperationException($"Portfolio does not reconcile after a fill: difference {difference}.");
        }
    }

    /// <summary>Publishes an event already applied to its order (a denial, after the callback that caused it).</summary>
    internal void PublishOrderEvent(OrderEvent orderEvent) => _bus.Publish<OrderEvent>(orderEvent);
}
