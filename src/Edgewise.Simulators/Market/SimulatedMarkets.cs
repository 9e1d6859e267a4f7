// CONTRACT SKELETON (session 2): the demo's simulated world. The generator helper implements it; the demo command is
// written against exactly this surface. Replace this comment with the design note when implemented.
using System.Security.Cryptography;

namespace Edgewise.Simulators.Market;

/// <summary>
/// The four BTC spot venues (Coinbase, Kraken, Bitstamp, Binance.US) and Kalshi, simulated on 127.0.0.1 and speaking their
/// real protocols, all driven by one seeded market generator on <see cref="SimulatedMarketsOptions.Clock"/>.
/// </summary>
public sealed class SimulatedMarkets : IAsyncDisposable
{
    private SimulatedMarkets()
    {
    }

    /// <summary>Starts every venue and the generator; the venues answer as soon as this returns.</summary>
    public static Task<SimulatedMarkets> StartAsync(SimulatedMarketsOptions options, CancellationToken ct) =>
        throw new NotImplementedException("SimulatedMarkets is a contract skeleton until the generator lands");

    public Uri CoinbaseWebSocket => throw new NotImplementedException();

    public Uri KrakenWebSocket => throw new NotImplementedException();

    public Uri BitstampWebSocket => throw new NotImplementedException();

    public Uri BitstampRest => throw new NotImplementedException();

    public Uri BinanceUsWebSocket => throw new NotImplementedException();

    public Uri BinanceUsRest => throw new NotImplementedException();

    /// <summary>http://127.0.0.1:port/trade-api/v2</summary>
    public Uri KalshiRest => throw new NotImplementedException();

    /// <summary>ws://127.0.0.1:port/trade-api/ws/v2</summary>
    public Uri KalshiWebSocket => throw new NotImplementedException();

    /// <summary>The key id the simulated Kalshi accepts.</summary>
    public string KalshiKeyId => throw new NotImplementedException();

    /// <summary>A key pair made at start for this run only (the simulated Kalshi holds the public half).</summary>
    public RSA KalshiPrivateKey => throw new NotImplementedException();

    /// <summary>The generator's true BTC price now.</summary>
    public decimal BtcPrice => throw new NotImplementedException();

    /// <summary>Faults injected so far (flash crashes, feed outages), for the demo's summary.</summary>
    public SimulatedMarketsStats Stats => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
