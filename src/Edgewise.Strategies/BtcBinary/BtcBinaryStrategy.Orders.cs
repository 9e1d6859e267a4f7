// Entries, exits and what the strategy does with its orders' events.
// Entry: first signal that fires (flash crash, delay arbitrage, mean reversion), then the filters, then the stake
// (StakeSizer) as whole contracts at the ask, capped by sizing.max_contracts; an IOC buy at the ask.
// Exit (unless hold_to_settlement): stop-loss, profit target, timeout, checked in that order on the held side's bid;
// an IOC sell of everything held at the bid. A trade closes when its last contract is sold or settled, and its
// result feeds the sizer. One order per market at a time; while it is in flight the market is not evaluated.
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Messaging;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Strategies.BtcBinary;

public sealed partial class BtcBinaryStrategy
{
    public override void OnOrderEvent(OrderEvent orderEvent)
    {
        ThrowIfHandlerFaulted();
        if (orderEvent is OrderFilled or OrderAccepted || !_ordersInFlight.TryGetValue(orderEvent.ClientOrderId, out var state))
        {
            return;
        }

        var detail = orderEvent switch
        {
            OrderRejected rejected => $"rejected: {rejected.Reason}",
            OrderDenied denied => $"denied: {denied.Reason} {denied.Detail}",
            OrderExpired => "expired",
            OrderCanceled => "canceled",
            _ => orderEvent.GetType().Name,
        };
        if (Context.Cache.TryGetOrder(orderEvent.ClientOrderId, out var order))
        {
            detail += Invariant($" after {order.FilledQuantity} of {order.Quantity} filled");
            if (!order.IsTerminal)
            {
                return;
            }
        }

        Record(state.Market.Ticker, DecisionKind.OrderEnded, state.PendingIsEntry ? state.PendingSignal : null, state.PendingSide,
            detail: detail, orderId: orderEvent.ClientOrderId);
        FinishOrder(state);
    }

    public override void OnFill(Order order, in Fill fill)
    {
        ThrowIfHandlerFaulted();
        if (!_ordersInFlight.TryGetValue(order.ClientOrderId, out var state))
        {
            return;
        }

        var market = state.Market;
        if (state.PendingIsEntry)
        {
            if (state.Trade is null)
            {
                state.Trade = new TradeRecord(_trades.Count + 1, market.Ticker, order.Instrument, state.PendingSide, state.PendingSignal,
                    state.PendingStake, order.ClientOrderId, fill.TsEvent);
                _trades.Add(state.Trade);
            }

            state.Trade.AddEntryFill(fill);
        }
        else
        {
            state.Trade?.AddExitFill(fill);
        }

        Record(market.Ticker, DecisionKind.Fill, state.Trade?.Signal, state.PendingSide, orderId: order.ClientOrderId,
            fill: new DecisionFill(fill.Price, fill.Quantity, fill.Fee, state.PendingIsEntry),
            exitReason: state.PendingIsEntry ? null : state.PendingExitReason);
        if (!state.PendingIsEntry && state.Trade is { Held.IsZero: true })
        {
            CloseTrade(state, fill.TsEvent, state.PendingExitReason);
        }

        if (order.IsTerminal)
        {
            FinishOrder(state);
        }
    }

