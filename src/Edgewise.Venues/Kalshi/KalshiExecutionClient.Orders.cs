// Creates, lookups and cancels of the Kalshi execution client (see the note in KalshiExecutionClient.cs). What each REST outcome
// means for money (KalshiRestClient.Orders.cs) decides the next step:
//   create Ok               -> OrderAccepted; if Kalshi already finished it (IOC/FOK, or executed at once), Ending.
//   create Rejected         -> OrderRejected "code: message" (a 409 / order_already_exists means it DOES exist: resolve);
//   create AuthFailed       -> OrderRejected (refused before processing: it does not exist);
//   create RateLimited      -> the same create again after RateLimitDelay × 2^n, then OrderRejected (it was never placed);
//   create Retryable/Fatal  -> outcome unknown: resolve. Lookup by client_order_id over GET /portfolio/orders?ticker=;
//                              found -> adopted as if the create had answered; lookup failed -> looked up again later;
//                              missing NotFoundLookupsBeforeAbsent times -> absent: recreated with the same client_order_id
//                              while MaxCreateAttempts allows, else OrderRejected "not placed" (a proven absence, not a guess).
//   cancel before the venue id is known -> done as soon as it is (the order is adopted first).
//   cancel Ok -> Ending with Kalshi's fill count; Rejected (e.g. 404: it already ended) -> the order is read to learn how it ended;
//   cancel RateLimited/Retryable -> retried up to MaxCancelAttempts; AuthFailed -> recorded, retried by the next cancel request.
using System.Globalization;
using Edgewise.Core.Orders;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiExecutionClient
{
    private const int MaxLookupPages = 20;

    private async Task SubmitAsync(OrderRequest request, CancellationToken ct)
    {
        if (_orders.ContainsKey(request.ClientOrderId))
        {
            _lastError = $"order {request.ClientOrderId} was submitted twice; the second is ignored";
            return;
        }

        if (!_instruments.TryGetValue(request.Instrument, out var instrument))
        {
            Reject(request.ClientOrderId, $"kalshi: {request.Instrument} is not a registered Kalshi market");
            return;
        }

        if (request.Type != OrderType.Limit)
        {
            Reject(request.ClientOrderId, "kalshi: only limit orders are sent (a market order has no price to protect it)");
            return;
        }

        KalshiOrderRequest venueRequest;
        try
        {
            venueRequest = new KalshiOrderRequest(instrument.Ticker, instrument.Side, request.Side, request.Quantity, request.Price, request.TimeInForce,
                request.ClientOrderId);
        }
        catch (ArgumentException ex)
        {
            Reject(request.ClientOrderId, $"kalshi: {ex.Message}");
            return;
        }

        var order = new KalshiTrackedOrder(request, venueRequest, instrument.Fees);
        _orders.Add(order.ClientOrderId, order);
        await CreateAsync(order, ct).ConfigureAwait(false);
    }

    private async Task CreateAsync(KalshiTrackedOrder order, CancellationToken ct)
    {
        order.Phase = KalshiOrderPhase.Creating;
        order.CreateAttempts++;
        Interlocked.Increment(ref _ordersSent);
        var result = await _rest.CreateOrderAsync(order.VenueRequest, ct).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case KalshiRestOutcome.Ok when KalshiPortfolioReader.ReadOrderResponse(result.Body, out var error) is { } venueOrder:
                await AdoptAsync(order, venueOrder, result.RecvTsNs, ct).ConfigureAwait(false);
                break;
            case KalshiRestOutcome.Ok:
            case KalshiRestOutcome.Retryable:
            case KalshiRestOutcome.Fatal:
            case KalshiRestOutcome.Rejected when IsAlreadyExists(result):
                Interlocked.Increment(ref _unknownOutcomes);
                _lastError = $"create {order.ClientOrderId}: outcome unknown ({result}); looking it up";
                order.Phase = KalshiOrderPhase.Unknown;
                order.NotFoundLookups = 0;
                await ResolveAsync(order, ct).ConfigureAwait(false);
                break;
            case KalshiRestOutcome.RateLimited when order.RateLimitRetries < _options.MaxRateLimitRetries:
                ScheduleWake(order.ClientOrderId, WakeKind.Create, _options.RateLimitDelay * Math.Pow(2, order.RateLimitRetries++));
                break;
            default:
                Finish(order, new OrderRejected(order.ClientOrderId, RejectReason(result), result.RecvTsNs, result.RecvTsNs));
                break;
        }
    }

    /// <summary>Finds an order whose create outcome is unknown by its client_order_id, and acts on what the lookup proved.</summary>
    private async Task ResolveAsync(KalshiTrackedOrder order, CancellationToken ct)
    {
        var (found, lookupError) = await FindByClientIdAsync(order, ct).ConfigureAwait(false);
        if (found is not null)
        {
            await AdoptAsync(order, found, Now, ct).ConfigureAwait(false);
            return;
        }

        if (lookupError is not null)
        {
            _lastError = $"lookup of {order.ClientOrderId} failed: {lookupError}";
            ScheduleWake(order.ClientOrderId, WakeKind.Resolve, _options.ResolveRetryDelay);
            return;
        }

        if (++order.NotFoundLookups < _options.NotFoundLookupsBeforeAbsent)
        {
            ScheduleWake(order.ClientOrderId, WakeKind.Resolve, _options.ResolveRetryDelay);
            return;
        }

        if (order.CreateAttempts < _options.MaxCreateAttempts)
        {
            await CreateAsync(order, ct).ConfigureAwait(false); // proven absent: sending it again cannot double it
            return;
        }

        var now = Now;
        Finish(order, new OrderRejected(order.ClientOrderId, string.Create(CultureInfo.InvariantCulture,
            $"kalshi: not placed: {order.CreateAttempts} create(s) got no usable answer and {_options.NotFoundLookupsBeforeAbsent} lookups found no order {order.ClientOrderId}"),
            now, now));
    }

    /// <summary>The venue's order with this client_order_id in its market, null when absent; or the reason the lookup failed.</summary>
    private async Task<(KalshiOrder? Found, string? Error)> FindByClientIdAsync(KalshiTrackedOrder order, CancellationToken ct)
    {
        string? cursor = null;
        for (var page = 0; page < MaxLookupPages; page++)
        {
            var result = await _rest.GetOrdersAsync(order.VenueRequest.Ticker, status: null, cursor, ct).ConfigureAwait(false);
            if (!result.IsOk)
            {
                return (null, result.ToString());
            }

            if (KalshiPortfolioReader.ReadOrders(result.Body, out var error) is not { } orders)
            {
                return (null, error);
            }

            if (orders.FirstOrDefault(o => string.Equals(o.ClientOrderId, order.ClientOrderId, StringComparison.Ordinal)) is { } found)
            {
                return (found, null);
            }

            if ((cursor = result.ReadCursor()) is null)
            {
                return (null, null);
            }
        }

        return (null, $"the order list of {order.VenueRequest.Ticker} has more than {MaxLookupPages} pages");
    }

    /// <summary>Kalshi has the order: accept it once, then follow what it says about it.</summary>
    private async Task AdoptAsync(KalshiTrackedOrder order, KalshiOrder venueOrder, long tsNs, CancellationToken ct)
    {
        if (order.VenueOrderId is null)
        {
            order.VenueOrderId = venueOrder.OrderId;
            _byVenueId[venueOrder.OrderId] = order;
            order.Phase = KalshiOrderPhase.Live;
            Emit(new OrderAccepted(order.ClientOrderId, venueOrder.OrderId, tsNs, tsNs));
            ReportUnmatchedFills(order);
        }

        await ApplyVenueStateAsync(order, venueOrder, fetchWhenBehind: !_socketUp, ct).ConfigureAwait(false);
        if (order.Phase == KalshiOrderPhase.Live && order.CancelWanted && !order.CancelInFlight)
        {
            await SendCancelAsync(order, ct).ConfigureAwait(false);
        }
    }

    private async Task CancelAsync(CancelRequest request, CancellationToken ct)
    {
        if (!_orders.TryGetValue(request.ClientOrderId, out var order) || order.Phase is KalshiOrderPhase.Ending or KalshiOrderPhase.Done)
        {
            return; // unknown here, or already finishing: its terminal event is on its way
        }

        order.CancelWanted = true;
        if (order.Phase == KalshiOrderPhase.Live && !order.CancelInFlight)
        {
            order.CancelAttempts = 0;
            await SendCancelAsync(order, ct).ConfigureAwait(false);
        }
    }

    private async Task SendCancelAsync(KalshiTrackedOrder order, CancellationToken ct)
    {
        order.CancelInFlight = true;
        order.CancelAttempts++;
        var result = await _rest.CancelOrderAsync(order.VenueOrderId!, ct).ConfigureAwait(false);
        order.CancelInFlight = false;
        switch (result.Outcome)
        {
            case KalshiRestOutcome.Ok when KalshiPortfolioReader.ReadOrderResponse(result.Body, out _) is { } canceled:
                await ApplyVenueStateAsync(order, canceled, fetchWhenBehind: !_socketUp, ct).ConfigureAwait(false);
                break;
            case KalshiRestOutcome.Ok:
            case KalshiRestOutcome.Rejected:
                // Refused (most often: it already ended) or unreadable: read the order to learn where it is.
                _lastError = $"cancel {order.ClientOrderId}: {result}";
                await RefreshAsync(order, fetchWhenBehind: !_socketUp, ct).ConfigureAwait(false);
                break;
            case KalshiRestOutcome.RateLimited or KalshiRestOutcome.Retryable or KalshiRestOutcome.Fatal when order.CancelAttempts < _options.MaxCancelAttempts:
                order.CancelInFlight = true; // still ours to finish: the shutdown drain waits for it
                ScheduleWake(order.ClientOrderId, WakeKind.Cancel, _options.RateLimitDelay * Math.Pow(2, order.CancelAttempts - 1));
                break;
            default:
                order.CancelWanted = false;
                _lastError = $"cancel {order.ClientOrderId} given up after {order.CancelAttempts} attempt(s): {result}";
                break;
        }
    }

    /// <summary>GET the order by id and apply what it says; a failed read is left to the next poll.</summary>
    private async Task RefreshAsync(KalshiTrackedOrder order, bool fetchWhenBehind, CancellationToken ct)
    {
        var result = await _rest.GetOrderAsync(order.VenueOrderId!, ct).ConfigureAwait(false);
        if (result.IsOk && KalshiPortfolioReader.ReadOrderResponse(result.Body, out _) is { } venueOrder)
        {
            await ApplyVenueStateAsync(order, venueOrder, fetchWhenBehind, ct).ConfigureAwait(false);
        }
        else
        {
            _lastError = $"reading order {order.ClientOrderId}: {result}";
        }
    }

    private async Task WakeAsync(string clientOrderId, WakeKind wake, CancellationToken ct)
    {
        if (!_orders.TryGetValue(clientOrderId, out var order))
        {
            return;
        }

        switch (wake)
        {
            case WakeKind.Resolve when order.Phase == KalshiOrderPhase.Unknown:
                await ResolveAsync(order, ct).ConfigureAwait(false);
                break;
            case WakeKind.Create when order.Phase == KalshiOrderPhase.Creating:
                order.CreateAttempts--; // a 429 was refused before processing: it does not count as an attempt
                await CreateAsync(order, ct).ConfigureAwait(false);
                break;
            case WakeKind.Cancel when order.Phase == KalshiOrderPhase.Live:
                await SendCancelAsync(order, ct).ConfigureAwait(false);
                break;
            case WakeKind.Cancel:
                order.CancelInFlight = false;
                break;
        }
    }

    private void Reject(string clientOrderId, string reason)
    {
        var now = Now;
        Emit(new OrderRejected(clientOrderId, reason, now, now));
    }

    /// <summary>"code: message" from Kalshi's error body, else the one-line error.</summary>
    private static string RejectReason(KalshiRestResult result) =>
        result.ErrorCode is not null || result.ErrorMessage is not null
            ? string.Join(": ", new[] { result.ErrorCode, result.ErrorMessage }.Where(s => !string.IsNullOrEmpty(s)))
            : result.Error ?? result.Outcome.ToString();

    /// <summary>Kalshi refused a create because the client_order_id is taken: our earlier create reached it.</summary>
    private static bool IsAlreadyExists(KalshiRestResult result) =>
        result.StatusCode == 409 || result.ErrorCode is "order_already_exists" or "duplicate_client_order_id";
}
