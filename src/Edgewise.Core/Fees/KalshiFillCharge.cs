namespace Edgewise.Core.Fees;

/// <summary>
/// What one Kalshi fill costs in fees, split the way the venue reports it (FACTS §5.8), and the balance change it causes.
/// </summary>
/// <param name="TradeFee">Fee-model fee charged on this fill (≥ 0, a multiple of $0.000001).</param>
/// <param name="RoundingFee">Extra charged to bring the balance back to the member's precision (≥ 0, below one balance step).</param>
/// <param name="Rebate">Refund of accumulated rounding over-payment (a whole number of balance steps, ≥ 0).</param>
/// <param name="BalanceChange">Signed change of the cash balance: revenue − trade fee − rounding fee + rebate; a multiple of the balance step.</param>
public readonly record struct KalshiFillCharge(decimal TradeFee, decimal RoundingFee, decimal Rebate, decimal BalanceChange)
{
    /// <summary>TradeFee + RoundingFee − Rebate: never negative.</summary>
    public decimal NetFee => TradeFee + RoundingFee - Rebate;
}
