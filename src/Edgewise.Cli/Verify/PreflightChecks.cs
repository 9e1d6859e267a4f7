// The pre-flight checks users run before trading (`edgewise verify`): configuration, credentials, clock, the store
// (Verify/StoreCheck: readable, sound, books reconcile, what a restart would resume), feeds, risk limits, kill switch.
// Each check returns rows; nothing here
// prints or logs a credential's value, only whether it is present and usable. Paper mode tolerates what live
// mode does not (an unreachable feed, missing credentials) as WARN, because paper trading can still run on the
// data it does get; live mode makes those FAIL.
using System.Net.Sockets;
using Edgewise.Cli.Configuration;
using Edgewise.Core.Time;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Cli.Verify;

internal sealed class PreflightChecks(TimeProvider clock, Func<string, string?> environment, TimeSpan connectTimeout)
{
    private static readonly DateTimeOffset EarliestSaneTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<IReadOnlyList<CheckResult>> RunAsync(ConfigResult loaded, CancellationToken ct)
    {
        var rows = new List<CheckResult>();
        if (!loaded.IsValid)
        {
            rows.AddRange(loaded.Errors.Select(e => new CheckResult("configuration", CheckStatus.Fail, e)));
            return rows;
        }

        var config = loaded.Config!;
        var live = config.Mode == "live";
        rows.Add(new CheckResult("configuration", CheckStatus.Pass, $"{loaded.Source} (mode {config.Mode})"));
        rows.AddRange(Credentials(config, live));
        rows.Add(Clock());
        rows.Add(StoreCheck.Run(config.Store.Path, clock.GetUnixNs()));
        rows.AddRange(await FeedsAsync(config, live, ct));
        rows.Add(Risk(config, live));
        rows.Add(KillSwitch(config, live));
        return rows;
    }

    private IEnumerable<CheckResult> Credentials(EdgewiseConfig config, bool live)
    {
        foreach (var (key, venue) in config.Venues.All())
        {
            if (!venue.Enabled || venue.Credentials is not { } credentials)
            {
                continue;
            }

            var name = $"credentials {key}";
            var keyId = credentials.KeyIdEnv is { } idEnv ? environment(idEnv) : null;
            var keyFile = credentials.PrivateKeyFileEnv is { } fileEnv ? environment(fileEnv) : null;
            var missing = new List<string>();
            if (credentials.KeyIdEnv is not null && string.IsNullOrWhiteSpace(keyId))
            {
                missing.Add($"${credentials.KeyIdEnv}");
            }

            if (credentials.PrivateKeyFileEnv is not null && string.IsNullOrWhiteSpace(keyFile))
            {
                missing.Add($"${credentials.PrivateKeyFileEnv}");
            }

            if (missing.Count > 0)
            {
                // Kalshi's WebSocket needs a signed handshake even for market data; without a key, paper mode falls back to REST polling.
                yield return new CheckResult(name, live ? CheckStatus.Fail : CheckStatus.Warn,
                    $"not set: {string.Join(", ", missing)}" + (live ? string.Empty : " (market data will use REST polling)"));
                continue;
            }

            yield return KeyFile(name, keyId!, keyFile);
        }
    }

    private CheckResult KeyFile(string name, string keyId, string? keyFile)
    {
        if (keyFile is null)
        {
            return new CheckResult(name, CheckStatus.Pass, "key id present");
        }

        if (!File.Exists(keyFile))
        {
            return new CheckResult(name, CheckStatus.Fail, $"private key file not found: {keyFile}");
        }

        try
        {
            using var auth = KalshiAuth.FromPemFile(keyId, keyFile, clock);
            auth.Sign("GET", "/trade-api/v2/portfolio/balance");
            return new CheckResult(name, CheckStatus.Pass, "key id present; private key loads and signs");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException or IOException)
        {
            return new CheckResult(name, CheckStatus.Fail, $"private key file {keyFile} is not a usable RSA PEM key");
        }
    }

    private CheckResult Clock()
    {
        var now = clock.GetUtcNow();
        return now < EarliestSaneTime
            ? new CheckResult("clock", CheckStatus.Fail, $"system time {now:O} is before {EarliestSaneTime:yyyy-MM-dd}: the clock is wrong")
            : new CheckResult("clock", CheckStatus.Pass, $"system time {now:yyyy-MM-ddTHH:mm:ssZ} (UTC); venue skew is checked by the feeds on connect");
    }

    private async Task<IEnumerable<CheckResult>> FeedsAsync(EdgewiseConfig config, bool live, CancellationToken ct)
    {
        var probes = config.Venues.All()
            .Where(v => v.Venue.Enabled)
            .Select(async v => await ProbeAsync(v.Key, v.Venue.WsUrl, live, ct));
        return await Task.WhenAll(probes);
    }

    private async Task<CheckResult> ProbeAsync(string key, string url, bool live, CancellationToken ct)
    {
        var uri = new Uri(url);
        var port = uri.IsDefaultPort ? (uri.Scheme is "wss" or "https" ? 443 : 80) : uri.Port;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(connectTimeout);
        try
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(uri.Host, port, timeout.Token);
            return new CheckResult($"feed {key}", CheckStatus.Pass, $"{uri.Host}:{port} reachable");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            var why = ex is OperationCanceledException ? $"no answer within {connectTimeout.TotalSeconds:0.#} s" : ex.Message;
            return new CheckResult($"feed {key}", live ? CheckStatus.Fail : CheckStatus.Warn, $"{uri.Host}:{port} unreachable ({why})");
        }
    }

    private static CheckResult Risk(EdgewiseConfig config, bool live)
    {
        var r = config.Risk;
        var unset = new List<string>();
        if (r.MaxOrderQuantity is null)
        {
            unset.Add("risk.maxOrderQuantity");
        }

        if (r.MaxNotionalTotal is null)
        {
            unset.Add("risk.maxNotionalTotal");
        }

        if (r.MaxDailyLoss is null)
        {
            unset.Add("risk.maxDailyLoss");
        }

        return unset.Count == 0
            ? new CheckResult("risk limits", CheckStatus.Pass,
                $"max order {r.MaxOrderQuantity}, total notional {r.MaxNotionalTotal}, daily loss {r.MaxDailyLoss}, consecutive losses {Show(r.MaxConsecutiveLosses)}")
            : new CheckResult("risk limits", live ? CheckStatus.Fail : CheckStatus.Warn, $"not set: {string.Join(", ", unset)}");
    }

    private static CheckResult KillSwitch(EdgewiseConfig config, bool live) =>
        config.KillSwitch.Armed
            ? new CheckResult("kill switch", CheckStatus.Pass, "armed")
            : new CheckResult("kill switch", live ? CheckStatus.Fail : CheckStatus.Warn, "killSwitch.armed is false");

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited";
}
