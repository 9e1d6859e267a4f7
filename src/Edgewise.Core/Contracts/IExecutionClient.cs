using Edgewise.Core.Orders;

namespace Edgewise.Core.Contracts;

/// <summary>
/// Sends orders to one venue (live adapter or simulated venue). Calls come from the engine loop and must
/// not block: a live client queues the request for its own I/O loop. Every outcome (accepted, rejected,
/// fill, canceled, expired) comes back later as an <see cref="OrderEvent"/> through the
/// <see cref="IExecutionEventSink"/> the client was built with; a client never changes an order itself.
/// A fill must be reported before the order's terminal status (the engine rejects events that leave a terminal state).
/// </summary>
public interface IExecutionClient
{
    /// <summary>The venue's name, matching <c>InstrumentId.Venue</c> of the instruments it trades.</summary>
    string Venue { get; }

    void Submit(in OrderRequest request);

    void Cancel(in CancelRequest request);
}
