using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>
/// Connection settings for feed tests. With <see cref="Jitter"/> 0.2 and a <see cref="FixedRandom"/> drawing 0.5 every
/// delay is shortened by 0.2 × 0.5 = 10 %: reconnect delays are 0.9 s, 1.8 s, 3.6 s, 7.2 s, then 7.2 s (8 s cap × 0.9).
/// </summary>
internal static class FeedTestSettings
{
    public const double Jitter = 0.2;
    public const double Draw = 0.5;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(900);

    public static FeedConnectionSettings Connection() => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
        StaleAfter = TimeSpan.FromSeconds(30),
        StaleCheckInterval = TimeSpan.FromSeconds(1),
        ReconnectDelayInitial = TimeSpan.FromSeconds(1),
        ReconnectDelayMax = TimeSpan.FromSeconds(8),
        ReconnectJitter = Jitter,
        MaxMessageBytes = 4096,
        ProtocolKeepAlive = TimeSpan.Zero, // protocol pings run on real time; the tests cover staleness on the manual clock
        MaxConnectionAge = TimeSpan.FromHours(23),
        RestTimeout = TimeSpan.FromSeconds(10),
    };

    public static Random Random() => new FixedRandom(Draw);
}
