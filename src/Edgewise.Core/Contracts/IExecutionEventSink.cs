using Edgewise.Core.Orders;

namespace Edgewise.Core.Contracts;

/// <summary>
/// Where execution clients report order events. The engine implements it: from the engine's own thread the
/// event is handled after the current message, from any other thread it is queued (never dropped).
/// </summary>
public interface IExecutionEventSink
{
    void OnOrderEvent(OrderEvent orderEvent);
}
