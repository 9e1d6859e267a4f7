using Edgewise.Core.Contracts;
using Edgewise.Core.Orders;
using Edgewise.Simulators;

namespace Edgewise.Tests.Venues.Kalshi.Orders;

/// <summary>An execution event sink that keeps every event in order and lets a test await a condition over them (no sleeps).</summary>
internal sealed class OrderEventRecorder : IExecutionEventSink
{
    private readonly Lock _gate = new();
    private readonly List<OrderEvent> _events = [];
    private readonly List<(Func<IReadOnlyList<OrderEvent>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<OrderEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void OnOrderEvent(OrderEvent orderEvent)
    {
        lock (_gate)
        {
            _events.Add(orderEvent);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(_events))
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public async Task WaitUntilAsync(Func<IReadOnlyList<OrderEvent>, bool> condition, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_events))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out waiting for: {what}. Events: {string.Join(" | ", Events)}", ex);
        }
    }

    /// <summary>Waits until <paramref name="count"/> events were reported.</summary>
    public Task WaitForCountAsync(int count) => WaitUntilAsync(e => e.Count >= count, $"{count} order events");
}
