namespace Edgewise.Core.Orders;

/// <summary>Direction of an order or of a trade's aggressor.</summary>
public enum OrderSide : byte
{
    /// <summary>Not known (a venue that does not report the aggressor).</summary>
    None = 0,
    Buy = 1,
    Sell = 2,
}
