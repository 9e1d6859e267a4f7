// Kalshi order entry over REST (FACTS §5.2, §5.4): create (POST /portfolio/orders), cancel (DELETE /portfolio/orders/{order_id}),
// one order by id, and the order-scoped fills. Signed exactly like the reads: timestamp + METHOD + path from the host root, no
// query, body not signed. Results are the same typed KalshiRestResult; what each outcome means for a WRITE is the caller's
// business and is stated here because money depends on it:
//   Ok         the order object is in the body (KalshiPortfolioReader.ReadOrderResponse);
//   Rejected   Kalshi refused it (4xx with its error body): nothing was created or changed;
//   RateLimited / AuthFailed   refused before processing: nothing was created or changed;
//   Retryable / Fatal          the answer is missing or unreadable: the create MAY have happened. Never resend blindly: look
//              the order up by client_order_id (GetOrdersAsync) first.
using System.Globalization;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiRestClient
{
    /// <summary>POST /portfolio/orders with <paramref name="order"/>'s body (signed).</summary>
    public Task<KalshiRestResult> CreateOrderAsync(KalshiOrderRequest order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        return SendAsync(HttpMethod.Post, "/portfolio/orders", requiresAuth: true, order.ToJson(), ct);
    }

    /// <summary>DELETE /portfolio/orders/{order_id} (signed): cancels what is left of the order; the body is the order as canceled.</summary>
    public Task<KalshiRestResult> CancelOrderAsync(string orderId, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, "/portfolio/orders/" + Segment(orderId), requiresAuth: true, null, ct);

    /// <summary>GET /portfolio/orders/{order_id} (signed).</summary>
    public Task<KalshiRestResult> GetOrderAsync(string orderId, CancellationToken ct) =>
        GetAsync("/portfolio/orders/" + Segment(orderId), requiresAuth: true, ct);

    /// <summary>GET /portfolio/fills?order_id=&amp;cursor=&amp;limit= (signed, one page): the fills of one order.</summary>
    public Task<KalshiRestResult> GetOrderFillsAsync(string orderId, string? cursor, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "Kalshi pages fills 1-1000 at a time.");
        }

        return GetAsync("/portfolio/fills" + Query(("order_id", Required(orderId)), ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)),
            requiresAuth: true, ct);
    }
}
