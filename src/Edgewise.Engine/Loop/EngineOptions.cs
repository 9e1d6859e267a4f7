using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Portfolio;
using Edgewise.Engine.Risk;

namespace Edgewise.Engine.Loop;

/// <summary>What an engine is built from. The clock is the system clock live, a ReplayTimeProvider in replay.</summary>
public sealed record EngineOptions
{
    public required TimeProvider Clock { get; init; }

    /// <summary>Creates the cache's book for each registered instrument (dense for bounded grids, sorted otherwise).</summary>
    public required Func<Instrument, IOrderBook> BookFactory { get; init; }

    public RiskLimits RiskLimits { get; init; } = new();

    /// <summary>A portfolio to continue from (starting cash deposited); a new empty one when null.</summary>
    public Portfolio? Portfolio { get; init; }

    /// <summary>
    /// Makes client order ids unique beyond this engine: "&lt;strategy id&gt;-&lt;scope&gt;-&lt;n&gt;" instead of
    /// "&lt;strategy id&gt;-&lt;n&gt;". A store shared by several runs (and by a run resumed after a crash) needs it, because
    /// the store keys orders, fills and order events by client order id. Null or empty: no scope.
    /// </summary>
    public string? ClientOrderIdScope { get; init; }

    /// <summary>Market-data messages queued for the loop in live mode; when full the oldest is dropped and counted.</summary>
    public int DataQueueCapacity { get; init; } = 16_384;

    /// <summary>Order events and commands queued for the loop in live mode; when full, writers wait (never dropped).</summary>
    public int CommandQueueCapacity { get; init; } = 4_096;
}
