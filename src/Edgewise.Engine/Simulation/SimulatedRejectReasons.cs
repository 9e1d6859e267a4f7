namespace Edgewise.Engine.Simulation;

/// <summary>
/// The codes a simulated venue puts first in a reject's reason text ("&lt;code&gt;: &lt;detail&gt;"), so callers can tell
/// rejects apart without parsing the detail.
/// </summary>
public static class SimulatedRejectReasons
{
    /// <summary>The request is malformed (side, type, time in force, quantity or price).</summary>
    public const string InvalidOrder = "invalid order";

    /// <summary>The venue already has an order with this client order id.</summary>
    public const string DuplicateOrderId = "duplicate client order id";

    /// <summary>The instrument is not this venue's, or not registered in the engine's cache.</summary>
    public const string UnknownInstrument = "unknown instrument";

    /// <summary>The limit price is not on the instrument's tick grid.</summary>
    public const string OffTick = "price off tick";

    /// <summary>The quantity is not a positive multiple of the instrument's size increment.</summary>
    public const string InvalidSize = "invalid size";

    /// <summary>The instrument's book is not healthy, so nothing can be matched against it.</summary>
    public const string BookUnhealthy = "book unhealthy";

    /// <summary>A market order found no liquidity on the side it would take.</summary>
    public const string NoLiquidity = "no liquidity";

    /// <summary>A cancel named an order the venue never received.</summary>
    public const string UnknownOrder = "unknown order";

    /// <summary>A cancel named an order that is already filled, canceled, expired or rejected.</summary>
    public const string OrderClosed = "order closed";
}
