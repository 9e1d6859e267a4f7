// The simulated Kalshi of the demo: a SimKalshiServer (REST, and the WebSocket whose RSA-PSS signed upgrade it verifies) whose
// KXBTC15M markets, books, trades and BRTI prints come from the market generator, step by step under the world lock.
//   Listing: the window the clock is in and the next one are listed at all times (the next one appears when the current one
//   opens, so a tracker can subscribe it ahead of the switch). A window's strike is the average of the minute of index prints
//   before it opens, which is only known at the open: until then it is listed without strike_type/floor_strike (a client
//   estimates the strike itself meanwhile); the very first window, already running at start, gets the price at start rounded to
//   the dollar. At the close the 60-second average before it decides the result (yes when at least the strike); the market shows
//   it as finalized (status filter "settled", with expiration_value) five seconds later.
//   Books: KalshiWindow moves each open window's book towards the makers' lagging price; deltas are applied to the server's book
//   once and broadcast (in order, by one pump task, since the step must not wait on sockets) to every session subscribed, each
//   skipping what its snapshot already held. Tickers (on a change of the touch, at most once a second), public trades and one
//   cfbenchmarks_value print a second (with avg_60s_data once a minute of prints exists) go the same way.
//   Flash crashes (when enabled): about one every six minutes, in the window being traded, away from its first and last minutes.
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Threading.Channels;
using Edgewise.Core.Time;

namespace Edgewise.Simulators.Market;

internal sealed class KalshiSim : IAsyncDisposable
{
    public const string KeyId = "demo-key";
    public const string IndexId = "BRTI";

    private const long WindowNs = 15 * 60 * MarketGenerator.SecondNs;
    private const long SettleDelayNs = 5 * MarketGenerator.SecondNs;
    private const int MaxQueued = 500_000;
    private const double FlashCrashesPerSecond = 1.0 / 360;

