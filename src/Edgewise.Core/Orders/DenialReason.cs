namespace Edgewise.Core.Orders;

/// <summary>Why the engine's pre-trade risk checks refused an order.</summary>
public enum DenialReason : byte
{
    None = 0,
    /// <summary>The request is malformed (side, quantity, price, time in force) or off the instrument's grid.</summary>
    InvalidOrder = 1,
    UnknownInstrument = 2,
    /// <summary>No execution client is registered for the instrument's venue.</summary>
    NoExecutionClient = 3,
    /// <summary>The kill switch is on: nothing new may be sent.</summary>
    TradingHalted = 4,
    /// <summary>Trading is Reducing and the order would not reduce a position.</summary>
    TradingReducing = 5,
    /// <summary>The instrument's book is not healthy (gap, checksum, stale, crossed, awaiting snapshot).</summary>
    BookUnhealthy = 6,
    MaxOrderQuantity = 7,
    /// <summary>A price is needed for a check and the book has none (no mid, no opposite side, no trade).</summary>
    NoReferencePrice = 8,
    PriceBand = 9,
    MaxNotionalPerInstrument = 10,
    MaxNotionalPerEvent = 11,
    MaxNotionalTotal = 12,
    DailyLoss = 13,
    ConsecutiveLosses = 14,
    OrderRate = 15,
    /// <summary>A required input (the BTC index, a venue feed) is missing or stale: no new entries until it returns (DATA_OUTAGE).</summary>
    DataOutage = 16,
}