    private void EvaluateEntry(MarketState state, MarketView view)
    {
        if (view.SkipReason is { } skip)
        {
            if (!string.Equals(state.LastSkipReason, skip, StringComparison.Ordinal))
            {
                state.LastSkipReason = skip;
                Record(state.Market.Ticker, DecisionKind.Skip, null, null, blockedBy: skip, inputs: view.ToInputs());
            }

            return;
        }

        state.LastSkipReason = null;
        var candidate = TryFlashCrash(state, view);
        if (candidate?.Block is not null)
        {
            RecordEntry(state, view, candidate, candidate.Block, candidate.BlockDetail, null, null);
            candidate = null;
        }

        candidate ??= TryDelayArbitrage(state, view) ?? TryMeanReversion(state, view);
        if (candidate is null)
        {
            return;
        }

        var stake = Sizer.CurrentStake;
        if (CheckFilters(state, view, candidate) is { } block)
        {
            RecordEntry(state, view, candidate, block.Name, block.Detail, null, stake);
            return;
        }

        var contract = state.Market.ContractFor(candidate.Side);
        var price = candidate.Ask!.Value.Price;
        var contracts = Math.Min(decimal.Floor(stake / price.ToDecimal()), Options.Sizing.MaxContracts);
        var quantity = Quantity.FromDecimal(contracts - (contracts % contract.SizeIncrement.ToDecimal()));
        if (!quantity.IsPositive)
        {
            RecordEntry(state, view, candidate, EntryFilter.StakeTooSmall, Invariant($"${stake} buys no whole contract at {price}"), null, stake);
            return;
        }

        var result = Context.SubmitLimit(contract.Id, OrderSide.Buy, price, quantity, TimeInForce.Ioc);
        if (result.Outcome != SubmitOutcome.Sent)
        {
            RecordEntry(state, view, candidate, EntryFilter.RiskPrefix + result.Reason, result.Detail, null, stake);
            return;
        }

        var orderId = result.Order!.ClientOrderId;
        state.PendingOrderId = orderId;
        state.PendingIsEntry = true;
        state.PendingSignal = candidate.Signal;
        state.PendingSide = candidate.Side;
        state.PendingStake = stake;
        state.LastEntryNs = view.NowNs;
        _ordersInFlight.Add(orderId, state);
        RecordEntry(state, view, candidate, null, Invariant($"buy {quantity} {WireNames.Of(candidate.Side)} at {price} IOC"), orderId, stake);
    }

    private void EvaluateExit(MarketState state, MarketView view)
    {
        var exits = Options.Exits;
        var trade = state.Trade!;
        var book = trade.Side == OutcomeSide.Yes ? view.YesBook : view.NoBook;
        if (exits.HoldToSettlement || !book.TryGetBestBid(out var bid))
        {
            return;
        }

        var entry = trade.AverageEntryPrice;
        var change = decimal.Round((bid.Price.ToDecimal() - entry) / entry, 6, MidpointRounding.ToEven);
        var stop = StopFraction();
        ExitReason reason;
        if (stop is { } s && change <= -s)
        {
            reason = ExitReason.StopLoss;
        }
        else if (exits.ProfitTarget is { } target && change >= target)
        {
            reason = ExitReason.ProfitTarget;
        }
        else if (exits.Timeout is { } timeout && view.NowNs - trade.OpenedNs >= Nanos(timeout))
        {
            reason = ExitReason.Timeout;
        }
        else
        {
            return;
        }

        var inputs = view.ToInputs() with { Price = bid.Price.ToDecimal(), StopFraction = stop, Return = change };
        if (book.Health != BookHealth.Healthy)
        {
            Record(state.Market.Ticker, DecisionKind.Exit, trade.Signal, trade.Side, blockedBy: EntryFilter.BookUnhealthy,
                detail: $"book is {book.Health}", exitReason: reason, inputs: inputs);
            return;
        }

        var result = Context.SubmitLimit(trade.Instrument, OrderSide.Sell, bid.Price, trade.Held, TimeInForce.Ioc);
        if (result.Outcome != SubmitOutcome.Sent)
        {
            Record(state.Market.Ticker, DecisionKind.Exit, trade.Signal, trade.Side, blockedBy: EntryFilter.RiskPrefix + result.Reason,
                detail: result.Detail, exitReason: reason, inputs: inputs);
            return;
        }

        var orderId = result.Order!.ClientOrderId;
        state.PendingOrderId = orderId;
        state.PendingIsEntry = false;
        state.PendingSide = trade.Side;
        state.PendingExitReason = reason;
        _ordersInFlight.Add(orderId, state);
        Record(state.Market.Ticker, DecisionKind.Exit, trade.Signal, trade.Side, detail: Invariant($"sell {trade.Held} at {bid.Price} IOC"),
            orderId: orderId, exitReason: reason, inputs: inputs);
    }

    /// <summary>The stop distance now, or null without a stop.</summary>
    private decimal? StopFraction()
    {
        var exits = Options.Exits;
        return exits.StopLoss switch
        {
            StopLossMode.None => null,
            StopLossMode.Fixed => exits.StopLossFraction,
            StopLossMode.Adaptive => Math.Clamp(
                decimal.Round(exits.StopLossFraction * (decimal)(_volatility.SigmaPerSqrtSecond / _volatility.PriorSigmaPerSqrtSecond), 4, MidpointRounding.ToEven),
                exits.StopLossMin,
                exits.StopLossMax),
            _ => throw new InvalidOperationException($"Unknown stop-loss mode {exits.StopLoss}."),
        };
    }

