// One venue WebSocket, supervised: connect, let the handler subscribe, read messages and hand each to the
// handler, and when anything ends the connection (server close, abort, error, staleness, a venue's request,
// the maximum connection age) reconnect, after a capped exponential backoff with jitter unless the end was
// planned. Nothing thrown inside escapes RunAsync except cancellation of its own token: errors are counted
// and the last one kept for the health view. Every wait uses the injected TimeProvider (Task.Delay with the
// provider, CancellationTokenSource with the provider), so a test drives reconnects and staleness by moving a
// manual clock. The receive path reuses one buffer (grown up to the size limit) and adds no allocation of its
// own per message.
using System.Net.WebSockets;
using System.Text;
using Edgewise.Core.Time;

namespace Edgewise.Venues.Common;

public sealed partial class FeedConnection : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly string _venue;
    private readonly Uri _uri;
    private readonly FeedConnectionSettings _settings;
    private readonly IFeedHandler _handler;
    private readonly TimeProvider _clock;
    private readonly ReconnectBackoff _backoff;
    private readonly MessageRateWindow _rate = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer;
    private volatile Session? _session;
    private volatile string _stateText = "stopped";
    private volatile string? _lastError;
    private int _state;
    private int _running;
    private long _messages;
    private long _malformed;
    private long _oversized;
    private long _connections;
    private long _reconnects;
    private long _connectFailures;
    private long _staleDisconnects;
    private long _lastMessageNs = long.MinValue;

    public FeedConnection(string venue, Uri uri, FeedConnectionSettings settings, IFeedHandler handler, TimeProvider clock, Random? random = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(clock);
        OptionsValidation.ThrowIfInvalid(settings, nameof(settings));
        if (uri.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"A feed URI must be ws:// or wss://, not '{uri}'.", nameof(uri));
        }

        _venue = venue;
        _uri = uri;
        _settings = settings;
        _handler = handler;
        _clock = clock;
        _backoff = new ReconnectBackoff(settings.ReconnectDelayInitial, settings.ReconnectDelayMax, settings.ReconnectJitter, random ?? Random.Shared);
        _buffer = new byte[Math.Min(InitialBufferBytes, settings.MaxMessageBytes)];
    }

    /// <summary>Raised on every state change, on the thread that made it (tests await it; keep handlers short).</summary>
    public event Action<FeedState>? StateChanged;

    /// <summary>
    /// Raised when an attempt to open the WebSocket failed, before the backoff wait (keep handlers short). A client that
    /// falls back to another transport decides from it, e.g. on an HTTP 401 refusal of the upgrade.
    /// </summary>
    public event Action<FeedConnectFailure>? ConnectFailed;

    /// <summary>
    /// Headers for the upgrade request, computed anew for every connection attempt (a venue whose handshake is signed
    /// with a timestamp needs a fresh signature each time); null for none. Called on the connection's loop; if it throws,
    /// the attempt counts as a failed connect.
    /// </summary>
    public Func<IReadOnlyList<KeyValuePair<string, string>>>? HandshakeHeaders { get; init; }

    public string Venue => _venue;

    public Uri Uri => _uri;

    public FeedState State => (FeedState)Volatile.Read(ref _state);

    /// <summary>The delay of the current (or last) wait before reconnecting.</summary>
    public TimeSpan LastReconnectDelay { get; private set; }

    public long Connections => Interlocked.Read(ref _connections);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long MalformedFrames => Interlocked.Read(ref _malformed);

    public string? LastError => _lastError;

    /// <summary>
    /// Runs connections until <paramref name="ct"/> is canceled; returns normally then. May be called again after it
    /// returned (a restart continues the counters, so the handler sees the next connection as a reconnect).
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException($"The {_venue} feed connection is already running.");
        }

        var failures = 0;
        var first = true;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (!first)
                {
                    Interlocked.Increment(ref _reconnects);
                }

                first = false;
                var outcome = await RunSessionAsync(ct).ConfigureAwait(false);
                if (ct.IsCancellationRequested)
                {
                    break;
                }

                if (outcome.ReceivedData)
                {
                    failures = 0; // the connection worked: the next failure starts the backoff again
                }

                var delay = outcome.ReconnectAtOnce ? TimeSpan.Zero : _backoff.Delay(failures++);
                LastReconnectDelay = delay;
                // The delay's timer exists before the state says so, so whoever sees the state can move the clock past it.
                var wait = Task.Delay(delay, _clock, ct);
                SetState(FeedState.WaitingToReconnect, $"waiting {delay} to reconnect after: {outcome.Reason}");
                await wait.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            SetState(FeedState.Stopped, "stopped");
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>
    /// Ends the current connection and reconnects at once, without backoff (a venue asked for it, or the client
    /// needs a clean slate). Safe from any thread, including the handler's own calls; ignored when not connected.
    /// </summary>
    public void RequestReconnect(string reason) => _session?.End(reason, reconnectAtOnce: true);

    /// <summary>Sends one text message on the open connection (subscriptions, pings). Sends are serialized.</summary>
    public async Task SendTextAsync(string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var session = _session ?? throw new InvalidOperationException($"The {_venue} feed is not connected.");
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await session.Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public FeedHealth GetHealth()
    {
        var now = _clock.GetUnixNs();
        var last = Interlocked.Read(ref _lastMessageNs);
        return new FeedHealth
        {
            Feed = _venue,
            State = State,
            StateText = _stateText,
            LastMessageAge = last == long.MinValue ? null : TimeSpan.FromTicks(Math.Max(0, now - last) / 100),
            MessagesPerSecond = _rate.PerSecond(now),
            Messages = Interlocked.Read(ref _messages),
            MalformedFrames = Interlocked.Read(ref _malformed),
            OversizedFrames = Interlocked.Read(ref _oversized),
            Connections = Interlocked.Read(ref _connections),
            Reconnects = Interlocked.Read(ref _reconnects),
            ConnectFailures = Interlocked.Read(ref _connectFailures),
            StaleDisconnects = Interlocked.Read(ref _staleDisconnects),
            LastError = _lastError,
        };
    }

    /// <summary>Releases the send lock. Call after RunAsync has returned.</summary>
    public void Dispose() => _sendLock.Dispose();

    private void SetState(FeedState state, string text)
    {
        _stateText = text;
        Volatile.Write(ref _state, (int)state);
        try
        {
            StateChanged?.Invoke(state);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _lastError = "state observer failed: " + ex.Message; // an observer must not break the connection
        }
    }

    private void RecordError(string text) => _lastError = text;
}
