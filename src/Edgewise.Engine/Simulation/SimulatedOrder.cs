// The venue's side of an order: what the simulated venue knows and the engine does not, namely where the order
// stands in the queue at its price. Changed only by SimulatedVenue on the engine loop.
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Engine.Simulation;

internal sealed class SimulatedOrder(OrderRequest request, string venueOrderId)
{
    public OrderRequest Request { get; } = request;

    public string ClientOrderId => Request.ClientOrderId;

    public string VenueOrderId { get; } = venueOrderId;

    public OrderSide Side => Request.Side;

    /// <summary>The limit price; zero for a market order.</summary>
    public Price Price => Request.Price;

    public Quantity Filled { get; private set; }

    public Quantity Leaves => Request.Quantity - Filled;

    /// <summary>Accepted and not yet filled, canceled or expired (only resting GTC orders stay working).</summary>
    public bool IsWorking { get; private set; } = true;

    /// <summary>Visible size at the order's price that must trade or cancel before the order can fill.</summary>
    public Quantity QueueAhead { get; set; }

    /// <summary>The size the book showed at the order's price when last looked at, less public trades at that price since.</summary>
    public Quantity LevelSize { get; set; }

    /// <summary>The book side the order rests on.</summary>
    public BookSide RestingSide => Side == OrderSide.Buy ? BookSide.Bid : BookSide.Ask;

    /// <summary>The book side the order takes liquidity from.</summary>
    public BookSide TakingSide => Side == OrderSide.Buy ? BookSide.Ask : BookSide.Bid;

    /// <summary>True when the order may trade at <paramref name="price"/>: any price for a market order, else at or better than the limit.</summary>
    public bool Accepts(Price price) =>
        Request.Type == OrderType.Market || (Side == OrderSide.Buy ? price <= Price : price >= Price);

    /// <summary>True when <paramref name="price"/> is strictly better for this order than its limit (below a buy's, above a sell's).</summary>
    public bool IsImprovedBy(Price price) => Side == OrderSide.Buy ? price < Price : price > Price;

    public void AddFill(Quantity quantity)
    {
        if (!IsWorking || !quantity.IsPositive || quantity > Leaves)
        {
            throw new InvalidOperationException($"Simulated order {ClientOrderId}: cannot fill {quantity} with {Leaves} left (working: {IsWorking}).");
        }

        Filled += quantity;
        if (Leaves.IsZero)
        {
            IsWorking = false;
        }
    }

    /// <summary>Ends the order (canceled, expired or rejected); its fills stand.</summary>
    public void Close() => IsWorking = false;
}
