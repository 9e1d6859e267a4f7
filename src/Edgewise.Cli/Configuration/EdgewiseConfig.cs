// The whole run configuration, as read from `--config FILE` (JSON, camelCase keys) or the built-in default.
// A file names only what it changes (it is laid over these defaults). Unknown keys are errors (a typo must not
// silently fall back to a default), and every problem names its key.
// Secrets never live here: venues name the environment variables that hold their credentials.
using Edgewise.Engine.Risk;

namespace Edgewise.Cli.Configuration;

internal sealed record EdgewiseConfig
{
    /// <summary>"paper" (the default: live data, simulated fills) or "live" (real orders; also needs --live).</summary>
    public string Mode { get; init; } = "paper";

    /// <summary>Strategy profile name (a file in profiles/), or null when the command needs none.</summary>
    public string? Profile { get; init; }

    public StoreConfig Store { get; init; } = new();

    /// <summary>Pre-trade limits. The built-in values suit the $10-$20 trades of the BTC binary profiles; a file changes only the limits it names, and null switches one off.</summary>
    public RiskLimits Risk { get; init; } = new()
    {
        MaxOrderQuantity = 1_000m,
        MaxNotionalPerInstrument = 100m,
        MaxNotionalPerEvent = 200m,
        MaxNotionalTotal = 500m,
        PriceBandFraction = 0.5m,
        MaxOrdersPerWindow = 10,
        MaxDailyLoss = 100m,
        MaxConsecutiveLosses = 5,
    };

    public KillSwitchConfig KillSwitch { get; init; } = new();

    public VenuesConfig Venues { get; init; } = new();

    public DashboardConfig Dashboard { get; init; } = new();

    public ClockConfig Clock { get; init; } = new();
}

internal sealed record StoreConfig
{
    /// <summary>SQLite file of runs, orders, fills, positions and the ledger.</summary>
    public string Path { get; init; } = "data/edgewise.db";
}

internal sealed record KillSwitchConfig
{
    /// <summary>Whether the kill switch can be triggered (dashboard, signal, risk breach). Live trading requires it.</summary>
    public bool Armed { get; init; } = true;
}

internal sealed record DashboardConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Loopback by default: the dashboard can halt trading.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5000;
}

internal sealed record ClockConfig
{
    /// <summary>Largest tolerated difference between this machine's clock and a venue's (from its HTTP Date header).</summary>
    public TimeSpan MaxSkew { get; init; } = TimeSpan.FromSeconds(2);
}

internal sealed record VenuesConfig
{
    public VenueConfig Kalshi { get; init; } = new()
    {
        RestUrl = "https://external-api.kalshi.com/trade-api/v2",
        WsUrl = "wss://external-api-ws.kalshi.com/trade-api/ws/v2",
        Credentials = new CredentialsConfig { KeyIdEnv = "KALSHI_KEY_ID", PrivateKeyFileEnv = "KALSHI_PRIVATE_KEY_FILE" },
    };

    public VenueConfig Coinbase { get; init; } = new()
    {
        RestUrl = "https://api.coinbase.com/api/v3/brokerage",
        WsUrl = "wss://advanced-trade-ws.coinbase.com",
    };

    public VenueConfig Kraken { get; init; } = new()
    {
        RestUrl = "https://api.kraken.com/0",
        WsUrl = "wss://ws.kraken.com/v2",
    };

    public VenueConfig Bitstamp { get; init; } = new()
    {
        RestUrl = "https://www.bitstamp.net/api/v2",
        WsUrl = "wss://ws.bitstamp.net",
    };

    public VenueConfig BinanceUs { get; init; } = new()
    {
        RestUrl = "https://api.binance.us",
        WsUrl = "wss://stream.binance.us:9443",
    };

    /// <summary>The venues with their config keys, in a fixed order.</summary>
    public IEnumerable<(string Key, VenueConfig Venue)> All() =>
    [
        ("venues.kalshi", Kalshi), ("venues.coinbase", Coinbase), ("venues.kraken", Kraken), ("venues.bitstamp", Bitstamp),
        ("venues.binanceUs", BinanceUs),
    ];
}

internal sealed record VenueConfig
{
    public bool Enabled { get; init; } = true;

    public string RestUrl { get; init; } = string.Empty;

    public string WsUrl { get; init; } = string.Empty;

    /// <summary>Where the credentials are, when the venue needs them; null for public market data only.</summary>
    public CredentialsConfig? Credentials { get; init; }

    /// <summary>
    /// The venue's own symbol for a canonical one ("BTC-USD": "BTCUSDT" on binanceUs), where the default mapping of
    /// `edgewise record --symbols` is not wanted (Cli/Record/VenueSymbols says what the defaults are).
    /// </summary>
    public IReadOnlyDictionary<string, string> Symbols { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Kraken only: the price and qty decimals of each symbol ("ETH/USD": {"price": 2, "qty": 8}), which its book checksum
    /// needs (AssetPairs pair_decimals and lot_decimals). BTC/USD (1 and 8) is built in; entries here add to it or replace it.
    /// </summary>
    public IReadOnlyDictionary<string, PrecisionConfig> Precisions { get; init; } = new Dictionary<string, PrecisionConfig>();
}

/// <summary>Decimals a venue prints a symbol's prices and quantities with.</summary>
internal sealed record PrecisionConfig
{
    public required int Price { get; init; }

    public required int Qty { get; init; }
}

/// <summary>Names of environment variables holding a venue's credentials (the values are never in config or logs).</summary>
internal sealed record CredentialsConfig
{
    public string? KeyIdEnv { get; init; }

    /// <summary>Environment variable holding the path of a PEM private key file.</summary>
    public string? PrivateKeyFileEnv { get; init; }
}
