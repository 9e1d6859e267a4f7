using Edgewise.Core.Portfolio;

namespace Edgewise.Dashboard.Publishing;

/// <summary>Valuing a position at a decimal mark (a mid can fall between fixed-point steps, so it stays a decimal).</summary>
internal static class PositionMath
{
    /// <summary>Quantity × mark × multiplier − cost basis: what closing at the mark would realize, before fees.</summary>
    public static decimal Unrealized(Position position, decimal mark) =>
        (position.NetQuantity.ToDecimal() * mark * position.Multiplier) - position.CostBasis;
}
