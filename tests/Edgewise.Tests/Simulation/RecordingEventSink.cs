using Edgewise.Core.Contracts;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Simulation;

/// <summary>Records a simulated venue's order events with the clock reading when each arrived.</summary>
internal sealed class RecordingEventSink(Func<long> clock) : IExecutionEventSink
{
    public List<(OrderEvent Event, long ArrivedNs)> Received { get; } = [];

    public IEnumerable<OrderEvent> Events => Received.Select(r => r.Event);

    public List<Fill> Fills => [.. Events.OfType<OrderFilled>().Select(f => f.Fill)];

    /// <summary>One line per event: type, client order id, and for fills quantity@price and liquidity.</summary>
    public List<string> Lines => [.. Events.Select(Describe)];

    public void OnOrderEvent(OrderEvent orderEvent) => Received.Add((orderEvent, clock()));

    public static string Describe(OrderEvent orderEvent) => orderEvent switch
    {
        OrderFilled f => $"fill {f.ClientOrderId} {f.Fill.Quantity}@{f.Fill.Price} {f.Fill.Liquidity}",
        OrderAccepted a => $"accepted {a.ClientOrderId}",
        OrderRejected r => $"rejected {r.ClientOrderId}",
        OrderExpired e => $"expired {e.ClientOrderId}",
        OrderCanceled c => $"canceled {c.ClientOrderId}",
        _ => $"{orderEvent.GetType().Name} {orderEvent.ClientOrderId}",
    };
}
