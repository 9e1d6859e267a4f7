using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

public class MessageRateWindowTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void PerSecond_MessagesInTwoSeconds_AveragedOverTheWindow()
    {
        var window = new MessageRateWindow(10);
        var t0 = 1_700_000_000 * Second;
        for (var i = 0; i < 10; i++)
        {
            window.Add(t0 + (i * Second / 10)); // 10 in second 0
        }

        for (var i = 0; i < 20; i++)
        {
            window.Add(t0 + Second + (i * Second / 20)); // 20 in second 1
        }

        // Window (now − 10 s, now]: at second 1 both seconds count, 30 / 10 = 3.
        Assert.Equal(3.0, window.PerSecond(t0 + Second));
        // At second 10 second 0 has left the window: 20 / 10 = 2.
        Assert.Equal(2.0, window.PerSecond(t0 + (10 * Second)));
        // At second 11 both have left.
        Assert.Equal(0.0, window.PerSecond(t0 + (11 * Second)));
    }

    [Fact]
    public void Add_SlotReusedAfterAWholeWindow_OldCountDiscarded()
    {
        var window = new MessageRateWindow(4);
        window.Add(0);
        window.Add(1);
        window.Add(4 * Second); // same slot as second 0, four seconds later

        // At second 4 the window is seconds 1-4: only the last message, 1 / 4.
        Assert.Equal(0.25, window.PerSecond(4 * Second));
    }
}
