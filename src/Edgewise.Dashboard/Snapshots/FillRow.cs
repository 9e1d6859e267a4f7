using Edgewise.Core.Orders;

namespace Edgewise.Dashboard.Snapshots;

/// <summary>One fill of one of our orders. RealizedPnl is what it realized on the instrument's position (before fees).</summary>
public sealed record FillRow(
    DateTimeOffset Time,
    string TradeId,
    string ClientOrderId,
    string StrategyId,
    string Instrument,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    LiquiditySide Liquidity,
    decimal RealizedPnl);
