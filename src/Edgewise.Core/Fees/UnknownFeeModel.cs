using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Fees;

/// <summary>
/// The fee model of an instrument whose fee schedule has not been loaded (e.g. one registered from a capture
/// during replay). Money paths never guess: asking it for a fee throws, naming the instrument.
/// </summary>
public sealed class UnknownFeeModel(string instrument) : IFeeModel
{
    public decimal Fee(Price price, Quantity quantity, LiquiditySide liquidity) =>
        throw new InvalidOperationException($"The fee schedule of {instrument} is not known; load the venue's fees before trading it.");
}
