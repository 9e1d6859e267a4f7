// The configuration a demo runs with: the user's (or the built-in default) with every venue pointed at the simulated
// markets on 127.0.0.1, Kalshi credentials taken from the simulator rather than the environment, and the store in the
// demo's output folder unless the configuration names its own. Enabled flags, risk limits and the dashboard's address
// are kept, so a configuration file can still switch a venue off or move the dashboard.
using Edgewise.Cli.Configuration;
using Edgewise.Simulators.Market;

namespace Edgewise.Cli.Demo;

internal static class DemoConfig
{
    public const string StoreFile = "edgewise.db";

    public static EdgewiseConfig For(EdgewiseConfig config, SimulatedMarkets markets, string outDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(markets);
        var venues = config.Venues;
        var storePath = config.Store.Path == new StoreConfig().Path ? Path.Combine(outDirectory, StoreFile) : config.Store.Path;
        return config with
        {
            Mode = "paper",
            Store = config.Store with { Path = storePath },
            Venues = venues with
            {
                Kalshi = venues.Kalshi with { RestUrl = Text(markets.KalshiRest), WsUrl = Text(markets.KalshiWebSocket), Credentials = null },
                Coinbase = venues.Coinbase with { RestUrl = HttpOrigin(markets.CoinbaseWebSocket), WsUrl = Text(markets.CoinbaseWebSocket) },
                Kraken = venues.Kraken with { RestUrl = HttpOrigin(markets.KrakenWebSocket), WsUrl = Text(markets.KrakenWebSocket) },
                Bitstamp = venues.Bitstamp with { RestUrl = Text(markets.BitstampRest), WsUrl = Text(markets.BitstampWebSocket) },
                BinanceUs = venues.BinanceUs with { RestUrl = Text(markets.BinanceUsRest), WsUrl = Text(markets.BinanceUsWebSocket) },
            },
        };
    }

    private static string Text(Uri uri) => uri.ToString();

    /// <summary>Coinbase and Kraken are WebSocket only here; their REST address is still parsed, so it points at the simulator too.</summary>
    private static string HttpOrigin(Uri ws) => new UriBuilder(ws) { Scheme = Uri.UriSchemeHttp, Path = "/", Query = string.Empty }.Uri.ToString();
}
