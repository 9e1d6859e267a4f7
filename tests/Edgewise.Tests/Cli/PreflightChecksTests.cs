using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Verify;

namespace Edgewise.Tests.Cli;

public sealed class PreflightChecksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-verify-").FullName;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, string> _env = [];

    public PreflightChecksTests() => _listener.Start();

    public void Dispose()
    {
        _listener.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private int OpenPort => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }

    private static ConfigResult Config(string mode, int kalshiPort, int otherPort, bool armed = true) => ConfigLoader.Parse($$"""
        {
          "mode": "{{mode}}",
          "killSwitch": { "armed": {{(armed ? "true" : "false")}} },
          "venues": {
            "kalshi": { "wsUrl": "ws://127.0.0.1:{{kalshiPort}}/trade-api/ws/v2", "credentials": { "keyIdEnv": "T_KEY", "privateKeyFileEnv": "T_PEM" } },
            "coinbase": { "wsUrl": "ws://127.0.0.1:{{otherPort}}" },
            "kraken": { "enabled": false }, "bitstamp": { "enabled": false }, "binanceUs": { "enabled": false }
          }
        }
        """, "test.json");

    private async Task<Dictionary<string, CheckResult>> Run(ConfigResult config)
    {
        var checks = new PreflightChecks(TimeProvider.System, name => _env.GetValueOrDefault(name), TimeSpan.FromSeconds(5));
        var rows = await checks.RunAsync(config, TestContext.Current.CancellationToken);
        return rows.ToDictionary(r => r.Check);
    }

    private void GiveKalshiKey()
    {
        using var rsa = RSA.Create(2048);
        var pem = Path.Combine(_dir, "kalshi.pem");
        File.WriteAllText(pem, rsa.ExportPkcs8PrivateKeyPem());
        _env["T_KEY"] = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";
        _env["T_PEM"] = pem;
    }

    [Fact]
    public async Task RunAsync_PaperWithReachableFeedsAndKey_AllPass()
    {
        GiveKalshiKey();

        var rows = await Run(Config("paper", OpenPort, OpenPort));

        Assert.All(rows.Values, r => Assert.Equal(CheckStatus.Pass, r.Status));
        Assert.Equal("key id present; private key loads and signs", rows["credentials venues.kalshi"].Detail);
        Assert.Equal($"127.0.0.1:{OpenPort} reachable", rows["feed venues.coinbase"].Detail);
        Assert.DoesNotContain(_env["T_KEY"], string.Join(" ", rows.Values.Select(r => r.Detail)), StringComparison.Ordinal);
        Assert.False(rows.ContainsKey("feed venues.kraken")); // disabled venues are not probed
    }

    [Fact]
    public async Task RunAsync_PaperWithUnreachableFeedAndNoKey_WarnsOnly()
    {
        var closed = ClosedPort();

        var rows = await Run(Config("paper", OpenPort, closed));

        Assert.Equal(CheckStatus.Warn, rows["feed venues.coinbase"].Status);
        Assert.StartsWith($"127.0.0.1:{closed} unreachable", rows["feed venues.coinbase"].Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Warn, rows["credentials venues.kalshi"].Status);
        Assert.Equal("not set: $T_KEY, $T_PEM (market data will use REST polling)", rows["credentials venues.kalshi"].Detail);
        Assert.DoesNotContain(rows.Values, r => r.Status == CheckStatus.Fail);
    }

    [Fact]
    public async Task RunAsync_LiveWithTheSameGaps_Fails()
    {
        var rows = await Run(Config("live", OpenPort, ClosedPort(), armed: false));

        Assert.Equal(CheckStatus.Fail, rows["feed venues.coinbase"].Status);
        Assert.Equal(CheckStatus.Fail, rows["credentials venues.kalshi"].Status);
        Assert.Equal(CheckStatus.Fail, rows["kill switch"].Status);
    }

    [Fact]
    public async Task RunAsync_KeyFileThatIsNotAKey_FailsNamingTheFileNotItsContent()
    {
        var bad = Path.Combine(_dir, "bad.pem");
        File.WriteAllText(bad, "-----BEGIN PRIVATE KEY-----\nnot-base64-secret\n-----END PRIVATE KEY-----\n");
        _env["T_KEY"] = "key";
        _env["T_PEM"] = bad;

        var rows = await Run(Config("paper", OpenPort, OpenPort));

        Assert.Equal(CheckStatus.Fail, rows["credentials venues.kalshi"].Status);
        Assert.Equal($"private key file {bad} is not a usable RSA PEM key", rows["credentials venues.kalshi"].Detail);
    }

    [Fact]
    public async Task RunAsync_BrokenConfig_OnlyTheConfigurationFailure()
    {
        var rows = await Run(ConfigLoader.Parse("""{"risk":{"maxOrdersPerWindow":0}}""", "test.json"));

        var row = Assert.Single(rows.Values);
        Assert.Equal(("configuration", CheckStatus.Fail), (row.Check, row.Status));
        Assert.Equal("risk.maxOrdersPerWindow: MaxOrdersPerWindow must be positive.", row.Detail);
    }
}
