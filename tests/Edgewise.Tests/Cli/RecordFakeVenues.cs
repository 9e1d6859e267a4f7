using Edgewise.Cli.Configuration;
using Edgewise.Simulators;

namespace Edgewise.Tests.Cli;

/// <summary>Fake Coinbase, Kraken, Bitstamp and Binance.US venues on 127.0.0.1, and a configuration file pointing the recorder at them.</summary>
internal sealed class RecordFakeVenues : IAsyncDisposable
{
    private RecordFakeVenues(SimVenueServer coinbase, SimVenueServer kraken, SimVenueServer bitstamp, SimVenueServer binance)
    {
        Coinbase = coinbase;
        Kraken = kraken;
        Bitstamp = bitstamp;
        BinanceUs = binance;
    }

    public SimVenueServer Coinbase { get; }

    public SimVenueServer Kraken { get; }

    public SimVenueServer Bitstamp { get; }

    public SimVenueServer BinanceUs { get; }

    public static async Task<RecordFakeVenues> StartAsync() =>
        new(await SimVenueServer.StartAsync(), await SimVenueServer.StartAsync(), await SimVenueServer.StartAsync(), await SimVenueServer.StartAsync());

    /// <summary>The configuration a user would write for a staging setup: URLs only, everything else built in.</summary>
    public string ConfigJson() => $$"""
        {
          "venues": {
            "coinbase": { "wsUrl": "{{Coinbase.WebSocketUri}}" },
            "kraken": { "wsUrl": "{{new Uri(Kraken.WebSocketUri, "/v2")}}" },
            "bitstamp": { "wsUrl": "{{Bitstamp.WebSocketUri}}", "restUrl": "{{new Uri(Bitstamp.HttpUri, "/api/v2")}}" },
            "binanceUs": { "wsUrl": "{{BinanceUs.WebSocketUri}}", "restUrl": "{{BinanceUs.HttpUri}}" }
          }
        }
        """;

    public EdgewiseConfig Config()
    {
        var loaded = ConfigLoader.Parse(ConfigJson(), "test config");
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded.Config!;
    }

    public async ValueTask DisposeAsync()
    {
        await Coinbase.DisposeAsync();
        await Kraken.DisposeAsync();
        await Bitstamp.DisposeAsync();
        await BinanceUs.DisposeAsync();
    }
}
