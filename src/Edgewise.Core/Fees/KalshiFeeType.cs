namespace Edgewise.Core.Fees;

/// <summary>The Kalshi series <c>fee_type</c> values whose rules are known (FACTS §5.8). The venue's list is open; others are rejected by name.</summary>
public enum KalshiFeeType : byte
{
    /// <summary><c>quadratic</c>: takers pay 0.07 × C × P × (1 − P); makers pay nothing.</summary>
    Quadratic = 1,

    /// <summary><c>quadratic_with_maker_fees</c>: makers also pay 0.0175 × C × P × (1 − P).</summary>
    QuadraticWithMakerFees = 2,

    /// <summary><c>quadratic_with_combo_maker_fees</c>: makers pay half the taker fee.</summary>
    QuadraticWithComboMakerFees = 3,
}
