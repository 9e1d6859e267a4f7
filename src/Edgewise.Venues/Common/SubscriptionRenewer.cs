// Renews one subscription (a product's or a symbol's book) on a feed's open connection, on its own loop, for
// venues whose fresh snapshot comes from resubscribing rather than from REST (Coinbase level2 after a sequence
// gap, Kraken book after a checksum failure). A book sync asks from inside a parse, under its client's lock, so
// Request only queues and never waits on the socket. A key already queued is not queued twice; a key whose
// messages were already sent is sent again when asked again, because the lost message may have been the very
// snapshot the last renewal brought. Each connection is one generation: Reset (on connect and disconnect) drops
// what is queued, since a new connection subscribes everything anyway. A send that fails (the socket is going
// away) is counted and dropped for the same reason.
using System.Threading.Channels;

namespace Edgewise.Venues.Common;

public sealed class SubscriptionRenewer
{
    private readonly FeedConnection _connection;
    private readonly Func<string, IReadOnlyList<string>> _messages;
    private readonly Lock _gate = new();
    private readonly List<string> _pending = [];
    private readonly Channel<byte> _wake = Channel.CreateBounded<byte>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _generation;
    private long _renewals;
    private long _failures;
    private volatile string? _lastError;

    /// <param name="connection">Where the messages are sent (serialized with the connection's other sends).</param>
    /// <param name="messages">The messages that renew one key, in order (e.g. unsubscribe then subscribe).</param>
    public SubscriptionRenewer(FeedConnection connection, Func<string, IReadOnlyList<string>> messages)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(messages);
        _connection = connection;
        _messages = messages;
    }

    /// <summary>Renewals whose messages were all sent.</summary>
    public long Renewals => Interlocked.Read(ref _renewals);

    /// <summary>Renewals abandoned because a send failed (the connection was ending).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public string? LastError => _lastError;

    /// <summary>Starts a new generation: queued renewals are dropped.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _generation++;
            _pending.Clear();
        }
    }

    /// <summary>Queues a renewal of <paramref name="key"/> unless one is already queued. Never blocks.</summary>
    public void Request(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            if (_pending.Contains(key))
            {
                return;
            }

            _pending.Add(key);
        }

        _wake.Writer.TryWrite(0);
    }

    /// <summary>Sends queued renewals until <paramref name="ct"/> is canceled; returns normally then.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await _wake.Reader.ReadAsync(ct).ConfigureAwait(false);
                while (TryTake(out var key, out var generation))
                {
                    await RenewAsync(key, generation, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RenewAsync(string key, long generation, CancellationToken ct)
    {
        foreach (var message in _messages(key))
        {
            if (!IsCurrent(generation))
            {
                return; // the connection changed; the new one subscribed afresh
            }

            try
            {
                await _connection.SendTextAsync(message, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref _failures);
                _lastError = $"renewing the subscription of {key} failed: {ex.Message}";
                return;
            }
        }

        Interlocked.Increment(ref _renewals);
    }

    private bool IsCurrent(long generation)
    {
        lock (_gate)
        {
            return generation == _generation;
        }
    }

    private bool TryTake(out string key, out long generation)
    {
        lock (_gate)
        {
            generation = _generation;
            if (_pending.Count == 0)
            {
                key = string.Empty;
                return false;
            }

            key = _pending[0];
            _pending.RemoveAt(0);
            return true;
        }
    }
}
