// The server side of one WebSocket a client opened on a SimVenueServer. The test pushes frames (whole,
// fragmented, binary), reads what the client sent (in order, awaitable with a timeout), and ends the
// connection gracefully or abruptly (a TCP abort, as when a venue's load balancer drops a socket).
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators;

public sealed class SimWebSocketConnection : IDisposable
{
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<string> _incoming = Channel.CreateUnbounded<string>();
    private readonly List<string> _received = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Done)> _countWaiters = [];

    internal SimWebSocketConnection(HttpContext context, WebSocket socket, int number)
    {
        _context = context;
        _socket = socket;
        Number = number;
        Path = context.Request.Path.Value ?? string.Empty;
        Query = context.Request.QueryString.Value ?? string.Empty;
    }

    /// <summary>1 for the first connection the server accepted, 2 for the next, …</summary>
    public int Number { get; }

    public string Path { get; }

    /// <summary>The raw query string, "?" included ("?streams=btcusdt@trade").</summary>
    public string Query { get; }

    /// <summary>Completes when the connection is over (closed by either side or aborted).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Text messages received from the client so far, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The client's next text message; throws TimeoutException (failing the test) if none comes in time.</summary>
    public async Task<string> NextMessageAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await _incoming.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No message from the client on connection #{Number} within the timeout.", ex);
        }
        catch (ChannelClosedException ex)
        {
            throw new InvalidOperationException($"Connection #{Number} closed before the client sent another message.", ex);
        }
    }

    /// <summary>Completes once the client has sent at least <paramref name="count"/> messages in all; returns them.</summary>
    public async Task<IReadOnlyList<string>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_received)
        {
            if (_received.Count >= count)
            {
                return [.. _received];
            }

            _countWaiters.Add((count, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout ?? SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Connection #{Number} received {Received.Count} of {count} messages within the timeout.", ex);
        }

        return Received;
    }

    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, [Encoding.UTF8.GetByteCount(text)]);

    /// <summary>Sends one text message split into WebSocket fragments of the given parts.</summary>
    public Task SendFragmentsAsync(params string[] parts)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(parts));
        return SendAsync(bytes, WebSocketMessageType.Text, [.. parts.Select(Encoding.UTF8.GetByteCount)]);
    }

    public Task SendBinaryAsync(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SendAsync(data, WebSocketMessageType.Binary, [data.Length]);
    }

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort()
    {
        if (_closed.Task.IsCompleted)
        {
            return;
        }

        try
        {
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request finished between the check and the abort: the connection is over anyway.
        }
    }

    /// <summary>Starts a normal close handshake.</summary>
    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    /// <summary>Reads the client's messages until the connection ends; the request stays open as long as this runs.</summary>
    internal async Task RunAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                lock (_received)
                {
                    _received.Add(text);
                    foreach (var waiter in _countWaiters.Where(w => _received.Count >= w.Count).ToList())
                    {
                        waiter.Done.TrySetResult();
                        _countWaiters.Remove(waiter);
                    }
                }

                _incoming.Writer.TryWrite(text);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Aborted by either side or the server is stopping: the connection is over.
        }
        finally
        {
            _incoming.Writer.TryComplete();
            _closed.TrySetResult();
        }
    }

    private async Task SendAsync(byte[] bytes, WebSocketMessageType type, int[] parts)
    {
        await _sendLock.WaitAsync();
        try
        {
            var offset = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                await _socket.SendAsync(bytes.AsMemory(offset, parts[i]), type, endOfMessage: i == parts.Length - 1, CancellationToken.None);
                offset += parts[i];
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
