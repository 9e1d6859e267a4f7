using Edgewise.Engine.Messaging;

namespace Edgewise.Tests.Engine;

[Collection(AllocationMeasurements.Name)]
public class MessageBusTests
{
    private readonly record struct Ping(int Value);

    private readonly record struct Pong(int Value);

    [Fact]
    public void Publish_TwoSubscribers_CalledInSubscriptionOrderForTheirTypeOnly()
    {
        var bus = new MessageBus();
        var calls = new List<string>();
        bus.Subscribe((in Ping p) => calls.Add($"a{p.Value}"));
        bus.Subscribe((in Ping p) => calls.Add($"b{p.Value}"));
        bus.Subscribe((in Pong p) => calls.Add($"pong{p.Value}"));

        bus.Publish(new Ping(1));
        bus.Publish(new Pong(2));

        Assert.Equal(["a1", "b1", "pong2"], calls);
    }

    [Fact]
    public void Dispose_Subscription_StopsDelivery()
    {
        var bus = new MessageBus();
        var count = 0;
        var subscription = bus.Subscribe((in Ping _) => count++);
        bus.Publish(new Ping(1));

        subscription.Dispose();
        bus.Publish(new Ping(2));

        Assert.Equal(1, count);
        Assert.Equal(0, bus.SubscriberCount<Ping>());
    }

    [Fact]
    public void Publish_NoSubscribers_DoesNothing()
    {
        var bus = new MessageBus();

        bus.Publish(new Ping(1));

        Assert.Equal(0, bus.SubscriberCount<Ping>());
    }

    [Fact]
    public void Publish_StructMessage_AllocatesNothing()
    {
        var bus = new MessageBus();
        var sum = 0L;
        bus.Subscribe((in Ping p) => sum += p.Value);
        bus.Publish(new Ping(1));

        var window = AllocationWindow.Open();
        for (var i = 0; i < 10_000; i++)
        {
            bus.Publish(new Ping(i));
        }

        window.AssertNothingAllocated();
        // 1 + (0 + … + 9999) = 1 + 49,995,000.
        Assert.Equal(49_995_001, sum);
    }
}
