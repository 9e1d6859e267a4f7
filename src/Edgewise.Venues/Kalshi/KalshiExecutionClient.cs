// Kalshi order entry for the engine (IExecutionClient; FACTS §5.2, §5.4, §5.5). Submit and Cancel never block: they queue work for
// the client's own I/O loop, which handles one item at a time (a create, a cancel, a fill, a timer), so all order state lives on
// that loop and every event reaches the engine's sink from it, in order. The pieces:
//   - mapping: our binary book is in YES terms with a separate NO instrument; each market is registered with its YES and NO
//     contracts, so an order on the NO instrument goes out as side=no with the NO price (KalshiOrderRequest). Only limit orders.
//   - create (KalshiExecutionClient.Orders.cs): Ok -> OrderAccepted; Kalshi's refusal -> OrderRejected with its code and message;
//     a lost answer (timeout, 5xx, unreadable body) is NEVER retried blindly: the order is looked up by client_order_id, adopted
//     if found, and recreated (same client_order_id) only after NotFoundLookupsBeforeAbsent lookups proved it absent.
//   - fills (KalshiExecutionClient.Fills.cs): from the private fill channel on this client's own signed WebSocket, de-duplicated by
//     trade_id; while the socket is down, and after every reconnect, fills are fetched over REST for the orders still open. A
//     finished order's terminal event (canceled/expired) is held until fills adding up to Kalshi's fill count were reported, so a
//     fill always precedes its order's terminal status. Fees are Kalshi's fee_cost when a fill carries it, else the contract's model.
//   - health: IFeed, so a FeedSupervisor runs it and shows it; DrainAsync lets a shutdown wait for cancels to go out.
using System.Collections.Concurrent;
using System.Threading.Channels;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiExecutionClient : IExecutionClient, IFeed, IFeedHandler, IDisposable
{
    /// <summary>The feed name of the fill connection in health views.</summary>
    public const string FeedName = "kalshi-orders";

    private readonly KalshiExecutionOptions _options;
    private readonly KalshiRestClient _rest;
    private readonly IExecutionEventSink _events;
    private readonly TimeProvider _clock;
    private readonly FeedConnection _connection;
    private readonly KalshiParser _parser;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<InstrumentId, (string Ticker, OutcomeSide Side, IFeeModel Fees)> _instruments = new();
    private readonly Dictionary<string, KalshiTrackedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KalshiTrackedOrder> _byVenueId = new(StringComparer.Ordinal);
    private readonly Queue<string> _finished = new();
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly Lock _idleGate = new();
    private long _pendingWork;
    private long _ordersSent;
    private long _fillsReported;
    private long _duplicateFills;
    private long _unknownOutcomes;
    private long _droppedUnmatchedFills;
    private volatile bool _socketUp;
    private volatile string? _lastError;
    private int _unsettledOrders;
    private volatile bool _loopRunning;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="rest">Signed REST client (creates, cancels, lookups, fill polls); it must have credentials.</param>
    /// <param name="auth">Signs the fill WebSocket's upgrade.</param>
    /// <param name="events">Where order events go: the engine (safe from any thread) or a test recorder.</param>
    /// <param name="clock">Timers, timeouts and event times.</param>
    /// <param name="random">Jitter for reconnect delays; <see cref="Random.Shared"/> when null.</param>
    public KalshiExecutionClient(KalshiExecutionOptions options, KalshiRestClient rest, KalshiAuth auth, IExecutionEventSink events, TimeProvider clock,
        Random? random = null)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(clock);
        if (!rest.HasCredentials)
        {
            throw new ArgumentException("Order entry needs a REST client with Kalshi credentials.", nameof(rest));
        }

        _options = options;
        _rest = rest;
        _events = events;
        _clock = clock;
        _parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);
        _parser.FillReceived += fill => Enqueue(new Work(WorkKind.Fill, Fill: fill));
        _connection = new FeedConnection(FeedName, options.WebSocketUri, options.Connection, this, clock, random)
        {
            HandshakeHeaders = () => auth.SignWebSocketHandshake().ToHeaders(),
        };
    }

    public string Venue => KalshiParser.VenueName;

    public string Name => FeedName;

    /// <summary>The supervised fill socket (state, StateChanged).</summary>
    public FeedConnection Connection => _connection;

    /// <summary>True while the fill WebSocket is connected and subscribed (fills are then not polled over REST).</summary>
    public bool IsFillSocketUp => _socketUp;

    public long OrdersSent => Interlocked.Read(ref _ordersSent);

    public long FillsReported => Interlocked.Read(ref _fillsReported);

    /// <summary>Fills seen again (WebSocket and REST, a replay) and not reported twice.</summary>
    public long DuplicateFills => Interlocked.Read(ref _duplicateFills);

    /// <summary>Creates whose answer was lost and that were resolved by lookup.</summary>
    public long UnknownOutcomes => Interlocked.Read(ref _unknownOutcomes);

    public string? LastError => _lastError;

    /// <summary>The fill socket went up (true, after the catch-up fetch of open orders' fills) or down (false). Raised on the I/O loop.</summary>
    public event Action<bool>? FillSocketChanged;

    /// <summary>A one-shot retry or lookup was scheduled this far ahead (raised after its timer exists; tests move a manual clock past it).</summary>
    public event Action<TimeSpan>? RetryScheduled;

    /// <summary>Adds a market's contracts: orders on <paramref name="yes"/> go out as side=yes, on <paramref name="no"/> as side=no. Any thread.</summary>
    public void RegisterMarket(string ticker, BinaryContract yes, BinaryContract no)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        ArgumentNullException.ThrowIfNull(yes);
        ArgumentNullException.ThrowIfNull(no);
        _instruments[yes.Id] = (ticker, OutcomeSide.Yes, yes.Fees);
        _instruments[no.Id] = (ticker, OutcomeSide.No, no.Fees);
    }

    public void Submit(in OrderRequest request) => Enqueue(new Work(WorkKind.Submit, Request: request));

    public void Cancel(in CancelRequest request) => Enqueue(new Work(WorkKind.Cancel, Cancel: request));

    /// <summary>Runs the fill connection and the I/O loop until <paramref name="ct"/> is canceled.</summary>
    public Task RunAsync(CancellationToken ct) => FeedTasks.RunTogetherAsync(_connection.RunAsync, LoopAsync, ct);

    /// <summary>
    /// Completes when nothing is queued and no order waits for a create, a lookup, a cancel or the fills of its end: what a shutdown
    /// waits for after the kill switch, so cancels reach Kalshi and their fills the engine before the loop stops. Also completes
    /// when the I/O loop is not running (nothing could settle then).
    /// </summary>
    public Task WaitIdleAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_idleGate)
        {
            if (IsIdle)
            {
                return Task.CompletedTask;
            }

            _idleWaiters.Add(done);
        }

        return done.Task.WaitAsync(ct);
    }

    public FeedHealth GetHealth()
    {
        var health = _connection.GetHealth();
        return health with
        {
            Feed = FeedName,
            StateText = $"{health.StateText}; fills {(_socketUp ? "on the WebSocket" : "polled over REST")}",
            LastError = _lastError ?? health.LastError,
        };
    }

    public void Dispose() => _connection.Dispose();

    async ValueTask IFeedHandler.OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        await connection.SendTextAsync(KalshiCommands.SubscribePrivate(1, [KalshiCommands.FillChannel]), ct).ConfigureAwait(false);
        Enqueue(new Work(WorkKind.SocketUp));
    }

    ParseOutcome IFeedHandler.OnFrame(in RawFrame frame) => _parser.Parse(frame, NoMarketData.Instance);

    void IFeedHandler.OnDisconnected(string reason, long tsNs) => Enqueue(new Work(WorkKind.SocketDown, Text: reason));

    /// <summary>Nothing queued or unsettled, or no loop to settle it (stopped: waiting longer would be waiting forever).</summary>
    private bool IsIdle => !_loopRunning || (Interlocked.Read(ref _pendingWork) == 0 && Volatile.Read(ref _unsettledOrders) == 0);

    private void Enqueue(Work work)
    {
        Interlocked.Increment(ref _pendingWork);
        if (!_work.Writer.TryWrite(work))
        {
            Interlocked.Decrement(ref _pendingWork); // the loop has stopped for good: nothing will read it
        }
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        using var poll = _clock.CreateTimer(_ => Enqueue(new Work(WorkKind.Poll)), null, _options.PollInterval, _options.PollInterval);
        _loopRunning = true;
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await HandleAsync(work, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // A bug in one item must not stop order entry: it is recorded and the loop goes on.
                    _lastError = $"{work.Kind} failed: {ex.Message}";
                }
                finally
                {
                    Interlocked.Decrement(ref _pendingWork);
                    Volatile.Write(ref _unsettledOrders, _orders.Values.Count(o =>
                        o.Phase is KalshiOrderPhase.Creating or KalshiOrderPhase.Unknown or KalshiOrderPhase.Ending || o.CancelInFlight
                        || (o.CancelWanted && o.Phase is KalshiOrderPhase.Live)));
                    ReleaseIdleWaiters();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _loopRunning = false;
            ReleaseIdleWaiters(); // nothing more will happen: whoever waits must not wait forever
        }
    }

    private async Task HandleAsync(Work work, CancellationToken ct)
    {
        switch (work.Kind)
        {
            case WorkKind.Submit:
                await SubmitAsync(work.Request, ct).ConfigureAwait(false);
                break;
            case WorkKind.Cancel:
                await CancelAsync(work.Cancel, ct).ConfigureAwait(false);
                break;
            case WorkKind.Fill:
                OnFill(work.Fill!);
                break;
            case WorkKind.SocketUp:
            case WorkKind.SocketDown:
                await OnSocketAsync(work.Kind == WorkKind.SocketUp, ct).ConfigureAwait(false);
                break;
            case WorkKind.Poll:
                await PollAsync(ct).ConfigureAwait(false);
                break;
            case WorkKind.Wake:
                await WakeAsync(work.Text!, work.Wake, ct).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown work {work.Kind}.");
        }
    }

    private void ReleaseIdleWaiters()
    {
        List<TaskCompletionSource> ready;
        lock (_idleGate)
        {
            if (!IsIdle || _idleWaiters.Count == 0)
            {
                return;
            }

            ready = [.. _idleWaiters];
            _idleWaiters.Clear();
        }

        foreach (var waiter in ready)
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Queues <paramref name="wake"/> for the order after <paramref name="delay"/> on the clock.</summary>
    private void ScheduleWake(string clientOrderId, WakeKind wake, TimeSpan delay)
    {
        ITimer? timer = null;
        timer = _clock.CreateTimer(_ =>
        {
            Enqueue(new Work(WorkKind.Wake, Text: clientOrderId, Wake: wake));
            timer?.Dispose();
        }, null, delay, Timeout.InfiniteTimeSpan);
        RetryScheduled?.Invoke(delay);
    }

    private void Emit(OrderEvent orderEvent) => _events.OnOrderEvent(orderEvent);

    private long Now => _clock.GetUnixNs();

    private enum WorkKind : byte
    {
        Submit,
        Cancel,
        Fill,
        SocketUp,
        SocketDown,
        Poll,
        Wake,
    }

    private enum WakeKind : byte
    {
        Resolve,
        Create,
        Cancel,
    }

    private readonly record struct Work(WorkKind Kind, OrderRequest Request = default, CancelRequest Cancel = default, KalshiFill? Fill = null,
        string? Text = null, WakeKind Wake = default);

    /// <summary>The fill connection carries no market data; anything else the parser meets is dropped here.</summary>
    private sealed class NoMarketData : IMarketDataSink
    {
        public static readonly NoMarketData Instance = new();

        public void OnBookUpdate(BookUpdate update)
        {
        }

        public void OnTrade(in TradeTick trade)
        {
        }

        public void OnQuote(in QuoteTick quote)
        {
        }

        public void OnBookStatus(in BookStatus status)
        {
        }
    }
}
