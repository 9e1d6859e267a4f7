// One connection of a FeedConnection: open, let the handler subscribe, then read until something ends it,
// with a watchdog beside the reader that checks staleness, the connection's age and application pings on the
// feed's clock. Whoever ends the session first (reader, watchdog, RequestReconnect) states the reason; the
// session's token is canceled so a pending receive returns at once.
using System.Net.WebSockets;
using Edgewise.Core.Contracts;
using Edgewise.Core.Time;

namespace Edgewise.Venues.Common;

public sealed partial class FeedConnection
{
    private async Task<SessionOutcome> RunSessionAsync(CancellationToken ct)
    {
        SetState(FeedState.Connecting, $"connecting to {_uri}");
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _settings.ProtocolKeepAlive;
        socket.Options.CollectHttpResponseDetails = true; // a refused upgrade reports its HTTP status (401: not authorised)
        using var sessionCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            foreach (var (name, value) in HandshakeHeaders?.Invoke() ?? [])
            {
                socket.Options.SetRequestHeader(name, value);
            }

            using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _clock);
            using var connectCts = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await socket.ConnectAsync(_uri, connectCts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (ct.IsCancellationRequested)
            {
                return new SessionOutcome("stopping", ReceivedData: false, ReconnectAtOnce: false);
            }

            Interlocked.Increment(ref _connectFailures);
            var status = socket.HttpStatusCode == 0 ? (int?)null : (int)socket.HttpStatusCode;
            var reason = ex is OperationCanceledException ? $"connect timed out after {_settings.ConnectTimeout}"
                : status is { } code ? $"connect refused with HTTP {code}: {ex.Message}"
                : "connect failed: " + ex.Message;
            RecordError(reason);
            NotifyConnectFailed(new FeedConnectFailure(status, reason));
            return new SessionOutcome(reason, ReceivedData: false, ReconnectAtOnce: false);
        }

        var now = _clock.GetUnixNs();
        var session = new Session(socket, sessionCts, now);
        var number = Interlocked.Increment(ref _connections);
        Interlocked.Exchange(ref _lastMessageNs, now); // staleness counts from the connect
        _session = session;

        // The watchdog's first timer exists before the state says Connected, so whoever sees the state can move the clock.
        var watchdog = WatchAsync(session, sessionCts.Token);
        SetState(FeedState.Connected, $"connected (#{number}) to {_uri}");
        try
        {
            await _handler.OnConnectedAsync(this, number, sessionCts.Token).ConfigureAwait(false);
            await ReceiveAsync(session, sessionCts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Canceled by the watchdog or RequestReconnect: their reason stands. Anything else is the reason.
            if (session.EndReason is null && !ct.IsCancellationRequested)
            {
                RecordError(ex.Message);
                session.End(ex.Message, reconnectAtOnce: false);
            }
        }
        finally
        {
            session.End(ct.IsCancellationRequested ? "stopping" : "connection ended", reconnectAtOnce: false);
            await watchdog.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await CloseQuietlyAsync(socket).ConfigureAwait(false);
            _session = null;
            NotifyDisconnected(session.EndReason!);
        }

        return new SessionOutcome(session.EndReason!, session.ReceivedData, session.ReconnectAtOnce);
    }

    private async Task ReceiveAsync(Session session, CancellationToken ct)
    {
        var socket = session.Socket;
        var count = 0;
        var oversized = false;
        while (!session.Ended)
        {
            if (count == _buffer.Length)
            {
                if (_buffer.Length < _settings.MaxMessageBytes)
                {
                    Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _settings.MaxMessageBytes));
                }
                else
                {
                    oversized = true; // keep reading to the end of the message, overwriting, then skip it
                    count = 0;
                }
            }

            var result = await socket.ReceiveAsync(_buffer.AsMemory(count), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                session.End($"closed by server ({socket.CloseStatus} {socket.CloseStatusDescription})", reconnectAtOnce: false);
                return;
            }

            count += result.Count;
            if (!result.EndOfMessage)
            {
                continue;
            }

