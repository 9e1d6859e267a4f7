namespace Edgewise.Simulators;

/// <summary>
/// One execution of one of our orders on a <see cref="SimKalshiServer"/>: the trade id, the order it filled, the contract side and
/// action of that order, the YES price of the trade (a NO fill's own price is 1 − YesPrice), the count, and the taker fee charged.
/// </summary>
public sealed record SimKalshiFill(
    string TradeId,
    string OrderId,
    string ClientOrderId,
    string Ticker,
    string Side,
    string Action,
    decimal YesPrice,
    decimal Count,
    bool IsTaker,
    decimal FeeCost,
    decimal PostPosition,
    DateTimeOffset Time)
{
    /// <summary>The price of the side the order traded.</summary>
    public decimal SidePrice => Side == "yes" ? YesPrice : 1m - YesPrice;
}
