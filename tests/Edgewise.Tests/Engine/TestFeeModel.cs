using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Engine;

/// <summary>A test-only fee: a fixed fraction of price × quantity, the same for maker and taker.</summary>
internal sealed class TestFeeModel(decimal rate) : IFeeModel
{
    public decimal Fee(Price price, Quantity quantity, LiquiditySide liquidity) =>
        FixedPoint.Multiply(price.Raw, quantity.Raw) * rate;
}
