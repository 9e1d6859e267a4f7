namespace Edgewise.Engine.Simulation;

/// <summary>
/// A simulated venue refused a cancel (unknown or already terminal order), published on the engine's bus when it
/// reaches the engine. The order itself is unchanged: its terminal event, if any, arrives on its own.
/// <paramref name="Reason"/> starts with a <see cref="SimulatedRejectReasons"/> code.
/// </summary>
public readonly record struct CancelRejected(string Venue, string ClientOrderId, string Reason, long TsEvent, long TsRecv);
