using System.Security.Cryptography;
using System.Text;
using Edgewise.Strategies.BtcBinary.Profiles;
using Edgewise.TestKit;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class ProfileReaderTests
{
    private static string ProfilePath(string name) => Path.Combine(SharedData.RepositoryRoot, "profiles", name + ".json");

    [Theory]
    [InlineData("kalshi-btc-v2")]
    [InlineData("kalshi-btc-v6")]
    [InlineData("kalshi-btc-v10")]
    public void Load_RepositoryProfile_IsValidNamedAReconstructionAndHashed(string name)
    {
        var path = ProfilePath(name);
        var profile = ProfileReader.Load(path);

        Assert.Equal(name, profile.Name);
        Assert.StartsWith("Reconstruction, not the original", profile.Description, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), profile.Sha256);
        Assert.Equal(10m, profile.Options.Sizing.BaseStake);
        Assert.NotNull(profile.Risk.MaxNotionalPerEvent);
    }

    [Fact]
    public void Load_ThreeVersions_DifferInTheirRules()
    {
        var v2 = ProfileReader.Load(ProfilePath("kalshi-btc-v2")).Options;
        var v6 = ProfileReader.Load(ProfilePath("kalshi-btc-v6")).Options;
        var v10 = ProfileReader.Load(ProfilePath("kalshi-btc-v10")).Options;

        Assert.True(v2.DelayArbitrage.Enabled && !v2.MeanReversion.Enabled && !v2.FlashCrash.Enabled && v2.Exits.HoldToSettlement);
        Assert.True(v6.DelayArbitrage.Enabled && v6.MeanReversion.Enabled && !v6.FlashCrash.Enabled);
        Assert.Equal(StopLossMode.Fixed, v6.Exits.StopLoss);
        Assert.False(v6.Sizing.Dynamic);
        Assert.True(v10.DelayArbitrage.Enabled && v10.MeanReversion.Enabled && v10.FlashCrash.Enabled);
        Assert.Equal(StopLossMode.Adaptive, v10.Exits.StopLoss);
        Assert.Equal((0.15m, 0.40m), (v10.Exits.StopLossMin, v10.Exits.StopLossMax));
        Assert.True(v10.Sizing.Dynamic);
        Assert.Equal((15m, 20m), (v10.Sizing.WinRateStake, v10.Sizing.StreakStake));
    }

    [Fact]
    public void Parse_AbsentKeys_KeepTheDefaults()
    {
        var profile = Parse("""{ "name": "p", "description": "d", "filters": { "max_spread": 0.04 } }""");

        Assert.Equal(0.04m, profile.Options.Filters.MaxSpread);
        Assert.Equal(new EntryFilterOptions().Cooldown, profile.Options.Filters.Cooldown);
        Assert.Equal(new BtcBinaryOptions().FairValue, profile.Options.FairValue);
    }

    [Theory]
    [InlineData("""{ "name": "p", "description": "d", "filters": { "max_sprad": 0.04 } }""", "test.json: unknown key 'filters.max_sprad'")]
    [InlineData("""{ "name": "p", "description": "d", "colour": "red" }""", "test.json: unknown key 'colour'")]
    [InlineData("""{ "name": "p", "description": "d", "risk": { "max_loss": 5 } }""", "test.json: unknown key 'risk.max_loss'")]
    [InlineData("""{ "name": "p", "description": "d", "filters": { "max_spread": "wide" } }""", "test.json: filters.max_spread must be a number")]
    [InlineData("""{ "name": "p", "description": "d", "filters": { "max_spread": 1.5 } }""", "test.json: filters.max_spread must be in (0, 1] (got 1.5)")]
    [InlineData("""{ "name": "p", "description": "d", "mean_reversion": { "lower": 0.9 } }""", "test.json: mean_reversion.lower must be positive and below mean_reversion.upper (got 0.9)")]
    [InlineData("""{ "name": "p", "description": "d", "exits": { "stop_loss": "trailing" } }""", "test.json: exits.stop_loss must be \"none\", \"fixed\" or \"adaptive\" (got \"trailing\")")]
    [InlineData("""{ "name": "p", "description": "d", "delay_arbitrage": { "enabled": 1 } }""", "test.json: delay_arbitrage.enabled must be true or false")]
    [InlineData("""{ "name": "p", "description": "d", "risk": { "max_daily_loss_usd": -5 } }""", "test.json: risk.max_daily_loss_usd must be positive (or absent for no limit)")]
    [InlineData("""{ "name": "p", "description": "d", "filters": { "cooldown_s": 1, "cooldown_s": 2 } }""", "test.json: key 'filters.cooldown_s' appears twice")]
    [InlineData("""{ "description": "d" }""", "test.json: key 'name' is required")]
    [InlineData("""[1, 2]""", "test.json: the profile must be a JSON object")]
    public void Parse_BadProfile_ErrorNamesTheKey(string json, string expected)
    {
        var error = Assert.Throws<InvalidProfileException>(() => Parse(json));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        var error = Assert.Throws<InvalidProfileException>(() => Parse("{ name: "));
        Assert.StartsWith("test.json: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsFileNotFoundNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-profile-" + Guid.NewGuid().ToString("N") + ".json");
        var error = Assert.Throws<FileNotFoundException>(() => ProfileReader.Load(path));
        Assert.Equal($"profile file not found: {path}", error.Message);
    }

    private static BtcBinaryProfile Parse(string json) => ProfileReader.Parse(Encoding.UTF8.GetBytes(json), "test.json");
}
