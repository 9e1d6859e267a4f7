using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;

namespace Edgewise.Engine.Messaging;

/// <summary>A fill was applied to its order and to the portfolio (published before the order event itself).</summary>
public readonly record struct FillApplied(Order Order, Fill Fill, PositionUpdate Position);
