// The demo's simulated world: Coinbase, Kraken, Bitstamp and Binance.US spot venues and Kalshi, each on its own 127.0.0.1 port
// speaking the real protocol the way our live data clients expect it, all driven by one seeded MarketGenerator.
//   Time: the generator steps on a fixed 100 ms grid of options.Clock. A timer on that clock (period 100 ms) catches the world up
//   to the clock's now, one step at a time, under one lock; client messages and REST requests are answered under the same lock,
//   between steps. Nothing reads another clock, sleeps or waits on a socket inside a step (frames go to per-connection outboxes),
//   so the same seed and the same sequence of clock times give the same frames, whether the clock is the demo's accelerated one
//   or a test's manual one.
//   Per step: the outage planner may start a feed outage; each spot venue moves its book towards the true price (its own basis
//   and noise), maybe trades, and publishes; Kalshi lists, strikes, settles, moves its lagging books, prints the index and may
//   flash-crash (see KalshiSim). What was injected is counted in Stats and described through FaultInjected.
//   URLs: drop-in values for the configuration's venue URLs (see docs/design-notes.md, "Simulated markets for the demo").
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Edgewise.Core.Time;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Simulators.Market;

/// <summary>
/// The four BTC spot venues (Coinbase, Kraken, Bitstamp, Binance.US) and Kalshi, simulated on 127.0.0.1 and speaking their
/// real protocols, all driven by one seeded market generator on <see cref="SimulatedMarketsOptions.Clock"/>.
/// </summary>
public sealed class SimulatedMarkets : IAsyncDisposable
{
    private static readonly TimeSpan StepInterval = TimeSpan.FromTicks(MarketGenerator.StepNs / 100);

    private readonly Lock _world = new();
    private readonly SimulatedMarketsOptions _options;
    private readonly MarketGenerator _generator;
    private readonly FeedOutagePlanner _outages;
    private readonly RSA _key;
    private readonly List<string> _faults = [];
    private SpotVenueSim[] _spots = [];
    private KalshiSim _kalshi = null!;
    private ITimer? _timer;
    private int _stepping;
    private bool _disposed;

    private SimulatedMarkets(SimulatedMarketsOptions options, RSA key)
    {
        _options = options;
        _key = key;
        var now = options.Clock.GetUnixNs();
        _generator = new MarketGenerator(options.Seed, options.StartPrice, now / MarketGenerator.StepNs * MarketGenerator.StepNs);
        _outages = new FeedOutagePlanner(SeedFor(5), options.FeedOutages, _generator.NowNs);
    }

    /// <summary>Something was injected or decided (an outage, a flash crash, a settlement), in words; raised on the stepping thread, outside the lock.</summary>
    public event Action<string>? FaultInjected;

    /// <summary>ws://127.0.0.1:port (Advanced Trade market data).</summary>
    public Uri CoinbaseWebSocket => Coinbase.Server.WebSocketUri;

    /// <summary>http://127.0.0.1:port/ of the Coinbase venue (no REST is simulated: every path answers 404); for a config's restUrl.</summary>
    public Uri CoinbaseRest => Coinbase.Server.HttpUri;

    /// <summary>ws://127.0.0.1:port/v2</summary>
    public Uri KrakenWebSocket => new(Kraken.Server.WebSocketUri, "/v2");

    /// <summary>http://127.0.0.1:port/ of the Kraken venue (no REST is simulated); for a config's restUrl.</summary>
    public Uri KrakenRest => Kraken.Server.HttpUri;

    /// <summary>ws://127.0.0.1:port</summary>
    public Uri BitstampWebSocket => Bitstamp.Server.WebSocketUri;

    /// <summary>http://127.0.0.1:port/ (the client asks for /api/v2/order_book/btcusd/ from the host root).</summary>
    public Uri BitstampRest => Bitstamp.Server.HttpUri;

    /// <summary>ws://127.0.0.1:port (the client adds /stream?streams=...).</summary>
    public Uri BinanceUsWebSocket => BinanceUs.Server.WebSocketUri;

    /// <summary>http://127.0.0.1:port/ (the client asks for /api/v3/depth?symbol=...).</summary>
    public Uri BinanceUsRest => BinanceUs.Server.HttpUri;

    /// <summary>http://127.0.0.1:port/trade-api/v2</summary>
    public Uri KalshiRest => _kalshi.Server.RestBaseUri;

    /// <summary>ws://127.0.0.1:port/trade-api/ws/v2</summary>
    public Uri KalshiWebSocket => _kalshi.Server.WebSocketUri;

    /// <summary>The key id the simulated Kalshi accepts.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the world's instance surface the demo reads with the URLs.")]
    public string KalshiKeyId => KalshiSim.KeyId;

    /// <summary>A key pair made at start for this run only (the simulated Kalshi holds the public half). Disposed with this object.</summary>
    public RSA KalshiPrivateKey => _key;

    /// <summary>The generator's true BTC price now.</summary>
    public decimal BtcPrice
    {
        get
        {
            lock (_world)
            {
                return _generator.Price;
            }
        }
    }