    private void OnSettled(in PositionSettled message)
    {
        if (!_byInstrument.TryGetValue(message.Instrument, out var state) || state.Trade is not { } trade || trade.Instrument != message.Instrument)
        {
            return;
        }

        trade.Settle(message.Price);
        Record(state.Market.Ticker, DecisionKind.Fill, trade.Signal, trade.Side,
            detail: Invariant($"settled {trade.SettledQuantity} at {message.Price}"), exitReason: ExitReason.Settlement);
        CloseTrade(state, message.TsNs, ExitReason.Settlement);
    }

    private void CloseTrade(MarketState state, long tsNs, ExitReason reason)
    {
        var trade = state.Trade!;
        trade.Close(tsNs, reason);
        Sizer.Record(trade.NetPnl > 0m);
        state.Trade = null;
        Record(state.Market.Ticker, DecisionKind.TradeClosed, trade.Signal, trade.Side, exitReason: reason, pnl: trade.NetPnl,
            detail: Invariant($"trade {trade.Id}: bought {trade.Bought} at {decimal.Round(trade.AverageEntryPrice, 6)}, fees {trade.Fees}"));
    }

    /// <summary>
    /// A run resumed after a crash: a contract of this market the portfolio already holds becomes its open trade, so stop-loss,
    /// target and timeout manage it, settlement closes it, and no entry buys a second one (the cooldown counts from its opening).
    /// </summary>
    private void ResumeHeldPosition(MarketState state)
    {
        if (state.Trade is not null)
        {
            return;
        }

        foreach (var side in (ReadOnlySpan<OutcomeSide>)[OutcomeSide.Yes, OutcomeSide.No])
        {
            var contract = state.Market.ContractFor(side);
            if (!Context.Cache.Portfolio.TryGetPosition(contract.Id, out var position) || !position.IsLong)
            {
                continue;
            }

            var opened = position.OpenedAt ?? Context.NowNs;
            var trade = TradeRecord.Resume(_trades.Count + 1, state.Market.Ticker, contract.Id, side, position.NetQuantity, position.CostBasis,
                position.FeesPaid, opened);
            _trades.Add(trade);
            state.Trade = trade;
            state.LastEntryNs = opened;
            Record(state.Market.Ticker, DecisionKind.Resumed, SignalKind.Resumed, side,
                detail: Invariant($"trade {trade.Id}: holding {position.NetQuantity} at {decimal.Round(trade.AverageEntryPrice, 6)} from before the restart"));
            return; // the strategy never holds both sides; a second one would be left to settlement
        }
    }

    private void FinishOrder(MarketState state)
    {
        if (state.PendingOrderId is { } id)
        {
            _ordersInFlight.Remove(id);
        }

        state.PendingOrderId = null;
    }

    private void RecordEntry(MarketState state, MarketView view, EntryCandidate candidate, string? blockedBy, string? detail, string? orderId, decimal? stake)
    {
        var inputs = view.ToInputs() with
        {
            Momentum = candidate.Momentum,
            Price = candidate.Ask?.Price.ToDecimal(),
            Edge = candidate.Edge is { } edge ? decimal.Round(edge, 6, MidpointRounding.ToEven) : null,
            Depth = _depth == BookDepth.Unknown ? EntryFilter.DepthUnknown : candidate.Ask?.Size.ToString(),
            FlashCrash = candidate.FlashCrash,
            FlashDrop = candidate.FlashDrop is { } drop ? decimal.Round(drop, 6, MidpointRounding.ToEven) : null,
            Stake = stake,
        };
        Record(state.Market.Ticker, DecisionKind.Entry, candidate.Signal, candidate.Side, blockedBy, detail, orderId, inputs: inputs);
    }

    private void Record(string market, DecisionKind kind, SignalKind? signal, OutcomeSide? side, string? blockedBy = null, string? detail = null,
        string? orderId = null, DecisionFill? fill = null, ExitReason? exitReason = null, decimal? pnl = null, DecisionInputs? inputs = null) =>
        Decisions.Add(new DecisionRecord(Decisions.NextSequence, Context.NowNs, market, kind, signal, side, blockedBy, detail, orderId, fill, exitReason, pnl, inputs));
}
