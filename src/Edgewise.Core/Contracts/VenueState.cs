namespace Edgewise.Core.Contracts;

/// <summary>
/// What a venue reports holding for us at <paramref name="AsOfNs"/> (Unix ns): net positions (every instrument with a
/// non-zero position; anything missing is flat), resting orders, and the cash balance when the venue reports one
/// in the same money as the ledger (null otherwise: cash is then not compared).
/// </summary>
public sealed record VenueState(long AsOfNs, IReadOnlyList<VenuePosition> Positions, IReadOnlyList<VenueOpenOrder> OpenOrders, decimal? Cash);
