// A proportional fee: notional × rate, with separate maker and taker rates (crypto spot venues, BloFin
// perpetuals). Notional = price × quantity × multiplier, where the multiplier is the instrument's (1 for spot,
// the contract value for a perpetual quoted in contracts), given here because IFeeModel sees only price and
// quantity. Fees are exact decimals, not rounded: venues report the fee charged, which is reconciled against this.
// Rates are never negative here (IFeeModel promises a non-negative fee); a maker rebate belongs elsewhere.
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Fees;

public sealed class MakerTakerFeeModel : IFeeModel
{
    public MakerTakerFeeModel(decimal makerRate, decimal takerRate, decimal multiplier = 1m)
    {
        if (makerRate < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(makerRate), makerRate, "The maker rate cannot be negative.");
        }

        if (takerRate < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(takerRate), takerRate, "The taker rate cannot be negative.");
        }

        if (multiplier <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive.");
        }

        MakerRate = makerRate;
        TakerRate = takerRate;
        Multiplier = multiplier;
    }

    /// <summary>
    /// BloFin futures at the rates its API docs show (maker 0.02%, taker 0.06%; FACTS §7.5 treats them as the VIP0
    /// default, unverified), for a contract worth <paramref name="contractValue"/> base units.
    /// </summary>
    public static MakerTakerFeeModel BloFinDefault(decimal contractValue) => new(0.0002m, 0.0006m, contractValue);

    public decimal MakerRate { get; }

    public decimal TakerRate { get; }

    /// <summary>Cash value of price × quantity of 1 (the instrument's multiplier).</summary>
    public decimal Multiplier { get; }

    public decimal RateFor(LiquiditySide liquidity) => liquidity switch
    {
        LiquiditySide.Maker => MakerRate,
        LiquiditySide.Taker => TakerRate,
        _ => throw new ArgumentOutOfRangeException(nameof(liquidity), liquidity, "Unknown liquidity side."),
    };

    /// <summary>|price × quantity × multiplier| × rate, exact.</summary>
    public decimal Fee(Price price, Quantity quantity, LiquiditySide liquidity) =>
        Math.Abs(FixedPoint.Multiply(price.Raw, quantity.Raw) * Multiplier) * RateFor(liquidity);
}
