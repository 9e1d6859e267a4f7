using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Fees;

/// <summary>A venue's trading fee for one fill, in the instrument's settlement currency (USD or USDT), as a decimal.</summary>
public interface IFeeModel
{
    /// <summary>The fee charged for filling <paramref name="quantity"/> at <paramref name="price"/>; never negative.</summary>
    decimal Fee(Price price, Quantity quantity, LiquiditySide liquidity);
}
