// Per-order Kalshi fee accounting: splits each fill's cost into trade fee, rounding fee and rebate so that an
// order filled in pieces costs what one fill of the same contracts would (FACTS §5.8; Kalshi's "Fee Rounding" page).
//
// The rule implemented, per fill (revenue = −P×C when buying, +P×C when selling):
//  1. Trade fee. The order's unrounded fee E (sum of each fill's exact fee) is tracked, and this fill is charged
//     roundup6(E after the fill) − (trade fees already charged). Why: rounding each fill up separately would charge
//     up to $0.000001 per fill more than one fill; rounding the running total keeps the order's trade fees equal to
//     roundup6(E), the single-fill trade fee.
//  2. Rounding fee. balance_change = revenue − trade fee is floored (toward −∞) to the member's balance step
//     ($0.01 non-direct, $0.0001 direct); the rounding fee is the amount floored away. This is the page's mechanics.
//  3. Rebate. Rounding fees are added to an accumulator; when it reaches one balance step, whole steps are rebated
//     and taken off it. Why "reaches" (≥) where the page says "exceeds": only then does the order's total fee equal
//     the single-fill fee exactly (the rounding fees sum to the single fill's rounding fee plus whole steps, and
//     those whole steps are what gets rebated; at exactly one step, not rebating would overcharge by a step).
//     The page also says the net fee is never negative and a rebate is whole steps ("a multiple of $0.01"; the
//     step for direct members is taken to be $0.0001, as the page says to apply the same mechanics at that
//     precision). So a rebate is capped at this fill's trade fee + rounding fee rounded down to whole steps; what
//     cannot be rebated yet stays in the accumulator for a later fill (PendingRebate).
//  Result: order total net fee = single-fill fee + PendingRebate, and PendingRebate is 0 unless the fills were
//  too small to absorb a whole-step rebate. The venue's reported fee_cost stays the source of truth: reconcile.
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Fees;

public sealed class KalshiOrderFeeAccumulator
{
    private readonly KalshiFeeModel _model;
    private decimal _exactFee;
    private decimal _roundingAccumulator;

    public KalshiOrderFeeAccumulator(KalshiFeeModel model, KalshiMemberType memberType)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        MemberType = memberType;
        BalanceStep = BalanceStepFor(memberType);
    }

    public KalshiMemberType MemberType { get; }

    /// <summary>$0.01 for non-direct members, $0.0001 for direct members.</summary>
    public decimal BalanceStep { get; }

    /// <summary>Trade fees charged so far (= the order's unrounded fee rounded up to $0.000001).</summary>
    public decimal TotalTradeFee { get; private set; }

    public decimal TotalRoundingFee { get; private set; }

    public decimal TotalRebate { get; private set; }

    /// <summary>Everything the order has paid in fees so far, net of rebates.</summary>
    public decimal TotalNetFee => TotalTradeFee + TotalRoundingFee - TotalRebate;

    /// <summary>Sum of the fills' balance changes.</summary>
    public decimal TotalBalanceChange { get; private set; }

    /// <summary>Rounding over-payment not yet rebated (below one step unless earlier fills were too small to absorb a rebate).</summary>
    public decimal Accumulated => _roundingAccumulator;

    /// <summary>Whole steps owed back that no fill could absorb yet: the order's net fee minus the single-fill fee.</summary>
    public decimal PendingRebate => DecimalRounding.FloorToStep(_roundingAccumulator, BalanceStep);

    /// <summary>The precision Kalshi keeps a member's balance at.</summary>
    public static decimal BalanceStepFor(KalshiMemberType memberType) => memberType switch
    {
        KalshiMemberType.Direct => 0.0001m,
        KalshiMemberType.NonDirect => 0.01m,
        _ => throw new ArgumentOutOfRangeException(nameof(memberType), memberType, "Unknown member type."),
    };

    /// <summary>Records one fill of the order and returns what it is charged.</summary>
    /// <param name="action">Buy (pays P × C) or Sell (receives P × C) of the side traded.</param>
    /// <param name="price">Price of the side traded, in dollars.</param>
    /// <param name="contracts">Contracts filled (positive).</param>
    /// <param name="liquidity">Maker or taker; the accumulator carries across both.</param>
    public KalshiFillCharge AddFill(OrderSide action, Price price, Quantity contracts, LiquiditySide liquidity)
    {
        if (action is not (OrderSide.Buy or OrderSide.Sell))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "A fill is a buy or a sell.");
        }

        if (!contracts.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(contracts), contracts, "A fill's contract count must be positive.");
        }

        _exactFee += _model.ExactFee(price, contracts, liquidity);
        var tradeFeesDue = DecimalRounding.CeilingToStep(_exactFee, KalshiFeeModel.FeeStep);
        var tradeFee = tradeFeesDue - TotalTradeFee;

        var notional = FixedPoint.Multiply(price.Raw, contracts.Raw);
        var revenue = action == OrderSide.Buy ? -notional : notional;
        var unrounded = revenue - tradeFee;
        var floored = DecimalRounding.FloorToStep(unrounded, BalanceStep);
        var roundingFee = unrounded - floored;

        _roundingAccumulator += roundingFee;
        var rebate = Math.Min(
            DecimalRounding.FloorToStep(_roundingAccumulator, BalanceStep),
            DecimalRounding.FloorToStep(tradeFee + roundingFee, BalanceStep));
        _roundingAccumulator -= rebate;

        var balanceChange = floored + rebate;
        TotalTradeFee = tradeFeesDue;
        TotalRoundingFee += roundingFee;
        TotalRebate += rebate;
        TotalBalanceChange += balanceChange;
        return new KalshiFillCharge(tradeFee, roundingFee, rebate, balanceChange);
    }
}
