// When the simulated spot feeds fail: about once every four minutes (a check each whole second), never in the first minute and
// never two at once (a failure, then at least 30 s of calm), one venue chosen at random has either an abrupt outage (connections
// dropped, upgrades refused for 5-15 s) or a silent one (75 s without a frame, longer than a client's default 60 s staleness
// limit, then the connections are dropped). Each outage is counted and described for the demo's narrative.
using System.Globalization;

namespace Edgewise.Simulators.Market;

internal sealed class FeedOutagePlanner
{
    public static readonly long SilentNs = 75 * MarketGenerator.SecondNs;

    private const double OutagesPerSecond = 1.0 / 240;
    private const long QuietStartNs = 60 * MarketGenerator.SecondNs;
    private const long CalmAfterNs = 30 * MarketGenerator.SecondNs;

    private readonly Random _rng;
    private readonly bool _enabled;
    private readonly long _startNs;
    private long _busyUntilNs;

    public FeedOutagePlanner(int seed, bool enabled, long startNs)
    {
        _rng = new Random(seed);
        _enabled = enabled;
        _startNs = startNs;
    }

    public int Count { get; private set; }

    /// <summary>Decides, on whole seconds, whether an outage starts now (under the world lock).</summary>
    public void Step(long nowNs, IReadOnlyList<SpotVenueSim> venues, List<string> faults)
    {
        if (!_enabled || nowNs % MarketGenerator.SecondNs != 0 || nowNs < _busyUntilNs || nowNs - _startNs < QuietStartNs
            || _rng.NextDouble() >= OutagesPerSecond)
        {
            return;
        }

        var venue = venues[_rng.Next(venues.Count)];
        var silent = _rng.Next(2) == 0;
        Begin(venue, silent, silent ? SilentNs : (5 + _rng.Next(11)) * MarketGenerator.SecondNs, nowNs, faults);
    }

    /// <summary>Starts an outage of <paramref name="venue"/> now (the planner's own choice, or a test's).</summary>
    public void Begin(SpotVenueSim venue, bool silent, long durationNs, long nowNs, List<string> faults)
    {
        venue.BeginOutage(silent, nowNs + durationNs);
        _busyUntilNs = nowNs + durationNs + CalmAfterNs;
        Count++;
        var seconds = durationNs / (double)MarketGenerator.SecondNs;
        faults.Add(string.Create(CultureInfo.InvariantCulture,
            $"{venue.Name} feed outage: {(silent ? $"silent for {seconds:0} s, then the connections drop" : $"connections dropped, refused for {seconds:0} s")}"));
    }
}
