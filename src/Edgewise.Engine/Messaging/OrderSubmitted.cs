using Edgewise.Core.Orders;

namespace Edgewise.Engine.Messaging;

/// <summary>
/// An order passed the risk checks and is about to go to its venue's execution client (published just before
/// the send, so a recorder sees the order before any answer). <paramref name="TsNs"/> is the engine clock at submit.
/// </summary>
public readonly record struct OrderSubmitted(Order Order, long TsNs);