    private readonly Random _rng;
    private readonly bool _flashCrashes;
    private readonly SortedDictionary<long, KalshiWindow> _windows = [];
    private readonly List<(bool Yes, decimal Price, decimal Delta)> _deltas = [];
    private readonly Dictionary<string, ((decimal, decimal) Touch, long AtNs)> _tickers = new(StringComparer.Ordinal);
    private readonly Channel<Func<SimKalshiSession, Task>> _outbox = Channel.CreateBounded<Func<SimKalshiSession, Task>>(
        new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly Lock _pendingGate = new();
    private long _pending;
    private TaskCompletionSource? _idle;
    private Task _pump = Task.CompletedTask;

    private KalshiSim(SimKalshiServer server, int seed, bool flashCrashes)
    {
        Server = server;
        _rng = new Random(seed);
        _flashCrashes = flashCrashes;
    }

    public SimKalshiServer Server { get; }

    public int MarketsListed { get; private set; }

    public int MarketsSettled { get; private set; }

    public int FlashCrashes { get; private set; }

    public IEnumerable<KalshiWindow> Windows => _windows.Values;

    public static async Task<KalshiSim> StartAsync(RSA key, TimeProvider clock, int seed, bool flashCrashes)
    {
        var sim = new KalshiSim(await SimKalshiServer.StartAsync(key, KeyId, clock), seed, flashCrashes);
        sim._pump = sim.PumpAsync();
        return sim;
    }

    /// <summary>One generator step (under the world lock): listing, strikes, settlement, books, trades, prints, crashes.</summary>
    public void Step(MarketGenerator generator, List<string> faults)
    {
        var now = generator.NowNs;
        var onSecond = now % MarketGenerator.SecondNs == 0;
        List(generator, now);
        foreach (var window in _windows.Values)
        {
            if (window.Settled)
            {
                continue;
            }

            if (now >= window.CloseNs)
            {
                Settle(window, generator, faults);
                continue;
            }

            if (!window.Market.StrikeListed && now >= window.OpenNs)
            {
                var openSecond = window.OpenNs / MarketGenerator.SecondNs;
                var strike = generator.Average(openSecond - KalshiFairValue.AveragingSeconds, openSecond).Average ?? decimal.Round(generator.Price, 0);
                window.Market = window.Market with { StrikeListed = true, FloorStrike = strike };
                Server.AddMarket(window.Market);
            }

            if (window.Crash is { } crash && crash.IsOverAt(now))
            {
                window.Crash = null;
            }

            var open = now >= window.OpenNs;
            window.Update(open ? Fair(window, generator, now) : 0.5, now, open ? 0.01 : 0.02, _deltas);
            if (open && _rng.NextDouble() < 0.02)
            {
                var buysYes = _rng.Next(2) == 0;
                if (window.Trade(buysYes, 1 + _rng.Next(40), _deltas) is { } trade)
                {
                    var tradeMs = now / 1_000_000;
                    Enqueue(s => s.BroadcastTradeAsync(window.Ticker, trade.YesPrice, trade.Count, buysYes, tradeMs));
                }
            }

            Flush(window, now);
            if (onSecond)
            {
                Ticker(window, now);
            }
        }

        if (onSecond)
        {
            PrintIndex(generator, now);
            MaybeCrash(now, faults);
        }
    }

    /// <summary>Completes once every broadcast queued so far has been handed to the sessions.</summary>
    public Task DrainAsync()
    {
        lock (_pendingGate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await Server.DisposeAsync();
        await _pump.WaitAsync(SimVenueServer.DefaultTimeout);
    }

    /// <summary>Lists the window the step is in and the next one, when they are not listed yet.</summary>
    private void List(MarketGenerator generator, long now)
    {
        var currentClose = ((now / WindowNs) + 1) * WindowNs;
        foreach (var close in (ReadOnlySpan<long>)[currentClose, currentClose + WindowNs])
        {
            if (_windows.ContainsKey(close))
            {
                continue;
            }

            var first = _windows.Count == 0;
            var market = SimKalshiMarket.Btc15m(UnixTime.FromUnixNs(close), first ? decimal.Round(generator.Price, 0) : 0m) with { StrikeListed = first };
            _windows.Add(close, new KalshiWindow(market, 5 + (15 * _rng.NextDouble()), new Random(_rng.Next())));
            Server.AddMarket(market);
            MarketsListed++;
        }
    }

    private void Settle(KalshiWindow window, MarketGenerator generator, List<string> faults)
    {
        var closeSecond = window.CloseNs / MarketGenerator.SecondNs;
        var value = generator.Average(closeSecond - KalshiFairValue.AveragingSeconds, closeSecond).Average ?? generator.Price;
        var strike = window.Strike ?? value;
        var result = value >= strike ? "yes" : "no";
        window.Market = window.Market with
        {
            StrikeListed = true,
            FloorStrike = strike,
            Result = result,
            ExpirationValue = value,
            SettledAt = window.Market.CloseTime + TimeSpan.FromTicks(SettleDelayNs / 100),
        };
        Server.AddMarket(window.Market);
        MarketsSettled++;
        faults.Add(string.Create(CultureInfo.InvariantCulture, $"kalshi {window.Ticker} settled {result}: 60 s average {value} vs strike {strike}"));
    }

    /// <summary>The makers' price: fair value of the index as they saw it <see cref="KalshiWindow.LagSeconds"/> ago.</summary>
    private static double Fair(KalshiWindow window, MarketGenerator generator, long now)
    {
        var lagNs = (long)(window.LagSeconds * MarketGenerator.SecondNs);
        var secondsToClose = (window.CloseNs - now) / (double)MarketGenerator.SecondNs;
        var closeSecond = window.CloseNs / MarketGenerator.SecondNs;
        var (knownSum, known) = secondsToClose < KalshiFairValue.AveragingSeconds
            ? generator.Sum(closeSecond - KalshiFairValue.AveragingSeconds, Math.Min(closeSecond, ((now - lagNs) / MarketGenerator.SecondNs) + 1))
            : (0m, 0);
        return KalshiFairValue.Probability(generator.PriceAgo(lagNs), window.Strike!.Value, secondsToClose, generator.SigmaPerSqrtSecond, knownSum, known);
    }

    private void Flush(KalshiWindow window, long now)
    {
        var ms = now / 1_000_000;
        foreach (var (yes, price, delta) in _deltas)
        {
            var version = Server.ApplyDelta(window.Ticker, yes, price, delta);
            Enqueue(s => s.BroadcastDeltaAsync(window.Ticker, yes, price, delta, version, ms));
        }

        _deltas.Clear();
    }

    /// <summary>A ticker when the touch changed since the last one, and at least every ten seconds.</summary>
    private void Ticker(KalshiWindow window, long now)
    {
        var touch = window.Touch;
        if (_tickers.TryGetValue(window.Ticker, out var last) && last.Touch == touch && now - last.AtNs < 10 * MarketGenerator.SecondNs)
        {
            return;
        }

        _tickers[window.Ticker] = (touch, now);
        var bidSize = window.Yes.Count == 0 ? 0m : window.Yes.Last().Value;
        var askSize = window.No.Count == 0 ? 0m : window.No.Last().Value;
        var ms = now / 1_000_000;
        Enqueue(s => s.BroadcastTickerAsync(window.Ticker, touch.Bid, touch.Ask, bidSize, askSize, ms));
    }

    private void PrintIndex(MarketGenerator generator, long now)
    {
        var second = now / MarketGenerator.SecondNs;
        if (!generator.TryGetPrint(second, out var value))
        {
            return;
        }

        var (average, prints) = generator.Average(second - KalshiFairValue.AveragingSeconds, second);
        var averageText = prints == KalshiFairValue.AveragingSeconds ? SimWire.Fixed(average!.Value, 2) : null;
        var valueText = SimWire.Fixed(value, 2);
        var ms = second * 1000;
        Enqueue(s => s.BroadcastIndexValueAsync(IndexId, valueText, ms, averageText));
    }

    private void MaybeCrash(long now, List<string> faults)
    {
        if (!_flashCrashes || _rng.NextDouble() >= FlashCrashesPerSecond)
        {
            return;
        }

        var window = _windows.Values.FirstOrDefault(w => now >= w.OpenNs + (60 * MarketGenerator.SecondNs) && now < w.CloseNs - (120 * MarketGenerator.SecondNs));
        if (window is null || window.Crash is not null || window.BookProbability is < 0.25 or > 0.75)
        {
            return;
        }

        window.Crash = new KalshiFlashCrash(now, _rng.Next(2) == 0, 0.22 + (0.13 * _rng.NextDouble()));
        FlashCrashes++;
        faults.Add(string.Create(CultureInfo.InvariantCulture,
            $"kalshi {window.Ticker} flash crash: {(window.Crash.YesSide ? "YES" : "NO")} down {window.Crash.Depth:P0} for about 10 s, BTC unchanged"));
    }

    /// <summary>Queues a broadcast; when the queue is full every session is dropped (each reconnects and resyncs) rather than skipping data.</summary>
    private void Enqueue(Func<SimKalshiSession, Task> send)
    {
        lock (_pendingGate)
        {
            _pending++;
        }

        if (!_outbox.Writer.TryWrite(send))
        {
            Done();
            foreach (var session in Server.Sessions)
            {
                session.Abort();
            }
        }
    }

    private void Done()
    {
        TaskCompletionSource? idle = null;
        lock (_pendingGate)
        {
            if (--_pending == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult();
    }

    private async Task PumpAsync()
    {
        await Task.Yield();
        await foreach (var send in _outbox.Reader.ReadAllAsync())
        {
            foreach (var session in Server.Sessions)
            {
                if (session.Connection.Closed.IsCompleted)
                {
                    continue;
                }

                try
                {
                    await send(session);
                }
                catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
                {
                    // The session ended (or its subscription went) while this was sent: nothing to deliver to it.
                }
            }

            Done();
        }
    }
}
