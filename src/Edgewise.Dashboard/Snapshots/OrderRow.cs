using Edgewise.Core.Orders;

namespace Edgewise.Dashboard.Snapshots;

/// <summary>An order as the engine tracks it. Price is null for a market order.</summary>
public sealed record OrderRow(
    string ClientOrderId,
    string StrategyId,
    string Instrument,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal? Price,
    decimal Quantity,
    decimal Filled,
    decimal Leaves,
    decimal AverageFillPrice,
    OrderStatus Status,
    DateTimeOffset Created,
    string? VenueOrderId);
