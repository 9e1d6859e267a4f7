// Fills and order endings of the Kalshi execution client (see the note in KalshiExecutionClient.cs).
//   A fill (WebSocket or REST) is matched to its order by Kalshi's order_id; one that arrives before the order's id is known (the
//   socket can beat the create's answer) waits in a bounded buffer until it is. Each trade_id is reported once per order. The
//   fill's price is the price of the instrument the order traded: the YES price for a YES order, 1 − YES price for a NO order.
//   An order Kalshi calls finished (executed, canceled) knows its final fill count; its terminal event (OrderCanceled, or
//   OrderExpired for an IOC/FOK remainder) is sent only once fills adding up to that count were reported. An executed order
//   needs none: its last fill makes the engine's order Filled.
//   Polls (every PollInterval): a live order is read over REST (a cancel by the venue, fills the socket missed show as a higher
//   fill count); its fills are fetched when the socket is down, when the count is ahead of what was reported, or when a
//   finished order's fills are overdue (FillGrace). A reconnect fetches the fills of every open order once.
using Edgewise.Core.Instruments;
using Edgewise.Core.Orders;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiExecutionClient
{
    private readonly Dictionary<string, List<KalshiFill>> _unmatchedFills = new(StringComparer.Ordinal);
    private readonly Queue<string> _unmatchedOrder = new();
    private int _unmatchedCount;

    private void OnFill(KalshiFill fill)
    {
        if (_byVenueId.TryGetValue(fill.OrderId, out var order))
        {
            Report(order, fill);
            return;
        }

        if (!_unmatchedFills.TryGetValue(fill.OrderId, out var waiting))
        {
            _unmatchedFills[fill.OrderId] = waiting = [];
            _unmatchedOrder.Enqueue(fill.OrderId);
        }

        waiting.Add(fill);
        if (++_unmatchedCount > _options.UnmatchedFillsKept && _unmatchedOrder.TryDequeue(out var oldest) && _unmatchedFills.Remove(oldest, out var dropped))
        {
            // Not ours (another client on the account) or an order never adopted: keep memory bounded and say so.
            _unmatchedCount -= dropped.Count;
            Interlocked.Add(ref _droppedUnmatchedFills, dropped.Count);
            _lastError = $"{Interlocked.Read(ref _droppedUnmatchedFills)} fill(s) of unknown orders dropped (latest order {oldest})";
        }
    }

    private void ReportUnmatchedFills(KalshiTrackedOrder order)
    {
        if (_unmatchedFills.Remove(order.VenueOrderId!, out var waiting))
        {
            _unmatchedCount -= waiting.Count;
            foreach (var fill in waiting)
            {
                Report(order, fill);
            }
        }
    }

    /// <summary>Sends one fill to the engine unless its trade id was reported already; then checks whether the order is finished.</summary>
    private void Report(KalshiTrackedOrder order, KalshiFill fill)
    {
        if (!order.TradeIds.Add(fill.TradeId))
        {
            Interlocked.Increment(ref _duplicateFills);
            return;
        }

        var price = order.VenueRequest.Side == OutcomeSide.Yes ? fill.YesPrice : BinaryContract.Complement(fill.YesPrice);
        var liquidity = fill.IsTaker ? LiquiditySide.Taker : LiquiditySide.Maker;
        var fee = fill.FeeCost ?? order.Fees.Fee(price, fill.Count, liquidity);
        order.Reported += fill.Count;
        Interlocked.Increment(ref _fillsReported);
        Emit(new OrderFilled(order.ClientOrderId, new Fill(fill.TradeId, price, fill.Count, liquidity, fee, fill.TsEvent), fill.TsRecv));
        TryFinish(order);
    }

    /// <summary>
    /// Follows what Kalshi says about the order: still working, or finished with a final fill count. A working order's fills are
    /// fetched when Kalshi counts more than were reported and <paramref name="fetchWhenBehind"/> (a poll, or the socket is down):
    /// right after a create the socket's copies are usually still on their way.
    /// </summary>
    private async Task ApplyVenueStateAsync(KalshiTrackedOrder order, KalshiOrder venueOrder, bool fetchWhenBehind, CancellationToken ct)
    {
        if (order.Phase is KalshiOrderPhase.Done)
        {
            return;
        }

        if (!venueOrder.IsDone)
        {
            if (fetchWhenBehind && venueOrder.FillCount > order.Reported)
            {
                await FetchFillsAsync(order, ct).ConfigureAwait(false);
            }

            return;
        }

        if (order.Phase != KalshiOrderPhase.Ending)
        {
            order.Phase = KalshiOrderPhase.Ending;
            order.EndingSinceNs = Now;
            order.FinalFillCount = venueOrder.FillCount;
            order.CancelWanted = false;
            var now = Now;
            order.PendingTerminal = venueOrder.Status != KalshiOrderStatus.Canceled || venueOrder.FillCount >= order.Request.Quantity ? null
                : order.Request.TimeInForce == TimeInForce.Gtc ? new OrderCanceled(order.ClientOrderId, now, now)
                : new OrderExpired(order.ClientOrderId, now, now); // an IOC/FOK remainder
        }

        if (!TryFinish(order) && !_socketUp)
        {
            await FetchFillsAsync(order, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the terminal event once every fill is reported; true when the order is done.</summary>
    private bool TryFinish(KalshiTrackedOrder order)
    {
        if (order.Phase != KalshiOrderPhase.Ending || order.FinalFillCount is not { } final || order.Reported < final)
        {
            return order.Phase == KalshiOrderPhase.Done;
        }

        Finish(order, order.PendingTerminal);
        return true;
    }

    /// <summary>Marks the order done (sending <paramref name="terminal"/> when given) and forgets the oldest finished orders.</summary>
    private void Finish(KalshiTrackedOrder order, OrderEvent? terminal)
    {
        order.Phase = KalshiOrderPhase.Done;
        order.CancelWanted = false;
        order.CancelInFlight = false;
        if (terminal is not null)
        {
            Emit(terminal);
        }

        _finished.Enqueue(order.ClientOrderId);
        while (_finished.Count > _options.FinishedOrdersKept && _finished.TryDequeue(out var oldest))
        {
            if (_orders.Remove(oldest, out var forgotten) && forgotten.VenueOrderId is { } venueId)
            {
                _byVenueId.Remove(venueId);
            }
        }
    }

    private async Task FetchFillsAsync(KalshiTrackedOrder order, CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var result = await _rest.GetOrderFillsAsync(order.VenueOrderId!, cursor, limit: null, ct).ConfigureAwait(false);
            if (!result.IsOk || KalshiPortfolioReader.ReadFills(result.Body, Venue, result.RecvTsNs, out var error) is not { } fills)
            {
                _lastError = $"fills of {order.ClientOrderId}: {(result.IsOk ? "unreadable" : result.ToString())}";
                return;
            }

            // Kalshi lists newest first; the engine gets them oldest first (stable for fills of the same second).
            foreach (var fill in fills.Reverse().OrderBy(f => f.TsEvent))
            {
                if (string.Equals(fill.OrderId, order.VenueOrderId, StringComparison.Ordinal))
                {
                    Report(order, fill);
                }
            }

            cursor = result.ReadCursor();
        }
        while (cursor is not null && order.Phase != KalshiOrderPhase.Done);
    }

    private async Task OnSocketAsync(bool up, CancellationToken ct)
    {
        var wasUp = _socketUp;
        _socketUp = up;
        if (up && !wasUp)
        {
            // Fills made while the socket was down are not replayed on it: fetch them once for every open order.
            foreach (var order in OpenOrders())
            {
                await FetchFillsAsync(order, ct).ConfigureAwait(false);
            }
        }

        if (up != wasUp)
        {
            FillSocketChanged?.Invoke(up);
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var now = Now;
        foreach (var order in OpenOrders())
        {
            if (order.Phase == KalshiOrderPhase.Live)
            {
                await RefreshAsync(order, fetchWhenBehind: true, ct).ConfigureAwait(false);
            }
            else if (order.Phase == KalshiOrderPhase.Ending && (!_socketUp || now - order.EndingSinceNs >= _options.FillGrace.Ticks * 100))
            {
                await FetchFillsAsync(order, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Orders Kalshi has and that are not done, oldest first (a snapshot: the loop may change the table while awaiting).</summary>
    private List<KalshiTrackedOrder> OpenOrders() =>
        [.. _orders.Values.Where(o => o.VenueOrderId is not null && o.Phase is KalshiOrderPhase.Live or KalshiOrderPhase.Ending)];
}
