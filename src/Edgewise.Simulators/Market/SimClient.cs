// One client connection of a simulated spot venue, with its own ordered outbox. The market generator runs on the clock's timer
// (synchronously, under the world's lock, on the test's thread when the clock is manual) and must never wait on a socket, so
// frames are queued here and a pump task sends them in order. A client that falls too far behind is dropped, as a venue drops
// a slow consumer, rather than letting the queue grow without bound. The venue keeps its per-connection protocol state
// (subscriptions, sequence numbers, the book a Kraken client has been sent) in State.
using System.Net.WebSockets;
using System.Threading.Channels;

namespace Edgewise.Simulators.Market;

internal sealed class SimClient<TState>
{
    /// <summary>Frames a client may have queued before it is dropped (minutes of a busy feed).</summary>
    public const int MaxQueued = 200_000;

    private readonly Channel<string> _outbox = Channel.CreateBounded<string>(new BoundedChannelOptions(MaxQueued)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    private readonly Lock _gate = new();
    private long _pending;
    private TaskCompletionSource? _idle;

    public SimClient(SimWebSocketConnection connection, TState state)
    {
        Connection = connection;
        State = state;
        Pump = PumpAsync();
    }

    public SimWebSocketConnection Connection { get; }

    /// <summary>The venue's protocol state for this connection.</summary>
    public TState State { get; }

    public Task Pump { get; }

    /// <summary>Queues a frame; a client whose outbox is full is aborted (it would only see a broken stream).</summary>
    public void Send(string frame)
    {
        lock (_gate)
        {
            _pending++;
        }

        if (!_outbox.Writer.TryWrite(frame))
        {
            Sent();
            Abort();
        }
    }

    /// <summary>Completes once every frame queued so far has been handed to the socket (or the connection is over).</summary>
    public Task IdleAsync()
    {
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    /// <summary>Drops the TCP connection without a close handshake; frames still queued are discarded.</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        Connection.Abort();
    }

    private void Sent(long count = 1)
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            _pending -= count;
            if (_pending == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult();
    }

    private async Task PumpAsync()
    {
        await Task.Yield();
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync())
            {
                try
                {
                    await Connection.SendTextAsync(frame);
                }
                finally
                {
                    Sent();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The connection is over: the client is removed when its read loop ends.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            var dropped = 0L;
            while (_outbox.Reader.TryRead(out _))
            {
                dropped++;
            }

            if (dropped > 0)
            {
                Sent(dropped);
            }
        }
    }
}
