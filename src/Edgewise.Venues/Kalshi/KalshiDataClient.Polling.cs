// The Kalshi data client's transport modes. WebSocket mode runs the FeedConnection (with its own reconnects). When the upgrade
// is refused with HTTP 401/403 (the key or its signature is not accepted), or UnreachableAttemptsBeforePolling connects in a
// row get no answer, the connection is stopped and RestPolling begins: every PollInterval each active market's book is fetched
// (GET /markets/{ticker}/orderbook) and fed through the parser and sync as a REST frame with its endpoint, which the sync applies
// as a whole snapshot because the market has no live subscription. Every WebSocketRetryInterval the WebSocket is tried once; when
// it connects, polling stops (replies still in flight are discarded by generation) and the subscriptions bring each market's WS
// snapshot, which replaces the polled book under the new sid. A failed poll marks its book Stale until the next good one.
// Waits are on the feed's clock, and each timer exists before the event announcing it (ModeChanged, WebSocketRetryScheduled,
// PollScheduled), so a test that saw the event can move a manual clock past it.
using System.Threading.Channels;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiDataClient
{
    private readonly Channel<ModeSignal> _signals = Channel.CreateUnbounded<ModeSignal>();
    private KalshiFeedMode _mode;
    private string? _modeReason;
    private DateTimeOffset _nextWebSocketTry;
    private long _pollGeneration;
    private int _failedConnects;
    private bool _probing;
    private long _polls;
    private long _pollFailures;
    private volatile string? _lastPollError;
    private Task _connectionRun = Task.CompletedTask;
    private CancellationTokenSource? _connectionStop;

    /// <summary>Where the books come from now.</summary>
    public KalshiFeedMode Mode
    {
        get
        {
            lock (_gate)
            {
                return _mode;
            }
        }
    }

    /// <summary>Raised when the mode changes, after the timers of the new mode exist (keep handlers short).</summary>
    public event Action<KalshiFeedMode>? ModeChanged;

    /// <summary>Raised while polling, with the wait before the next WebSocket attempt, after its timer exists.</summary>
    public event Action<TimeSpan>? WebSocketRetryScheduled;

    /// <summary>Raised after each polling round, with the wait before the next round, after its timer exists.</summary>
    public event Action<TimeSpan>? PollScheduled;

    private async Task RunModesAsync(CancellationToken ct)
    {
        try
        {
            while (_signals.Reader.TryRead(out _))
            {
                // A restart (by a supervisor) begins afresh: nothing from the previous run applies.
            }

            SetMode(KalshiFeedMode.WebSocket, "starting");
            StartConnection(ct);
            while (true)
            {
                var refusal = await NextSignalAsync(s => !s.Accepted, ct).ConfigureAwait(false);
                await StopConnectionAsync().ConfigureAwait(false);
                await PollUntilWebSocketAcceptedAsync(refusal.Reason, ct).ConfigureAwait(false);
                SetMode(KalshiFeedMode.WebSocket, "the WebSocket was accepted");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await StopConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Polls until a WebSocket attempt connects; returns with the connection running and polling stopped.</summary>
    private async Task PollUntilWebSocketAcceptedAsync(string reason, CancellationToken ct)
    {
        long generation;
        lock (_gate)
        {
            generation = ++_pollGeneration;
        }

        using var pollStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var polling = PollAsync(generation, pollStop.Token);
        try
        {
            while (true)
            {
                var retry = Task.Delay(_options.WebSocketRetryInterval, _clock, ct);
                lock (_gate)
                {
                    _nextWebSocketTry = _clock.GetUtcNow() + _options.WebSocketRetryInterval;
                }

                SetMode(KalshiFeedMode.RestPolling, reason);
                WebSocketRetryScheduled?.Invoke(_options.WebSocketRetryInterval);
                await retry.ConfigureAwait(false);

                while (_signals.Reader.TryRead(out _))
                {
                    // Signals of the stopped connection mean nothing to this attempt.
                }

                lock (_gate)
                {
                    _probing = true;
                    _failedConnects = 0;
                }

                StartConnection(ct);
                var signal = await NextSignalAsync(_ => true, ct).ConfigureAwait(false);
                if (signal.Accepted)
                {
                    return;
                }

                reason = signal.Reason;
                await StopConnectionAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                _pollGeneration++; // replies still in flight are for a mode that has ended
                _probing = false;
            }

            await pollStop.CancelAsync().ConfigureAwait(false);
            await polling.ConfigureAwait(false);
        }
    }

    private async Task PollAsync(long generation, CancellationToken ct)
    {
        var rateLimitedRounds = 0;
        try
        {
            while (true)
            {
                string[] tickers;
                lock (_gate)
                {
                    tickers = [.. _markets.Keys];
                }

                var rateLimited = false;
                foreach (var ticker in tickers)
                {
                    var result = await _rest.GetOrderbookAsync(ticker, depth: null, ct).ConfigureAwait(false);
                    Deliver(generation, ticker, result);
                    if (result.Outcome == KalshiRestOutcome.RateLimited)
                    {
                        rateLimited = true; // the rest of the round would only spend more of the budget
                        break;
                    }
                }

                // Kalshi sends no Retry-After: back off by policy, never faster than the polling interval.
                rateLimitedRounds = rateLimited ? rateLimitedRounds + 1 : 0;
                var delay = rateLimitedRounds == 0 ? _options.PollInterval : Max(_options.PollInterval, _pollBackoff.Delay(rateLimitedRounds - 1));
                var wait = Task.Delay(delay, _clock, ct);
                PollScheduled?.Invoke(delay);
                await wait.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Polling stopped.
        }
    }

    private void Deliver(long generation, string ticker, KalshiRestResult result)
    {
        lock (_gate)
        {
            if (generation != _pollGeneration || !_markets.ContainsKey(ticker))
            {
                return; // polling has stopped, or the market is no longer followed
            }

            if (!result.IsOk)
            {
                Interlocked.Increment(ref _pollFailures);
                _lastPollError = result.Error;
                _downstream.OnBookStatus(new BookStatus(_parser.Symbols.Get(ticker), BookHealth.Stale, "REST poll failed: " + result.Error, result.RecvTsNs));
                return;
            }

            Interlocked.Increment(ref _polls);
            var frame = new RawFrame(result.RecvTsNs, _parser.Venue, FrameSource.Rest, result.Endpoint, result.Body);
            _recorder?.Write(frame);
            if (_parser.Parse(frame, _sync) == ParseOutcome.Malformed)
            {
                Interlocked.Increment(ref _malformedSnapshots);
                _lastPollError = $"the order book from {result.Endpoint} is not a valid orderbook_fp response";
                _downstream.OnBookStatus(new BookStatus(_parser.Symbols.Get(ticker), BookHealth.Stale, _lastPollError, result.RecvTsNs));
            }
        }
    }

    /// <summary>Raised by the connection's loop after a failed connect: decides whether the WebSocket counts as refused.</summary>
    private void OnConnectFailed(FeedConnectFailure failure)
    {
        bool refused;
        lock (_gate)
        {
            _failedConnects++;
            refused = failure.HttpStatus is 401 or 403 || _probing || _failedConnects >= _options.UnreachableAttemptsBeforePolling;
        }

        if (refused)
        {
            _signals.Writer.TryWrite(ModeSignal.Refused(failure.Reason));
        }
    }

    private async Task<ModeSignal> NextSignalAsync(Func<ModeSignal, bool> wanted, CancellationToken ct)
    {
        while (true)
        {
            var signal = await _signals.Reader.ReadAsync(ct).ConfigureAwait(false);
            if (wanted(signal))
            {
                return signal;
            }
        }
    }

    private void StartConnection(CancellationToken ct)
    {
        _connectionStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _connectionRun = _connection.RunAsync(_connectionStop.Token);
    }

    private async Task StopConnectionAsync()
    {
        if (_connectionStop is not { } stop)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await _connectionRun.ConfigureAwait(false);
        stop.Dispose();
        _connectionStop = null;
    }

    private void SetMode(KalshiFeedMode mode, string reason)
    {
        lock (_gate)
        {
            _modeReason = reason;
            if (_mode == mode)
            {
                return;
            }

            _mode = mode;
        }

        ModeChanged?.Invoke(mode);
    }

    /// <summary>The health line while polling; call under the lock.</summary>
    private string PollingStateText() =>
        $"REST polling every {_options.PollInterval} ({_modeReason}); next WebSocket attempt at {_nextWebSocketTry:O}";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>What a connection attempt came to: accepted (connected), or refused with the reason.</summary>
    private readonly record struct ModeSignal(bool Accepted, string Reason)
    {
        public static ModeSignal Connected { get; } = new(true, "connected");

        public static ModeSignal Refused(string reason) => new(false, reason);
    }
}
