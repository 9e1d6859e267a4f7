// The connections of a simulated spot venue, each with the venue's protocol state for it: accepted, read (every client message is
// handled under the world lock, so it interleaves with generator steps in one order), and forgotten when they end.
namespace Edgewise.Simulators.Market;

internal abstract class SpotVenueSim<TState> : SpotVenueSim
    where TState : class
{
    private readonly List<Task> _readLoops = [];
    private readonly List<TaskCompletionSource> _subscribedWaiters = [];

    protected SpotVenueSim(string name, SpotBookShape shape, int seed, Lock world, double updateProbability, double tradeProbability)
        : base(name, shape, seed, world, updateProbability, tradeProbability)
    {
    }

    /// <summary>The open connections (read and changed under the world lock).</summary>
    protected List<SimClient<TState>> Clients { get; } = [];

    /// <summary>Completes once every frame queued so far has been handed to the sockets.</summary>
    public override Task DrainAsync()
    {
        lock (World)
        {
            return Task.WhenAll(Clients.Select(c => c.IdleAsync()));
        }
    }

    /// <summary>Completes once a connection has subscribed everything the venue offers (tests: the clock may move from then on).</summary>
    public override async Task WaitForSubscribedClientAsync(TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (World)
        {
            if (Clients.Any(c => IsFullySubscribed(c.State)))
            {
                return;
            }

            _subscribedWaiters.Add(done);
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No {Name} client subscribed to every channel within {timeout}.", ex);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        List<Task> loops;
        lock (World)
        {
            loops = [.. _readLoops];
        }

        await Task.WhenAll(loops).WaitAsync(SimVenueServer.DefaultTimeout);
    }

    /// <summary>True when the connection has subscribed every channel the venue offers.</summary>
    protected abstract bool IsFullySubscribed(TState state);

    /// <summary>The state of a new connection.</summary>
    protected abstract TState CreateState(SimWebSocketConnection connection);

    /// <summary>A new connection (under the world lock): a greeting, or nothing.</summary>
    protected virtual void OnConnected(SimClient<TState> client)
    {
    }

    /// <summary>One text message from the client (under the world lock).</summary>
    protected abstract void OnMessage(SimClient<TState> client, string text);

    /// <summary>A client message that is not JSON (under the world lock); ignored unless the venue answers it.</summary>
    protected virtual void OnMalformed(SimClient<TState> client, string text)
    {
    }

    protected sealed override void OnAccepted(SimWebSocketConnection connection)
    {
        SimClient<TState> client;
        lock (World)
        {
            client = new SimClient<TState>(connection, CreateState(connection));
            Clients.Add(client);
            OnConnected(client);
            NotifySubscribed(client);
            _readLoops.Add(ReadLoopAsync(client));
        }
    }

    /// <summary>Releases the subscription waiters once the client is fully subscribed; call under the world lock.</summary>
    private void NotifySubscribed(SimClient<TState> client)
    {
        if (_subscribedWaiters.Count == 0 || !IsFullySubscribed(client.State))
        {
            return;
        }

        foreach (var waiter in _subscribedWaiters)
        {
            waiter.TrySetResult();
        }

        _subscribedWaiters.Clear();
    }

    protected sealed override void AbortAll()
    {
        foreach (var client in Clients)
        {
            client.Abort();
        }
    }

    private async Task ReadLoopAsync(SimClient<TState> client)
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                var text = await client.Connection.NextMessageAsync(Timeout.InfiniteTimeSpan);
                lock (World)
                {
                    try
                    {
                        OnMessage(client, text);
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        OnMalformed(client, text);
                    }

                    NotifySubscribed(client);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The connection is over.
        }
        finally
        {
            lock (World)
            {
                Clients.Remove(client);
            }

            client.Abort();
            await client.Pump;
        }
    }
}
