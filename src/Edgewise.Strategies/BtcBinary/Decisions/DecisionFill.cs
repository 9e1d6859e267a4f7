using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.BtcBinary.Decisions;

/// <summary>A fill as the decision log records it: price and quantity in the traded side's terms, fee in dollars.</summary>
public readonly record struct DecisionFill(Price Price, Quantity Quantity, decimal Fee, bool IsEntry);
