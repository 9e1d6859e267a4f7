// How often and how much the dashboard publisher captures. Times are on the engine clock (simulated in replay).
namespace Edgewise.Dashboard.Publishing;

public sealed record DashboardPublisherOptions
{
    /// <summary>The engine timer that publishes a snapshot even when nothing important happens (book tops and ages move).</summary>
    public TimeSpan PublishInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Fills and order events publish at once unless a snapshot was published less than this ago (a burst of fills
    /// then costs one snapshot, and the timer catches up). A trading-state change always publishes at once.
    /// </summary>
    public TimeSpan MinEventInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Width of one equity-curve point, in whole seconds.</summary>
    public int EquityBucketSeconds { get; init; } = 1;

    /// <summary>Equity points kept (the oldest drop off): two hours at one point a second.</summary>
    public int EquityHistory { get; init; } = 7_200;

    /// <summary>Recent fills kept for the fills table.</summary>
    public int RecentFills { get; init; } = 100;

    /// <summary>Open orders listed at most (the count covers all of them).</summary>
    public int MaxOpenOrders { get; init; } = 200;

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void EnsureValid()
    {
        var errors = new List<string>();
        if (PublishInterval <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(PublishInterval)} must be positive.");
        }

        if (MinEventInterval < TimeSpan.Zero)
        {
            errors.Add($"{nameof(MinEventInterval)} must not be negative.");
        }

        if (EquityBucketSeconds <= 0)
        {
            errors.Add($"{nameof(EquityBucketSeconds)} must be positive.");
        }

        if (EquityHistory <= 0 || RecentFills <= 0 || MaxOpenOrders <= 0)
        {
            errors.Add($"{nameof(EquityHistory)}, {nameof(RecentFills)} and {nameof(MaxOpenOrders)} must be positive.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid dashboard publisher options: " + string.Join(" ", errors));
        }
    }
}
