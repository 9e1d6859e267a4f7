// Polymarket's taker fee (FACTS §6.7): fee = C × rate × (p × (1 − p))^exponent in USDC, C shares at price p,
// read per market from feeSchedule {rate, exponent, takerOnly}. Current crypto schedule: rate 0.07, exponent 1,
// taker only; the older 2026 schedule was rate 0.25, exponent 2 (100 shares at 0.50 -> 1.5625).
// Rounding: the venue's fee page says fees "are rounded to 5 decimal places. The smallest fee charged is
// 0.00001 USDC. Anything smaller rounds to zero". A fee below 0.00001 therefore becomes 0 (it is NOT raised to
// a 0.00001 minimum), and the rounding is taken as truncation to 5 dp: that is the only reading under which
// "anything smaller rounds to zero" holds for every value (half-up would turn 0.000006 into 0.00001), and it is
// what the NautilusTrader adapter implements. Maker rebates are paid daily from a pool, not per fill, so a maker
// fill costs 0 here when takerOnly (and the same formula when a schedule charges makers).
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Fees;

public sealed class PolymarketFeeModel : IFeeModel
{
    /// <summary>Fees are truncated to this step (0.00001 USDC).</summary>
    public const decimal FeeStep = 0.00001m;

    public PolymarketFeeModel(decimal rate, int exponent = 1, bool takerOnly = true)
    {
        if (rate < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The fee rate cannot be negative.");
        }

        if (exponent < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The fee exponent must be at least 1.");
        }

        Rate = rate;
        Exponent = exponent;
        TakerOnly = takerOnly;
    }

    /// <summary>The current crypto schedule: rate 0.07, exponent 1, takers only.</summary>
    public static PolymarketFeeModel Crypto { get; } = new(0.07m);

    /// <summary>A market without fees (feesEnabled false, or geopolitics).</summary>
    public static PolymarketFeeModel Free { get; } = new(0m);

    /// <summary>feeSchedule.rate.</summary>
    public decimal Rate { get; }

    /// <summary>feeSchedule.exponent.</summary>
    public int Exponent { get; }

    /// <summary>feeSchedule.takerOnly: makers pay nothing.</summary>
    public bool TakerOnly { get; }

    /// <summary>The unrounded fee C × rate × (p(1 − p))^exponent for a fill that pays fees.</summary>
    public decimal ExactFee(Price price, Quantity quantity)
    {
        var p = price.ToDecimal();
        if (p is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A Polymarket price is between 0 and 1.");
        }

        if (quantity.Raw < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A fill's share count cannot be negative.");
        }

        var variance = p * (1m - p);
        var factor = variance;
        for (var i = 1; i < Exponent; i++)
        {
            factor *= variance;
        }

        return quantity.ToDecimal() * Rate * factor;
    }

    /// <summary>The fee of one fill, truncated to 0.00001 USDC; 0 for makers when <see cref="TakerOnly"/>.</summary>
    public decimal Fee(Price price, Quantity quantity, LiquiditySide liquidity)
    {
        if (liquidity == LiquiditySide.Maker && TakerOnly)
        {
            return 0m;
        }

        return DecimalRounding.FloorToStep(ExactFee(price, quantity), FeeStep);
    }
}
