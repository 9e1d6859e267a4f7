using Edgewise.Core.Orders;
using Edgewise.Engine.Simulation;

namespace Edgewise.Tests.Simulation;

public class SimulatedVenueLatencyTests
{
    [Fact]
    public void Submit_EntryLatency50Ms_AckAndFillsAt50MsAgainstTheBookThen()
    {
        var h = new VenueHarness(new SimulatedVenueOptions { EntryLatency = TimeSpan.FromMilliseconds(50) });
        h.Snapshot("bid 0.09 30", "ask 0.095 10", "ask 0.10 20", "ask 0.11 50");
        var t0 = h.Now;

        var id = h.Market(OrderSide.Buy, 15);
        Assert.Empty(h.Events.Received);

        h.Clock.Advance(TimeSpan.FromMilliseconds(20));
        h.Delta("ask 0.095 0"); // inside the latency window: the order meets the book without 0.095
        h.Clock.Advance(TimeSpan.FromMilliseconds(29));
        Assert.Empty(h.Events.Received); // t0 + 49 ms

        h.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([$"accepted {id}", $"fill {id} 15@0.1 Taker"], h.Events.Lines);
        var t50 = t0 + VenueHarness.Ms(50);
        Assert.All(h.Events.Received, r =>
        {
            Assert.Equal(t50, r.ArrivedNs);
            Assert.Equal(t50, r.Event.TsEvent);
            Assert.Equal(t50, r.Event.TsRecv);
        });
    }

    [Fact]
    public void Submit_EntryAndFeedLatency_EventsStampedAtVenueTimeAndArriveAfterFeedLatency()
    {
        var h = new VenueHarness(new SimulatedVenueOptions
        {
            EntryLatency = TimeSpan.FromMilliseconds(50),
            FeedLatency = TimeSpan.FromMilliseconds(30),
        });
        h.Snapshot("bid 0.09 30", "ask 0.095 10", "ask 0.10 20");
        var t0 = h.Now;

        var id = h.Market(OrderSide.Buy, 5);
        h.Clock.Advance(TimeSpan.FromMilliseconds(79));
        Assert.Empty(h.Events.Received);
        Assert.Equal(2, h.Venue.InFlight); // matched at +50 ms: ack and fill on their way back

        h.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([$"accepted {id}", $"fill {id} 5@0.095 Taker"], h.Events.Lines);
        Assert.All(h.Events.Received, r =>
        {
            Assert.Equal(t0 + VenueHarness.Ms(50), r.Event.TsEvent);
            Assert.Equal(t0 + VenueHarness.Ms(80), r.Event.TsRecv);
            Assert.Equal(t0 + VenueHarness.Ms(80), r.ArrivedNs);
        });
        Assert.Equal(0, h.Venue.InFlight);
    }

    [Fact]
    public void Cancel_SentRightAfterSubmit_ArrivesAfterItInOrder()
    {
        var h = new VenueHarness(new SimulatedVenueOptions { EntryLatency = TimeSpan.FromMilliseconds(10) });
        h.Snapshot("bid 0.50 100", "ask 0.52 100");

        var id = h.Limit(OrderSide.Buy, "0.50", 20);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        h.Cancel(id); // at t0 + 1 ms: reaches the venue at t0 + 11 ms
        h.Clock.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal([$"accepted {id}"], h.Events.Lines); // t0 + 10 ms: the order arrived, the cancel is 1 ms away

        h.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([$"accepted {id}", $"canceled {id}"], h.Events.Lines);
    }

    [Fact]
    public void Dispose_WithOrderInFlight_NothingArrives()
    {
        var h = new VenueHarness(new SimulatedVenueOptions { EntryLatency = TimeSpan.FromMilliseconds(10) });
        h.Snapshot("bid 0.50 100", "ask 0.52 100");
        h.Market(OrderSide.Buy, 5);

        h.Venue.Dispose();
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(h.Events.Received);
    }

    [Fact]
    public void Constructor_NegativeLatency_ThrowsNamingTheSetting()
    {
        var h = new VenueHarness();
        var error = Assert.Throws<ArgumentException>(() =>
            new SimulatedVenue(h.Engine, "other", new SimulatedVenueOptions { FeedLatency = TimeSpan.FromMilliseconds(-1) }));
        Assert.Contains(nameof(SimulatedVenueOptions.FeedLatency), error.Message, StringComparison.Ordinal);
    }
}
