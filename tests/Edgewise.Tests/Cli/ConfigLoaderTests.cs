using Edgewise.Cli.Configuration;

namespace Edgewise.Tests.Cli;

public class ConfigLoaderTests
{
    [Fact]
    public void Load_NoPath_BuiltInDefaultIsValidPaperWithLimits()
    {
        var result = ConfigLoader.Load(null);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("built-in default", result.Source);
        Assert.Equal("paper", result.Config!.Mode);
        Assert.Equal(100m, result.Config.Risk.MaxDailyLoss);
        Assert.True(result.Config.KillSwitch.Armed);
        Assert.Equal("127.0.0.1", result.Config.Dashboard.Bind);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFullPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "edgewise-no-such-config.json");

        var result = ConfigLoader.Load(path);

        Assert.False(result.IsValid);
        Assert.Equal([$"config file not found: {path}"], result.Errors);
    }

    [Theory]
    [InlineData("""{"venues":{"kraken":{"wsurl":"wss://x"}}}""", "venues.kraken.wsurl: unknown key")]
    [InlineData("""{"risk":{"maxDailyLoss":-5}}""", "risk.maxDailyLoss: MaxDailyLoss must be positive (got -5); leave it unset to disable it.")]
    [InlineData("""{"dashboard":{"port":"abc"}}""", "dashboard.port: invalid value (The JSON value could not be converted to System.Int32)")]
    [InlineData("""{"dashboard":{"port":70000}}""", "dashboard.port: must be 1-65535 (got 70000)")]
    [InlineData("""{"mode":"yolo"}""", "mode: must be \"paper\" or \"live\" (got \"yolo\")")]
    [InlineData("""{"venues":{"coinbase":{"wsUrl":"https://not-a-socket"}}}""", "venues.coinbase.wsUrl: must be an absolute ws or wss URL (got \"https://not-a-socket\")")]
    [InlineData("""{"clock":{"maxSkew":"00:00:00"}}""", "clock.maxSkew: must be positive")]
    public void Parse_BadKeyOrValue_OneErrorNamingTheKey(string json, string expected)
    {
        var result = ConfigLoader.Parse(json, "test.json");

        Assert.False(result.IsValid);
        Assert.Equal([expected], result.Errors);
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        var result = ConfigLoader.Parse("{ mode: ", "test.json");

        Assert.False(result.IsValid);
        Assert.StartsWith("not valid JSON", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PartialFile_KeepsDefaultsForSectionsItDoesNotName()
    {
        var result = ConfigLoader.Parse("""{"mode":"live","store":{"path":"x.db"},"clock":{"maxSkew":"00:00:05"}}""", "test.json");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(("live", "x.db", TimeSpan.FromSeconds(5)), (result.Config!.Mode, result.Config.Store.Path, result.Config.Clock.MaxSkew));
        Assert.Equal("wss://ws.kraken.com/v2", result.Config.Venues.Kraken.WsUrl);
        Assert.Equal(500m, result.Config.Risk.MaxNotionalTotal);
    }

    [Fact]
    public void Parse_OneKeyOfASection_KeepsTheSectionsOtherDefaultsAndNullSwitchesALimitOff()
    {
        var result = ConfigLoader.Parse(
            """{"venues":{"coinbase":{"wsUrl":"ws://127.0.0.1:9000"}},"risk":{"maxDailyLoss":50,"maxConsecutiveLosses":null}}""", "test.json");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var config = result.Config!;
        Assert.Equal(("ws://127.0.0.1:9000", "https://api.coinbase.com/api/v3/brokerage"), (config.Venues.Coinbase.WsUrl, config.Venues.Coinbase.RestUrl));
        Assert.Equal((50m, (int?)null, 500m), (config.Risk.MaxDailyLoss, config.Risk.MaxConsecutiveLosses, config.Risk.MaxNotionalTotal));
        Assert.Equal("KALSHI_KEY_ID", config.Venues.Kalshi.Credentials!.KeyIdEnv);
    }
}
