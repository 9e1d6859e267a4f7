namespace Edgewise.Core.Orders;

/// <summary>
/// The engine's risk checks refused the order before it reached a venue. <c>Detail</c> is a short text with
/// the numbers that failed, for logs and the dashboard.
/// </summary>
public sealed record OrderDenied(string ClientOrderId, DenialReason Reason, string Detail, long TsEvent, long TsRecv)
    : OrderEvent(ClientOrderId, TsEvent, TsRecv);
