using Edgewise.Core.Orders;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Health;

namespace Edgewise.Tests.Engine.Health;

public class DataOutageTests
{
    private static EngineHarness Started(out List<DataOutageChanged> changes)
    {
        var h = new EngineHarness();
        var seen = new List<DataOutageChanged>();
        h.Engine.Bus.Subscribe((in DataOutageChanged c) => seen.Add(c));
        h.Engine.Inputs.Register("index", TimeSpan.FromSeconds(5));
        h.Start();
        h.Book("100.00", "100.10");
        changes = seen;
        return h;
    }

    [Fact]
    public void Submit_RequiredInputNeverArrived_EntryDeniedAsDataOutage()
    {
        var h = Started(out _);

        var result = h.Limit(OrderSide.Buy, "100.00", 1);

        Assert.Equal((SubmitOutcome.Denied, DenialReason.DataOutage), (result.Outcome, result.Reason));
        Assert.Equal("DATA_OUTAGE: index: no data yet", result.Detail);
    }

    [Fact]
    public void Submit_InputFreshThenSilentPastItsLimit_BlocksEntriesAndResumesByItselfWhenDataReturns()
    {
        var h = Started(out _);
        h.Engine.Inputs.Touch("index", h.Now);
        Assert.True(h.Limit(OrderSide.Buy, "100.00", 1).IsSent); // fresh: entries pass

        h.Clock.Advance(TimeSpan.FromSeconds(5)); // exactly at the limit: still fresh
        Assert.True(h.Limit(OrderSide.Buy, "100.00", 1).IsSent);

        h.Clock.Advance(TimeSpan.FromSeconds(1)); // 6 s without data
        var denied = h.Limit(OrderSide.Buy, "100.00", 1);
        Assert.Equal(DenialReason.DataOutage, denied.Reason);
        Assert.Equal("DATA_OUTAGE: index: no data for 6 s (limit 5 s)", denied.Detail);

        h.Engine.Inputs.Touch("index", h.Now); // the index is back: no operator action needed
        Assert.True(h.Limit(OrderSide.Buy, "100.00", 1).IsSent);
    }

    [Fact]
    public void Submit_DuringOutage_OrderThatReducesAPositionStillPasses()
    {
        var h = Started(out _);
        h.Engine.Inputs.Touch("index", h.Now);
        h.Trade(OrderSide.Buy, "100.00", 2); // long 2
        h.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(DenialReason.DataOutage, h.Limit(OrderSide.Buy, "100.00", 1).Reason);
        Assert.True(h.Limit(OrderSide.Sell, "100.00", 2).IsSent); // getting out is always allowed
    }

    [Fact]
    public void Touch_UnusableValue_IsAnOutageWithItsReason()
    {
        var h = Started(out _);

        h.Engine.Inputs.Touch("index", h.Now, usable: false, reason: "only 1 venue included");

        Assert.Equal("DATA_OUTAGE: index: only 1 venue included", h.Limit(OrderSide.Buy, "100.00", 1).Detail);
    }

    [Fact]
    public void Heartbeat_SilentMarket_BeatsEvery20sAndAnnouncesOutageStartAndEnd()
    {
        var h = Started(out var changes);
        var beats = new List<Heartbeat>();
        h.Engine.Bus.Subscribe((in Heartbeat b) => beats.Add(b));
        using var heartbeat = new HeartbeatService(h.Engine);
        var start = h.Now;

        h.Clock.Advance(TimeSpan.FromSeconds(20)); // no market data at all: the loop still beats
        Assert.Equal([(1L, start + 20_000_000_000L, "index")], beats.Select(b => (b.Sequence, b.TsNs, b.OutageInput)));
        Assert.Equal([("index", true, "no data yet")], changes.Select(c => (c.Input, c.IsOut, c.Reason)));

        h.Engine.Inputs.Touch("index", h.Now);
        h.Clock.Advance(TimeSpan.FromSeconds(20)); // touched 20 s ago with a 5 s limit: still out, nothing new announced
        Assert.Single(changes);

        h.Engine.Inputs.Touch("index", h.Now);
        h.Clock.Advance(TimeSpan.FromSeconds(20) - TimeSpan.FromSeconds(16)); // not a beat yet
        Assert.Equal(2, beats.Count);
        h.Clock.Advance(TimeSpan.FromSeconds(16)); // beat 3, 16 s after the touch: out again
        h.Engine.Inputs.Touch("index", h.Now);
        h.Clock.Advance(TimeSpan.FromSeconds(20) - TimeSpan.FromSeconds(1)); // 1 s before beat 4
        h.Engine.Inputs.Touch("index", h.Now);
        h.Clock.Advance(TimeSpan.FromSeconds(1)); // beat 4, 1 s after the touch: fresh -> announced once
        Assert.Equal(("index", false, "fresh again"), (changes[^1].Input, changes[^1].IsOut, changes[^1].Reason));
        Assert.Equal(4, heartbeat.Beats);
    }
}
