// Everything the dashboard shows, as of one instant of the engine clock. Built on the engine loop thread by
// DashboardPublisher and never changed afterwards, so HTTP handlers on any thread may read and serialize it while
// the engine goes on. Money, prices and quantities are exact decimals (the JSON writes them as strings).
namespace Edgewise.Dashboard.Snapshots;

public sealed record DashboardSnapshot
{
    /// <summary>Increases by one with every snapshot published; 0 is the empty snapshot before the first.</summary>
    public required long Sequence { get; init; }

    /// <summary>The engine clock when the snapshot was taken.</summary>
    public required DateTimeOffset Time { get; init; }

    public required RiskStatus Risk { get; init; }

    public required PortfolioSummary Portfolio { get; init; }

    /// <summary>Every position opened in this run, flat ones included, by instrument name.</summary>
    public required IReadOnlyList<PositionRow> Positions { get; init; }

    /// <summary>Open orders, oldest first, at most <see cref="Publishing.DashboardPublisherOptions.MaxOpenOrders"/>.</summary>
    public required IReadOnlyList<OrderRow> OpenOrders { get; init; }

    /// <summary>All open orders, including those past the list's bound.</summary>
    public required int OpenOrderCount { get; init; }

    /// <summary>The most recent fills, newest first, at most <see cref="Publishing.DashboardPublisherOptions.RecentFills"/>.</summary>
    public required IReadOnlyList<FillRow> RecentFills { get; init; }

    /// <summary>Fills seen since the dashboard was attached.</summary>
    public required long TotalFills { get; init; }

    public required IReadOnlyList<StrategyPnlRow> Strategies { get; init; }

    /// <summary>Equity by engine-clock second (bounded), oldest first.</summary>
    public required IReadOnlyList<EquityPoint> Equity { get; init; }

    /// <summary>Top of book per registered instrument, in registration order.</summary>
    public required IReadOnlyList<BookTopRow> Books { get; init; }

    public required IReadOnlyList<FeedStatus> Feeds { get; init; }

    public required EngineCounters Engine { get; init; }
}
