using System.Security.Cryptography;
using Edgewise.Cli.Backtest;
using Edgewise.Simulators;
using Edgewise.Storage.Store;
using Edgewise.Tests.Faults;

namespace Edgewise.Tests.Reliability;

/// <summary>
/// What an `edgewise run` child needs: a fake Kalshi on 127.0.0.1 (system clock, one KXBTC15M market open for the next
/// 10 minutes; no credentials, so the child polls its book over REST) and a configuration file pointing at it, with
/// the store in a temporary directory and every spot venue off (no index: the strategy never trades).
/// </summary>
internal sealed class PaperRunSetup : IAsyncDisposable
{
    public const string Profile = "kalshi-btc-v6";

    private PaperRunSetup(string directory, SimKalshiServer kalshi)
    {
        Directory = directory;
        Kalshi = kalshi;
        StorePath = Path.Combine(directory, "store", "edgewise.db");
        ConfigPath = Path.Combine(directory, "config.json");
        OutDirectory = Path.Combine(directory, "out");
    }

    public string Directory { get; }

    public SimKalshiServer Kalshi { get; }

    public string StorePath { get; }

    public string ConfigPath { get; }

    public string OutDirectory { get; }

    public static string ProfileSha256 => ProfileLocator.Load(Profile, AppContext.BaseDirectory).Sha256;

    public string ResultsPath => Path.Combine(OutDirectory, "results.json");

    public static async Task<PaperRunSetup> CreateAsync(string directory)
    {
        using var key = RSA.Create(2048);
        var kalshi = await SimKalshiServer.StartAsync(key, "test-key");
        var close = DateTimeOffset.UtcNow.AddMinutes(10);
        var market = SimKalshiMarket.Btc15m(new DateTimeOffset(close.Year, close.Month, close.Day, close.Hour, close.Minute, 0, TimeSpan.Zero), 96_000m);
        kalshi.AddMarket(market);
        kalshi.SetBook(market.Ticker, [("0.4200", "13.00")], [("0.5600", "17.00")]);
        var setup = new PaperRunSetup(directory, kalshi);
        File.WriteAllText(setup.ConfigPath, $$"""
            {
              "store": { "path": "{{Escape(setup.StorePath)}}" },
              "dashboard": { "enabled": false },
              "venues": {
                "kalshi": {
                  "restUrl": "{{kalshi.RestBaseUri}}",
                  "wsUrl": "{{kalshi.WebSocketUri}}",
                  "credentials": { "keyIdEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_ID", "privateKeyFileEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_FILE" }
                },
                "coinbase": { "enabled": false },
                "kraken": { "enabled": false },
                "bitstamp": { "enabled": false },
                "binanceUs": { "enabled": false }
              }
            }
            """);
        return setup;
    }

    /// <summary>Starts `edgewise run` on paper against the fake and waits until its loop runs.</summary>
    public async Task<EdgewiseChild> StartRunAsync()
    {
        var child = EdgewiseChild.Start(Directory, "run", "--config", ConfigPath, "--profile", Profile, "--out", OutDirectory, "--no-dashboard");
        await child.WaitForAsync("edgewise run: running until Ctrl+C");
        return child;
    }

    /// <summary>The signal to ask for an orderly stop: SIGINT, or SIGTERM when the child inherited SIGINT as ignored.</summary>
    public static string StopSignal(EdgewiseChild child) => child.IgnoresSigint() ? "TERM" : "INT";

    public StoreAudit Audit() => StoreAudit.Of(StorePath);

    public StoreReader Reader() => StoreReader.Open(StorePath);

    public async ValueTask DisposeAsync()
    {
        await Kalshi.DisposeAsync();
    }

    private static string Escape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
}
