// Kalshi's trading fee (FACTS §5.8): fee = roundup(rate × C × P × (1 − P) × fee_multiplier) to $0.000001,
// with C contracts (fractional allowed), P the traded side's price in dollars, rate 0.07 for takers and, by
// series fee_type, 0 / 0.0175 / half the taker fee for makers. The rounding up to $0.000001 is the current
// "Fee Rounding" page (older rules rounded to $0.0001 or to the cent); the balance-precision rounding fee and
// rebates on top of this are the order accumulator's job (KalshiOrderFeeAccumulator), not this per-fill fee.
// The combo maker fee is taken as half the unrounded taker fee, rounded up once (equivalently rate 0.035).
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Fees;

public sealed class KalshiFeeModel : IFeeModel
{
    /// <summary>Taker coefficient: 0.07 → at most $0.0175 per contract, at P = 0.50.</summary>
    public const decimal TakerRate = 0.07m;

    /// <summary>Maker coefficient on <c>quadratic_with_maker_fees</c> series.</summary>
    public const decimal MakerRate = 0.0175m;

    /// <summary>Trade fees are rounded up to this step ($0.000001).</summary>
    public const decimal FeeStep = 0.000001m;

    public KalshiFeeModel(KalshiFeeType feeType, decimal feeMultiplier = 1m)
    {
        if (!Enum.IsDefined(feeType))
        {
            throw new ArgumentOutOfRangeException(nameof(feeType), feeType, "Unknown Kalshi fee type.");
        }

        if (feeMultiplier < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(feeMultiplier), feeMultiplier, "The fee multiplier cannot be negative.");
        }

        FeeType = feeType;
        FeeMultiplier = feeMultiplier;
        TakerCoefficient = TakerRate * feeMultiplier;
        MakerCoefficient = feeType switch
        {
            KalshiFeeType.QuadraticWithMakerFees => MakerRate * feeMultiplier,
            KalshiFeeType.QuadraticWithComboMakerFees => TakerRate / 2m * feeMultiplier,
            _ => 0m,
        };
    }

    public KalshiFeeType FeeType { get; }

    /// <summary>Series (or event) <c>fee_multiplier</c>: 1 normally, 0.5 on some, 0 on fee-free series.</summary>
    public decimal FeeMultiplier { get; }

    /// <summary>rate × multiplier for takers: fee = coefficient × C × P × (1 − P) before rounding.</summary>
    public decimal TakerCoefficient { get; }

    /// <summary>rate × multiplier for makers (0 on plain quadratic series).</summary>
    public decimal MakerCoefficient { get; }

    /// <summary>Builds the model from a series' <c>fee_type</c> text and <c>fee_multiplier</c>; an unknown fee type is an <see cref="ArgumentException"/> naming it.</summary>
    public static KalshiFeeModel FromSeries(string feeType, decimal feeMultiplier)
    {
        ArgumentNullException.ThrowIfNull(feeType);
        var type = feeType switch
        {
            "quadratic" => KalshiFeeType.Quadratic,
            "quadratic_with_maker_fees" => KalshiFeeType.QuadraticWithMakerFees,
            "quadratic_with_combo_maker_fees" => KalshiFeeType.QuadraticWithComboMakerFees,
            _ => throw new ArgumentException(
                $"Kalshi fee_type '{feeType}' is not supported (known: quadratic, quadratic_with_maker_fees, quadratic_with_combo_maker_fees).",
                nameof(feeType)),
        };
        return new KalshiFeeModel(type, feeMultiplier);
    }

    /// <summary>The coefficient for <paramref name="liquidity"/>.</summary>
    public decimal CoefficientFor(LiquiditySide liquidity) => liquidity switch
    {
        LiquiditySide.Taker => TakerCoefficient,
        LiquiditySide.Maker => MakerCoefficient,
        _ => throw new ArgumentOutOfRangeException(nameof(liquidity), liquidity, "Unknown liquidity side."),
    };

    /// <summary>The unrounded fee: coefficient × C × P × (1 − P), exact.</summary>
    public decimal ExactFee(Price price, Quantity quantity, LiquiditySide liquidity)
    {
        var p = price.ToDecimal();
        if (p is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A Kalshi price is between $0 and $1.");
        }

        if (quantity.Raw < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A fill's contract count cannot be negative.");
        }

        return CoefficientFor(liquidity) * quantity.ToDecimal() * p * (1m - p);
    }

    /// <summary>The trade fee of one fill: <see cref="ExactFee"/> rounded up to $0.000001.</summary>
    public decimal Fee(Price price, Quantity quantity, LiquiditySide liquidity) =>
        DecimalRounding.CeilingToStep(ExactFee(price, quantity, liquidity), FeeStep);
}
