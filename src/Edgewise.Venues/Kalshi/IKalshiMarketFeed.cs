using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// The markets a Kalshi feed follows, changed while it runs (a <see cref="KalshiMarketTracker"/> adds the next market before the
/// current one closes and removes closed ones). Both calls are safe from any thread and never block on the network.
/// </summary>
public interface IKalshiMarketFeed
{
    /// <summary>Starts following the market (subscribed at once when connected, polled when polling); false when already followed.</summary>
    bool AddMarket(BinaryContract contract);

    /// <summary>Stops following the market (unsubscribed when connected); false when it was not followed.</summary>
    bool RemoveMarket(InstrumentId market);
}
