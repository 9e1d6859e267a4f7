namespace Edgewise.Core.Orders;

/// <summary>Whether a fill added liquidity (resting order) or took it (crossing order); fees differ.</summary>
public enum LiquiditySide : byte
{
    Maker = 1,
    Taker = 2,
}
