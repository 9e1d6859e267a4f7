// What a simulated venue keeps per instrument: the engine's book it matches against, the liquidity it already
// took from that book, and its resting orders per side, best price first and, at one price, oldest first
// (price-time priority), so a public trade reaches them in the order a real matching engine would.
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Orders;

namespace Edgewise.Engine.Simulation;

internal sealed class VenueInstrument(Instrument instrument, IOrderBook book)
{
    public Instrument Instrument { get; } = instrument;

    public IOrderBook Book { get; } = book;

    public ConsumedLiquidity Consumed { get; } = new();

    /// <summary>Resting buys, highest price first, then oldest first.</summary>
    public List<SimulatedOrder> Buys { get; } = [];

    /// <summary>Resting sells, lowest price first, then oldest first.</summary>
    public List<SimulatedOrder> Sells { get; } = [];

    public bool HasResting => Buys.Count > 0 || Sells.Count > 0;

    public List<SimulatedOrder> RestingOf(OrderSide side) => side == OrderSide.Buy ? Buys : Sells;

    /// <summary>Adds a resting order behind every order at a price at least as good.</summary>
    public void Rest(SimulatedOrder order)
    {
        var list = RestingOf(order.Side);
        var index = 0;
        while (index < list.Count && !IsWorse(list[index], order))
        {
            index++;
        }

        list.Insert(index, order);
    }

    /// <summary>Drops orders that are no longer working (filled or canceled).</summary>
    public void RemoveClosed()
    {
        Buys.RemoveAll(static o => !o.IsWorking);
        Sells.RemoveAll(static o => !o.IsWorking);
    }

    /// <summary>True when <paramref name="existing"/> has a strictly worse price than <paramref name="order"/> (same side).</summary>
    private static bool IsWorse(SimulatedOrder existing, SimulatedOrder order) =>
        order.Side == OrderSide.Buy ? existing.Price < order.Price : existing.Price > order.Price;
}
