using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Time;
using Edgewise.Engine.Health;
using Edgewise.Engine.Loop;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.Indicators;
using Edgewise.TestKit;
using static Edgewise.Tests.Strategies.Indicators.IndexBooks;

namespace Edgewise.Tests.Faults;

/// <summary>
/// The clock jumps. Forward 10 minutes at once (a stalled or suspended host): the heartbeat keeps beating as its timers
/// catch up, so the watchdog raises no incident, while the index input, silent for 10 minutes, is a DATA_OUTAGE until
/// the next value, which ends it by itself. Back 60 s (an NTP step of the wall clock; timers are monotonic): the
/// watchdog still sees beats, an index value stamped "in the future" counts as stamped now, so a silent index is
/// still noticed at the next heartbeat instead of 60 s late, and the index proxy reports an outage (instead of
/// recording prints that go back in time) until the clock is past its last print.
/// </summary>
internal sealed class ClockJumpScenario : IFaultScenario
{
    private const string Index = "index";

    public string Name => "clock jump forward and back";

    public Task<FaultResult> RunAsync(string directory, CancellationToken ct)
    {
        var clock = new SteppedClock(new ManualTimeProvider());
        var engine = new EngineLoop(new EngineOptions { Clock = clock, BookFactory = static i => OrderBookFactory.ForUnbounded(i.Id) });
        var outages = new List<DataOutageChanged>();
        engine.Bus.Subscribe((in DataOutageChanged change) => outages.Add(change));
        engine.Inputs.Register(Index, TimeSpan.FromSeconds(5));
        engine.Start();
        using var heartbeat = new HeartbeatService(engine);
        var incidents = new List<string>();
        using var watchdog = new HeartbeatWatchdog(clock, heartbeat.Interval, () => heartbeat.LastBeatNs, incidents.Add, _ => { });
        engine.Inputs.Touch(Index, clock.GetUnixNs());

        // Forward 10 min: 30 heartbeats fire in order as the timers catch up.
        clock.Monotonic.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(incidents);
        Assert.Equal(30, heartbeat.Beats);
        var forward = Assert.Single(outages);
        Assert.Equal((Index, true), (forward.Input, forward.IsOut));
        clock.Monotonic.Advance(heartbeat.Interval - TimeSpan.FromSeconds(1));
        engine.Inputs.Touch(Index, clock.GetUnixNs()); // the index delivers again, 1 s before the next beat
        clock.Monotonic.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((Index, false, "fresh again"), (outages[^1].Input, outages[^1].IsOut, outages[^1].Reason));

        // Back 60 s: a value arrives just after the step, then the index goes silent.
        var beforeStep = clock.GetUnixNs();
        clock.Step(TimeSpan.FromSeconds(-60));
        engine.Inputs.Touch(Index, clock.GetUnixNs());
        Assert.Null(engine.Inputs.FirstOutage(clock.GetUnixNs())); // no false outage from data stamped ahead of the clock
        clock.Monotonic.Advance(heartbeat.Interval);
        Assert.Empty(incidents);
        // 20 s after the step with nothing new: out at this beat (the limit is 5 s), not 60 s later.
        Assert.Equal((Index, true), (outages[^1].Input, outages[^1].IsOut));
        Assert.True(clock.GetUnixNs() < beforeStep);

        var proxyRecovered = IndexAcrossStepBack();
        return Task.FromResult(new FaultResult(Name, 3, proxyRecovered ? 3 : 2, 0,
            $"{heartbeat.Beats} beats, {incidents.Count} incidents; index input out after the forward jump and {outages.Count} outage changes in all; proxy outage while behind its last print"));
    }

    /// <summary>The proxy's tick source across a 30 s step back: usable, outage while behind, usable once past the last print.</summary>
    private static bool IndexAcrossStepBack()
    {
        var books = new Dictionary<InstrumentId, IOrderBook>
        {
            [Id("coinbase")] = Quote("coinbase", "99.5", "100.5"),
            [Id("kraken")] = Quote("kraken", "100.9", "101.1"),
        };
        var proxy = new BtcIndexProxy(new BtcIndexOptions(), id => books.GetValueOrDefault(id));
        proxy.AddConstituent(Id("coinbase"));
        proxy.AddConstituent(Id("kraken"));
        var source = new ProxyIndexTickSource(proxy, IndexSeries.WeightedMid);

        Assert.True(source.TryRead(Now, out var before) && before.IsUsable);
        Assert.True(source.TryRead(Now - (30 * Second), out var behind));
        Assert.False(behind.IsUsable);
        Assert.Equal(1, source.ClockStepsBack);
        Assert.True(source.TryRead(Now + Second, out var after));
        // Equal weights: (100 + 101) / 2 = 100.5.
        Assert.Equal(("100.5", true), (after.Value.ToString(), after.IsUsable));
        return after.IsUsable;
    }
}
