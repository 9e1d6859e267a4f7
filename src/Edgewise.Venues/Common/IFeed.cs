namespace Edgewise.Venues.Common;

/// <summary>A venue's live market-data feed: runs until canceled and reports its health at any time, from any thread.</summary>
public interface IFeed
{
    string Name { get; }

    /// <summary>Connects, subscribes and keeps the feed alive until <paramref name="ct"/> is canceled. Venue errors are handled inside.</summary>
    Task RunAsync(CancellationToken ct);

    FeedHealth GetHealth();
}
