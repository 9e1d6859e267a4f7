// The data inputs of a paper run, from the configuration: the enabled spot venues' BTC-USD clients (the same
// construction `edgewise record` uses, so URLs, symbol overrides and Kraken precisions mean the same thing) and the
// Kalshi client's options and credentials (environment variables named by venues.kalshi.credentials; none means the
// WebSocket is refused and the books are polled over REST).
using Edgewise.Cli.Record;
using Edgewise.Core.Instruments;
using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Bitstamp;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Kalshi;
using Edgewise.Venues.Kraken;

namespace Edgewise.Cli.Run;

internal sealed partial class PaperSession
{
    /// <summary>The spot venues' clients, or null when every spot venue is disabled (the index then never becomes usable).</summary>
    private RecordPlan? PlanSpot()
    {
        var enabled = VenueSymbols.Venues.Where(v => VenueSymbols.ConfigOf(v, _config).Config.Enabled).ToList();
        if (enabled.Count == 0)
        {
            return null;
        }

        // RecordPlanner wants an output directory for captures; a paper run records none (NullFrameSink).
        var (plan, errors) = RecordPlanner.Plan(_config, enabled, [SpotSymbol], "unused", _settings.AdjustSpotConnection);
        return errors.Count > 0 || plan is null ? throw new PaperSetupException(string.Join("; ", errors)) : plan;
    }

    private SpotPair SpotInstrument(string venue, string symbol)
    {
        var id = new InstrumentId(venue, symbol);
        return venue switch
        {
            CoinbaseParser.VenueName => CoinbaseInstruments.FromCapture(id),
            KrakenParser.VenueName => KrakenInstruments.FromCapture(id, VenueSymbols.KrakenPrecisions(_config).TryGetValue(symbol, out var p) ? p : null),
            BitstampParser.VenueName => BitstampInstruments.FromCapture(id),
            _ => BinanceUsInstruments.FromCapture(id),
        };
    }

    private KalshiDataOptions KalshiOptions()
    {
        var venue = _config.Venues.Kalshi;
        if (!venue.Enabled)
        {
            throw new PaperSetupException("venues.kalshi.enabled: the BTC binary profiles trade Kalshi; it cannot be disabled for `edgewise run`");
        }

        var options = new KalshiDataOptions
        {
            WebSocketUri = new Uri(venue.WsUrl),
            RestBaseUri = new Uri(venue.RestUrl),
            Pricing = KalshiBookPricing.NoLevelsAtNoPrice,
            IndexIds = [BrtiIndexId], // cfbenchmarks_value: the BRTI prints the proxy is compared with
        };
        return _settings.AdjustKalshi is { } adjust ? adjust(options) : options;
    }

    /// <summary>
    /// Kalshi credentials this session reads (and so owns) from the environment, or null (with a note saying why) when they
    /// are not set or the caller gave its own (PaperSettings.KalshiAuth, which wins).
    /// </summary>
    private KalshiAuth? KalshiCredentials(out string note)
    {
        if (_settings.KalshiAuth is { } given)
        {
            note = $"signing as key {given.KeyId} (given)";
            return null;
        }

        var credentials = _config.Venues.Kalshi.Credentials;
        var keyIdEnv = credentials?.KeyIdEnv;
        var keyFileEnv = credentials?.PrivateKeyFileEnv;
        var keyId = keyIdEnv is null ? null : Environment.GetEnvironmentVariable(keyIdEnv);
        var keyFile = keyFileEnv is null ? null : Environment.GetEnvironmentVariable(keyFileEnv);
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(keyFile))
        {
            note = $"no credentials ({keyIdEnv ?? "venues.kalshi.credentials.keyIdEnv"} or {keyFileEnv ?? "venues.kalshi.credentials.privateKeyFileEnv"} unset): " +
                "the WebSocket will be refused and books polled over REST";
            return null;
        }

        try
        {
            var auth = KalshiAuth.FromPemFile(keyId, keyFile, _clock);
            note = $"signing as key {keyId}";
            return auth;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new PaperSetupException($"{keyFileEnv}: cannot read the Kalshi private key file {keyFile}: {e.Message}", e);
        }
    }
}
