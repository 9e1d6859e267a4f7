namespace Edgewise.Dashboard.Snapshots;

/// <summary>
/// The engine's own counters: messages handled, market data dropped because the loop fell behind (each marks its book
/// Gap), what is queued, and order events the engine could not apply (unknown order, refused by the state machine).
/// </summary>
public sealed record EngineCounters(
    long MessagesDispatched,
    long DataDropped,
    int PendingData,
    int PendingCommands,
    long UnknownInstrumentMessages,
    long UnknownOrderEvents,
    long RefusedOrderEvents);
