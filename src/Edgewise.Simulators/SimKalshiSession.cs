// One accepted WebSocket on a SimKalshiServer, speaking Kalshi's protocol (FACTS §5.5). It answers the client's commands:
//   subscribe            -> one {"type":"subscribed","msg":{"channel","sid"}} per channel; orderbook_delta then sends each market's
//                           orderbook_snapshot (seq 1), with NO levels in YES terms when use_yes_price was true;
//   update_subscription  -> get_snapshot: a fresh snapshot per market of the sid at its next seq; add_markets/delete_markets;
//   unsubscribe          -> {"type":"unsubscribed","sid"} per sid;
// and lets the test act as the venue: push deltas (applied to the server's book too, so REST and later snapshots agree), tickers,
// trades and cfbenchmarks_value ticks (data as a JSON string), skip seqs (a gap), send error 10/25 (which ends the subscription),
// or drop the connection. Sequenced messages are numbered and sent under one async lock, so seq order is wire order.
// Error codes other than 10/25 are the fake's choice from Kalshi's list [unverified]: 5 unknown command, 7 unknown sid,
// 8 unknown channel, 14 market ticker required.
using System.Net.WebSockets;
using System.Text.Json;

namespace Edgewise.Simulators;

public sealed partial class SimKalshiSession : IDisposable
{
    private const string Orderbook = "orderbook_delta";

    private readonly SimKalshiServer _server;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<SimKalshiCommand> _commands = [];
    private readonly Dictionary<long, SimKalshiSubscription> _subscriptions = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private long _lastSid;
    private Task _loop = Task.CompletedTask;

    internal SimKalshiSession(SimKalshiServer server, SimWebSocketConnection connection, SimKalshiHandshake handshake)
    {
        _server = server;
        Connection = connection;
        Handshake = handshake;
    }

    public SimWebSocketConnection Connection { get; }

    /// <summary>The upgrade this session was accepted with (headers as sent).</summary>
    public SimKalshiHandshake Handshake { get; }

    /// <summary>Completes when the session's command loop has ended (connection closed).</summary>
    public Task Completion => _loop;

