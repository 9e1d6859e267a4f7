namespace Edgewise.Core.Portfolio;

/// <summary>Why cash moved.</summary>
public enum LedgerEntryKind : byte
{
    Deposit = 1,
    Withdrawal = 2,
    /// <summary>Price × quantity × multiplier paid for a buy (negative) or received for a sell (positive).</summary>
    TradeCash = 3,
    /// <summary>A fill's fee (negative), or a maker rebate (positive).</summary>
    Fee = 4,
    /// <summary>A contract's settlement: the payout at the settlement price for the position held.</summary>
    SettlementPayout = 5,
    /// <summary>A perpetual's funding payment: received positive, paid negative.</summary>
    Funding = 6,
}