            var now = _clock.GetUnixNs();
            Interlocked.Increment(ref _messages);
            Interlocked.Exchange(ref _lastMessageNs, now);
            _rate.Add(now);
            session.ReceivedData = true;
            if (oversized)
            {
                Interlocked.Increment(ref _oversized);
                Interlocked.Increment(ref _malformed);
            }
            else if (result.MessageType != WebSocketMessageType.Text)
            {
                Interlocked.Increment(ref _malformed);
            }
            else
            {
                var frame = new RawFrame(now, _venue, FrameSource.Ws, null, _buffer.AsMemory(0, count));
                if (_handler.OnFrame(frame) == ParseOutcome.Malformed)
                {
                    Interlocked.Increment(ref _malformed);
                }
            }

            count = 0;
            oversized = false;
        }
    }

    /// <summary>Checks the session on the feed's clock until it ends: staleness, maximum age, application pings.</summary>
    private async Task WatchAsync(Session session, CancellationToken ct)
    {
        var ping = _settings.AppPingMessage;
        var pingNs = _settings.AppPingInterval is { } interval ? interval.Ticks * 100 : long.MaxValue;
        var staleNs = _settings.StaleAfter.Ticks * 100;
        var maxAgeNs = _settings.MaxConnectionAge is { } age ? age.Ticks * 100 : long.MaxValue;
        var lastPingNs = session.ConnectedAtNs;
        try
        {
            while (!session.Ended)
            {
                await Task.Delay(_settings.StaleCheckInterval, _clock, ct).ConfigureAwait(false);
                var now = _clock.GetUnixNs();
                if (now - Interlocked.Read(ref _lastMessageNs) >= staleNs)
                {
                    Interlocked.Increment(ref _staleDisconnects);
                    RecordError($"stale: no message for {_settings.StaleAfter}");
                    session.End($"stale: no message for {_settings.StaleAfter}", reconnectAtOnce: false);
                    return;
                }

                if (now - session.ConnectedAtNs >= maxAgeNs)
                {
                    session.End($"connection reached its maximum age {_settings.MaxConnectionAge}", reconnectAtOnce: true);
                    return;
                }

                if (ping is not null && now - lastPingNs >= pingNs)
                {
                    lastPingNs = now;
                    await SendTextAsync(ping, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The session ended.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RecordError("keep-alive failed: " + ex.Message);
            session.End("keep-alive failed: " + ex.Message, reconnectAtOnce: false);
        }
    }

    private async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State != WebSocketState.Open)
        {
            return; // aborted or closed already; Dispose releases it
        }

        try
        {
            // Tell the server we are going, without waiting for its reply (a dead peer must not hold the reconnect).
            using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _clock);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Already broken: nothing to tell.
        }
    }

    private void NotifyConnectFailed(FeedConnectFailure failure)
    {
        try
        {
            ConnectFailed?.Invoke(failure);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RecordError("connect-failure observer failed: " + ex.Message); // an observer must not break the connection
        }
    }

    private void NotifyDisconnected(string reason)
    {
        try
        {
            _handler.OnDisconnected(reason, _clock.GetUnixNs());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RecordError("disconnect handler failed: " + ex.Message);
        }
    }

    private readonly record struct SessionOutcome(string Reason, bool ReceivedData, bool ReconnectAtOnce);

    /// <summary>The state one connection shares between its reader, its watchdog and RequestReconnect.</summary>
    private sealed class Session(ClientWebSocket socket, CancellationTokenSource cts, long connectedAtNs)
    {
        private readonly Lock _gate = new();
        private string? _endReason;
        private bool _reconnectAtOnce;
        private volatile bool _ended;

        public ClientWebSocket Socket { get; } = socket;

        public long ConnectedAtNs { get; } = connectedAtNs;

        /// <summary>Lock-free check for the receive loop.</summary>
        public bool Ended => _ended;

        public string? EndReason
        {
            get
            {
                lock (_gate)
                {
                    return _endReason;
                }
            }
        }

        public bool ReconnectAtOnce
        {
            get
            {
                lock (_gate)
                {
                    return _reconnectAtOnce;
                }
            }
        }

        public bool ReceivedData { get; set; }

        /// <summary>Ends the session for <paramref name="reason"/>; the first caller's reason stands.</summary>
        public void End(string reason, bool reconnectAtOnce)
        {
            lock (_gate)
            {
                if (_endReason is not null)
                {
                    return;
                }

                _reconnectAtOnce = reconnectAtOnce;
                _endReason = reason;
                _ended = true;
            }

            try
            {
                cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The session is already over.
            }
        }
    }
}