    public IReadOnlyList<SimKalshiCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>The subscriptions alive now.</summary>
    public IReadOnlyList<SimKalshiSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Values];
            }
        }
    }

    /// <summary>The sid of the live <paramref name="channel"/> subscription covering <paramref name="ticker"/> (any when null).</summary>
    public long SidOf(string channel, string? ticker = null) =>
        Find(channel, ticker)?.Sid ?? throw new InvalidOperationException($"No live {channel} subscription for {ticker ?? "(any)"}.");

    /// <summary>Waits until the client has subscribed <paramref name="channel"/> for <paramref name="ticker"/> (and its snapshot was sent); returns the sid.</summary>
    public async Task<long> WaitForSubscriptionAsync(string channel, string? ticker = null)
    {
        await WaitUntilAsync(() => Find(channel, ticker) is not null, $"a {channel} subscription for {ticker ?? "(any)"}");
        return SidOf(channel, ticker);
    }

    /// <summary>Waits for the <paramref name="occurrence"/>-th command matching <paramref name="match"/> (handled by then) and returns it.</summary>
    public async Task<SimKalshiCommand> WaitForCommandAsync(Func<SimKalshiCommand, bool> match, string what, int occurrence = 1)
    {
        await WaitUntilAsync(() => Commands.Count(match) >= occurrence, what);
        return Commands.Where(match).ElementAt(occurrence - 1);
    }

    /// <summary>Sends the market's current book as an orderbook_snapshot on its orderbook subscription.</summary>
    public async Task PushSnapshotAsync(string ticker)
    {
        await _send.WaitAsync();
        try
        {
            await SendSnapshotAsync(Require(Orderbook, ticker), ticker);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>
    /// Sends an orderbook_delta: a signed <paramref name="delta"/> ("-5.00") at <paramref name="price"/> on <paramref name="side"/>
    /// (yes|no, the price at that side's own terms, as Kalshi keeps the book), and applies it to the server's book.
    /// </summary>
    public async Task PushDeltaAsync(string ticker, string side, string price, string delta)
    {
        var yes = side switch { "yes" => true, "no" => false, _ => throw new ArgumentException("side is yes or no", nameof(side)) };
        var p = SimKalshiServer.Decimal(price);
        var d = SimKalshiServer.Decimal(delta);
        await _send.WaitAsync();
        try
        {
            var subscription = Require(Orderbook, ticker);
            _server.ApplyDelta(ticker, yes, p, d);
            await SendDeltaAsync(subscription, ticker, yes, p, d, _server.Now.ToUnixTimeMilliseconds());
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Sends a ticker message (no seq) with the given YES bid and ask ("0.4200") and sizes.</summary>
    public Task PushTickerAsync(string ticker, string yesBid, string yesAsk, string bidSize = "10.00", string askSize = "10.00") =>
        SendTickerAsync(ticker, yesBid, yesAsk, bidSize, askSize, _server.Now.ToUnixTimeMilliseconds());

    /// <summary>Sends a public trade: <paramref name="count"/> contracts at YES price <paramref name="yesPrice"/>, the taker on <paramref name="takerSide"/>.</summary>
    public Task PushTradeAsync(string ticker, string yesPrice, string count, string takerSide) =>
        SendTradeAsync(ticker, yesPrice, count, takerSide, _server.Now.ToUnixTimeMilliseconds());

    /// <summary>
    /// Sends a cfbenchmarks_value tick: the raw CF frame {"type":"value","id","time","value"} as a JSON STRING in "data", with
    /// avg_60s_data when <paramref name="average60s"/> is given.
    /// </summary>
    public async Task PushIndexValueAsync(string indexId, string value, long timeMs, string? average60s = null)
    {
        await _send.WaitAsync();
        try
        {
            var subscription = Require("cfbenchmarks_value", null);
            var seq = subscription.NextSeq++;
            var inner = SimKalshiServer.Json(json =>
            {
                json.WriteString("type", "value");
                json.WriteString("id", indexId);
                json.WriteNumber("time", timeMs);
                json.WriteString("value", value);
            });
            await SendAsync(SimKalshiServer.Json(json =>
            {
                json.WriteString("type", "cfbenchmarks_value");
                json.WriteNumber("sid", subscription.Sid);
                json.WriteNumber("seq", seq);
                json.WriteStartObject("msg");
                json.WriteString("index_id", indexId);
                json.WriteNumber("received_at", timeMs + 18);
                json.WriteString("data", inner);
                if (average60s is not null)
                {
                    json.WriteStartObject("avg_60s_data");
                    json.WriteString("value", average60s);
                    json.WriteNumber("window_size", 60);
                    json.WriteNumber("window_start_ts_ms", timeMs - 60_000);
                    json.WriteNumber("window_end_ts_exclusive", timeMs);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }));
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Makes the next sequenced message of <paramref name="sid"/> skip <paramref name="count"/> seqs (a lost message).</summary>
    public void SkipSeq(long sid, int count = 1)
    {
        lock (_gate)
        {
            _subscriptions[sid].NextSeq += count;
        }
    }

    /// <summary>Ends the subscription with an error (10 channel error, 25 …): {"id","type":"error","sid","msg":{"code","msg"}}.</summary>
    public async Task SendErrorAsync(long sid, int code, string message)
    {
        SimKalshiSubscription subscription;
        lock (_gate)
        {
            if (!_subscriptions.Remove(sid, out subscription!))
            {
                throw new InvalidOperationException($"No live subscription {sid}.");
            }
        }

        await SendLockedAsync(ErrorJson(subscription.CommandId, sid, code, message));
    }

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort() => Connection.Abort();

    /// <summary>Releases the send lock; the server calls it once the session's loop has ended.</summary>
    public void Dispose() => _send.Dispose();

    internal void Start() => _loop = Task.Run(RunAsync);

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                string text;
                try
                {
                    text = await Connection.NextMessageAsync(Timeout.InfiniteTimeSpan);
                }
                catch (InvalidOperationException)
                {
                    return; // the connection is over
                }

                SimKalshiCommand command;
                try
                {
                    command = SimKalshiCommand.Parse(text);
                }
                catch (JsonException)
                {
                    await SendLockedAsync(ErrorJson(0, null, 1, "Unable to process message"));
                    continue;
                }

                await _send.WaitAsync();
                try
                {
                    await HandleAsync(command);
                }
                finally
                {
                    _send.Release();
                }

                lock (_gate)
                {
                    _commands.Add(command); // after the replies went out, so a waiter sees the command answered
                    Notify();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection broke while replying: the session is over.
        }
    }

    /// <summary>
    /// One orderbook_delta on the subscription, next in its seq; the price is the side's own (sent in YES terms when the
    /// subscription asked for use_yes_price). Call under the send lock, so seq order is wire order.
    /// </summary>
    private Task SendDeltaAsync(SimKalshiSubscription subscription, string ticker, bool yes, decimal price, decimal delta, long tsMs)
    {
        var wirePrice = !yes && subscription.UseYesPrice ? 1 - price : price;
        var seq = subscription.NextSeq++;
        return SendAsync(SimKalshiServer.Json(json =>
        {
            json.WriteString("type", "orderbook_delta");
            json.WriteNumber("sid", subscription.Sid);
            json.WriteNumber("seq", seq);
            json.WriteStartObject("msg");
            json.WriteString("market_ticker", ticker);
            json.WriteString("market_id", SimKalshiServer.MarketId(ticker));
            json.WriteString("price_dollars", SimKalshiBook.Price(wirePrice));
            json.WriteString("delta_fp", SimKalshiBook.Size(delta));
            json.WriteString("side", yes ? "yes" : "no");
            json.WriteNumber("ts_ms", tsMs);
            json.WriteEndObject();
        }));
    }

    private SimKalshiSubscription? Find(string channel, string? ticker)
    {
        lock (_gate)
        {
            return _subscriptions.Values.FirstOrDefault(s => s.Channel == channel && (ticker is null || s.Tickers.Contains(ticker)));
        }
    }

    private SimKalshiSubscription Require(string channel, string? ticker) =>
        Find(channel, ticker) ?? throw new InvalidOperationException($"No live {channel} subscription for {ticker ?? "(any)"}.");

    private static string ErrorJson(long commandId, long? sid, int code, string message) => SimKalshiServer.Json(json =>
    {
        if (commandId > 0)
        {
            json.WriteNumber("id", commandId);
        }

        json.WriteString("type", "error");
        if (sid is { } s)
        {
            json.WriteNumber("sid", s);
        }

        json.WriteStartObject("msg");
        json.WriteNumber("code", code);
        json.WriteString("msg", message);
        json.WriteEndObject();
    });

    private async Task SendLockedAsync(string text)
    {
        await _send.WaitAsync();
        try
        {
            await SendAsync(text);
        }
        finally
        {
            _send.Release();
        }
    }

    private Task SendAsync(string text) => Connection.SendTextAsync(text);

    /// <summary>Completes once <paramref name="condition"/> holds (checked after every command is answered); times out naming <paramref name="what"/>.</summary>
    public Task WaitUntilAsync(Func<SimKalshiSession, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitUntilAsync(() => condition(this), what);
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition())
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
            throw new TimeoutException(
                $"Timed out on connection #{Connection.Number} waiting for: {what}. Commands: {string.Join(" | ", Commands.Select(c => c.Text))}", ex);
        }
    }

    /// <summary>Re-checks the waiters; call under the lock.</summary>
    private void Notify()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Condition())
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }
}
