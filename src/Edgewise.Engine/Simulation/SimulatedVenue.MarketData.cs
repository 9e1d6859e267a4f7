// How market data moves the simulated venue's resting orders (see QueueModel for the queue arithmetic):
//  - a book change refreshes the liquidity already taken, moves each resting order up the queue by the
//    cancellations at its price, and fills resting orders that the book now crosses with fresh liquidity;
//  - a public trade reaches the resting orders on the side it hit (a sell aggressor hits our buys, a buy aggressor
//    our sells, an unknown aggressor either), at or through their price, in price-time priority; one trade's size
//    is never used twice across our orders.
// Nothing happens on an unhealthy book except trades, which are evidence of execution on their own. Handlers run on
// the engine loop (bus) and allocate nothing unless they report a fill.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Messaging;

namespace Edgewise.Engine.Simulation;

public sealed partial class SimulatedVenue
{
    private void OnBookChanged(in BookChanged message)
    {
        if (TryGetState(message.Book.Instrument, out var state))
        {
            Reconcile(state);
        }
    }

    /// <summary>A book that becomes healthy again (after a resync) is looked at as if it had just changed.</summary>
    private void OnBookStatus(in BookStatus status)
    {
        if (status.Health == BookHealth.Healthy && TryGetState(status.Instrument, out var state))
        {
            Reconcile(state);
        }
    }

    private void OnTrade(in TradeTick trade)
    {
        if (!TryGetState(trade.Instrument, out var state) || !state.HasResting)
        {
            return;
        }

        var now = NowNs;
        var unused = trade.Size;
        if (trade.Aggressor != OrderSide.Buy)
        {
            unused = FillFromTrade(state, state.Buys, trade, unused, now);
        }

        if (trade.Aggressor != OrderSide.Sell)
        {
            FillFromTrade(state, state.Sells, trade, unused, now);
        }

        state.RemoveClosed();
    }

    private void Reconcile(VenueInstrument state)
    {
        var book = state.Book;
        if (book.Health != BookHealth.Healthy)
        {
            return;
        }

        state.Consumed.Refresh(book);
        if (!state.HasResting)
        {
            return;
        }

        UpdateQueues(state.Buys, book);
        UpdateQueues(state.Sells, book);
        var now = NowNs;
        FillCrossed(state, state.Buys, now);
        FillCrossed(state, state.Sells, now);
        state.RemoveClosed();
    }

    /// <summary>Moves each order up by the cancellations at its price since it last looked (proportional model).</summary>
    private static void UpdateQueues(List<SimulatedOrder> resting, IOrderBook book)
    {
        foreach (var order in resting)
        {
            var size = book.SizeAt(order.RestingSide, order.Price);
            if (size < order.LevelSize)
            {
                order.QueueAhead = QueueModel.AheadAfterCancellations(order.QueueAhead, order.LevelSize, order.LevelSize - size);
            }

            order.LevelSize = size;
        }
    }

    /// <summary>
    /// Fills resting orders whose price the opposite side now reaches with liquidity not already taken: the seller (or
    /// buyer) there would have met our order first, so the fill is at our price, as maker, and the liquidity is taken.
    /// </summary>
    private void FillCrossed(VenueInstrument state, List<SimulatedOrder> resting, long now)
    {
        if (resting.Count == 0)
        {
            return;
        }

        var book = state.Book;
        var side = resting[0].TakingSide;
        var hasTop = side == BookSide.Ask ? book.TryGetBestAsk(out var top) : book.TryGetBestBid(out top);
        if (!hasTop || !resting[0].Accepts(top.Price))
        {
            return;
        }

        var levels = CopyLevels(book, side);
        foreach (var order in resting)
        {
            if (!order.Accepts(top.Price))
            {
                break;
            }

            for (var i = 0; i < levels && order.IsWorking; i++)
            {
                var level = _levels[i];
                if (!order.Accepts(level.Price))
                {
                    break;
                }

                var available = state.Consumed.Available(side, level.Price, level.Size);
                var take = RoundToSize(Quantity.Min(available, order.Leaves), state.Instrument);
                if (take.IsPositive)
                {
                    state.Consumed.Take(side, level.Price, level.Size, take);
                    Fill(order, state, order.Price, take, LiquiditySide.Maker, now);
                }
            }
        }
    }

    /// <summary>
    /// Applies one public trade to the resting orders of one side, best first; returns the part of the trade's size
    /// not used to fill our orders. Orders at the trade's price fill with what passes their queue ahead; orders a
    /// trade goes through fill up to the trade's size.
    /// </summary>
    private Quantity FillFromTrade(VenueInstrument state, List<SimulatedOrder> resting, in TradeTick trade, Quantity unused, long now)
    {
        foreach (var order in resting)
        {
            if (!order.Accepts(trade.Price))
            {
                break;
            }

            Quantity reaching;
            if (order.IsImprovedBy(trade.Price))
            {
                order.QueueAhead = Quantity.Zero;
                reaching = trade.Size;
            }
            else
            {
                reaching = QueueModel.ReachingOrder(order.QueueAhead, trade.Size);
                order.QueueAhead = QueueModel.AheadAfterTrade(order.QueueAhead, trade.Size);
                order.LevelSize = Quantity.Max(Quantity.Zero, order.LevelSize - trade.Size);
            }

            var fill = RoundToSize(Quantity.Min(Quantity.Min(reaching, unused), order.Leaves), state.Instrument);
            if (fill.IsPositive)
            {
                unused -= fill;
                Fill(order, state, order.Price, fill, LiquiditySide.Maker, now);
            }
        }

        return unused;
    }
}
