// The trading of `edgewise store-soak`: a fixed, step-driven pattern that touches every table the store has, on the
// engine's own paths (risk, simulated venue, portfolio, recorder). Per step on the current market: take the ask or hit
// the bid with an IOC (fills with Kalshi taker fees), rest a GTC buy two cents under the bid (it may fill later as the
// price drifts down: maker fills), cancel the oldest resting order when more than three rest. Before a market
// settles its resting orders are canceled. Nothing here is a trading idea; it only has to be deterministic.
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Strategies;

namespace Edgewise.Cli.Soak;

internal sealed class SoakStrategy() : Strategy(StrategyName)
{
    public const string StrategyName = "store-soak";

    private static readonly Price TwoCents = Price.Parse("0.02");
    private readonly List<string> _resting = [];

    /// <summary>One step's orders on <paramref name="market"/>; runs inside an engine dispatch (Post).</summary>
    public void Act(InstrumentId market, long step)
    {
        Context.Subscribe(market);
        if (!Context.Cache.TryGetBook(market, out var book) || !book.TryGetBestBid(out var bid) || !book.TryGetBestAsk(out var ask))
        {
            return;
        }

        switch (step % 4)
        {
            case 0:
                Context.SubmitLimit(market, OrderSide.Buy, ask.Price, Quantity.FromDecimal(1 + (step % 3)), TimeInForce.Ioc);
                break;
            case 1:
                Context.SubmitLimit(market, OrderSide.Sell, bid.Price, Quantity.FromDecimal(1), TimeInForce.Ioc);
                break;
            case 2:
                Rest(market, bid);
                break;
            default:
                Context.SubmitLimit(market, OrderSide.Buy, ask.Price, Quantity.FromDecimal(1), TimeInForce.Ioc);
                break;
        }

        _resting.RemoveAll(id => !Context.Cache.TryGetOrder(id, out var order) || order.IsTerminal);
        if (_resting.Count > 3)
        {
            Context.Cancel(_resting[0]);
        }
    }

    /// <summary>Cancels every resting order on <paramref name="market"/> (before it settles).</summary>
    public void CancelAll(InstrumentId market)
    {
        foreach (var id in _resting.ToList())
        {
            if (Context.Cache.TryGetOrder(id, out var order) && !order.IsTerminal && order.Instrument == market)
            {
                Context.Cancel(id);
            }
        }
    }

    private void Rest(InstrumentId market, BookLevel bid)
    {
        var price = bid.Price - TwoCents;
        if (!price.IsPositive)
        {
            return;
        }

        var result = Context.SubmitLimit(market, OrderSide.Buy, price, Quantity.FromDecimal(2), TimeInForce.Gtc);
        if (result.Order is { } order)
        {
            _resting.Add(order.ClientOrderId);
        }
    }
}
