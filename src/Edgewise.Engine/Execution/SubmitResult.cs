using Edgewise.Core.Orders;

namespace Edgewise.Engine.Execution;

/// <summary>
/// What happened to a submit. <paramref name="Order"/> is the order created (Sent, Denied) or the existing
/// one (Duplicate); null only when the request was too malformed to become an order.
/// </summary>
public readonly record struct SubmitResult(SubmitOutcome Outcome, Order? Order, DenialReason Reason, string Detail)
{
    public bool IsSent => Outcome == SubmitOutcome.Sent;
}
