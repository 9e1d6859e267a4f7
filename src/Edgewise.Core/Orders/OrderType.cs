namespace Edgewise.Core.Orders;

/// <summary>How an order is priced: at a limit, or at whatever the book offers.</summary>
public enum OrderType : byte
{
    Market = 1,
    Limit = 2,
}
