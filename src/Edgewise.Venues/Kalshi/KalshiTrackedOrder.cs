using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Venues.Kalshi;

/// <summary>Where the execution client is with one order. Touched only on the client's I/O loop.</summary>
internal enum KalshiOrderPhase : byte
{
    /// <summary>A create is on its way (or waiting out a 429).</summary>
    Creating = 0,

    /// <summary>A create's answer was lost: the order may or may not exist until a lookup says which.</summary>
    Unknown = 1,

    /// <summary>Kalshi has the order and it may still fill.</summary>
    Live = 2,

    /// <summary>Kalshi says the order is finished; its fills (up to FinalFillCount) are being reported, then its terminal event.</summary>
    Ending = 3,

    /// <summary>Everything about the order has been reported.</summary>
    Done = 4,
}

/// <summary>The execution client's record of one order: the request, the venue's id once known, what was reported to the engine.</summary>
internal sealed class KalshiTrackedOrder(OrderRequest request, KalshiOrderRequest venueRequest, IFeeModel fees)
{
    public OrderRequest Request { get; } = request;

    public KalshiOrderRequest VenueRequest { get; } = venueRequest;

    public IFeeModel Fees { get; } = fees;

    public string ClientOrderId => Request.ClientOrderId;

    public KalshiOrderPhase Phase { get; set; }

    public string? VenueOrderId { get; set; }

    public int CreateAttempts { get; set; }

    public int NotFoundLookups { get; set; }

    public int RateLimitRetries { get; set; }

    public bool CancelWanted { get; set; }

    public bool CancelInFlight { get; set; }

    public int CancelAttempts { get; set; }

    /// <summary>Contracts reported to the engine as filled.</summary>
    public Quantity Reported { get; set; }

    /// <summary>Trade ids already reported: a fill seen twice (WebSocket and REST, a replay) is reported once.</summary>
    public HashSet<string> TradeIds { get; } = new(StringComparer.Ordinal);

    /// <summary>What Kalshi says filled in total, once the order is finished.</summary>
    public Quantity? FinalFillCount { get; set; }

    /// <summary>The terminal event to send once every fill is reported (canceled or expired); null when the fills end it (executed).</summary>
    public OrderEvent? PendingTerminal { get; set; }

    /// <summary>When the order entered Ending (Unix ns), to know when fills are overdue on the WebSocket.</summary>
    public long EndingSinceNs { get; set; }
}
