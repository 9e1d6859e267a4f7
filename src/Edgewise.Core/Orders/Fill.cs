using Edgewise.Core.Numerics;

namespace Edgewise.Core.Orders;

/// <summary>
/// One execution of (part of) an order. <paramref name="TradeId"/> is the venue's id for the execution and
/// makes fills idempotent; <paramref name="Fee"/> is in the settlement currency (negative for a rebate).
/// </summary>
public readonly record struct Fill(
    string TradeId,
    Price Price,
    Quantity Quantity,
    LiquiditySide Liquidity,
    decimal Fee,
    long TsEvent);