    /// <summary>Faults injected so far (flash crashes, feed outages), for the demo's summary.</summary>
    public SimulatedMarketsStats Stats
    {
        get
        {
            lock (_world)
            {
                return new SimulatedMarketsStats(_generator.Steps / MarketGenerator.StepsPerSecond, _kalshi.MarketsListed, _kalshi.MarketsSettled,
                    _kalshi.FlashCrashes, _outages.Count);
            }
        }
    }

    internal MarketGenerator Generator => _generator;

    internal Lock World => _world;

    internal KalshiSim Kalshi => _kalshi;

    internal SpotVenueSim Coinbase => _spots[0];

    internal SpotVenueSim Kraken => _spots[1];

    internal SpotVenueSim Bitstamp => _spots[2];

    internal SpotVenueSim BinanceUs => _spots[3];

    internal IReadOnlyList<SpotVenueSim> Spots => _spots;

    /// <summary>Starts every venue and the generator; the venues answer as soon as this returns.</summary>
    public static async Task<SimulatedMarkets> StartAsync(SimulatedMarketsOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Clock, nameof(options.Clock));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StartPrice, 0m, nameof(options.StartPrice));
        var markets = new SimulatedMarkets(options, RSA.Create(2048));
        try
        {
            var world = markets._world;
            markets._spots =
            [
                new CoinbaseSim(markets.SeedFor(1), world),
                new KrakenSim(markets.SeedFor(2), world),
                new BitstampSim(markets.SeedFor(3), world),
                new BinanceUsSim(markets.SeedFor(4), world),
            ];
            foreach (var spot in markets._spots)
            {
                ct.ThrowIfCancellationRequested();
                await spot.StartAsync();
            }

            ct.ThrowIfCancellationRequested();
            markets._kalshi = await KalshiSim.StartAsync(markets._key, options.Clock, markets.SeedFor(6), options.FlashCrashes);
            lock (markets._world)
            {
                markets.StepWorld(); // the books and markets of the starting point exist before any client connects
            }

            markets.CatchUp();
            markets._timer = options.Clock.CreateTimer(static state => ((SimulatedMarkets)state!).CatchUp(), markets, StepInterval, StepInterval);
            return markets;
        }
        catch
        {
            await markets.DisposeAsync();
            throw;
        }
    }

    /// <summary>Credentials for a Kalshi client of this world (its own copy of the key, so disposing it leaves this one intact).</summary>
    public KalshiAuth CreateKalshiAuth(TimeProvider clock)
    {
        var copy = RSA.Create();
        copy.ImportParameters(_key.ExportParameters(includePrivateParameters: true));
        return new KalshiAuth(KalshiKeyId, copy, clock);
    }

    /// <summary>The private key as PKCS#8 PEM, for a client configured with a key file.</summary>
    public string ExportKalshiPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    public async ValueTask DisposeAsync()
    {
        lock (_world)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer?.Dispose();
        foreach (var spot in _spots)
        {
            await spot.DisposeAsync();
        }

        if (_kalshi is not null)
        {
            await _kalshi.DisposeAsync();
        }

        _key.Dispose();
    }

    /// <summary>Completes once every frame and broadcast queued so far has been handed to the sockets.</summary>
    internal Task DrainAsync()
    {
        var waits = _spots.Select(s => s.DrainAsync()).ToList();
        waits.Add(_kalshi.DrainAsync());
        return Task.WhenAll(waits);
    }

    /// <summary>Starts an outage of one spot venue now (tests; the planner does this on its own when FeedOutages is on).</summary>
    internal void BeginOutage(SpotVenueSim venue, bool silent, TimeSpan duration)
    {
        lock (_world)
        {
            _outages.Begin(venue, silent, duration.Ticks * 100, _generator.NowNs, _faults);
        }

        RaiseFaults();
    }

    /// <summary>Takes every step due by the clock's now. A call while another is stepping returns at once (that one catches up).</summary>
    private void CatchUp()
    {
        if (Interlocked.Exchange(ref _stepping, 1) == 1)
        {
            return;
        }

        try
        {
            lock (_world)
            {
                var now = _options.Clock.GetUnixNs();
                while (!_disposed && _generator.NowNs + MarketGenerator.StepNs <= now)
                {
                    _generator.Step();
                    StepWorld();
                }
            }
        }
        finally
        {
            Volatile.Write(ref _stepping, 0);
        }

        RaiseFaults();
    }

    /// <summary>The venues follow the generator's new state (under the world lock).</summary>
    private void StepWorld()
    {
        _outages.Step(_generator.NowNs, _spots, _faults);
        foreach (var spot in _spots)
        {
            spot.Step(_generator);
        }

        _kalshi.Step(_generator, _faults);
    }

    private void RaiseFaults()
    {
        string[] faults;
        lock (_world)
        {
            faults = [.. _faults];
            _faults.Clear();
        }

        foreach (var fault in faults)
        {
            FaultInjected?.Invoke(fault);
        }
    }

    /// <summary>An independent seed per component, derived from the run's seed.</summary>
    private int SeedFor(int component) => unchecked((_options.Seed * 7919) + (component * 104_729));
}
