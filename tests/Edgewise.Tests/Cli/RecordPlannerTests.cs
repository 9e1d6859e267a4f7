using Edgewise.Cli.Configuration;
using Edgewise.Cli.Record;

namespace Edgewise.Tests.Cli;

/// <summary>How `edgewise record` turns the configuration and its arguments into venues, symbols and URLs, and what it refuses.</summary>
public class RecordPlannerTests
{
    private static EdgewiseConfig Config(string json = "{}")
    {
        var loaded = ConfigLoader.Parse(json, "test");
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded.Config!;
    }

    [Fact]
    public void Plan_BtcUsdWithDefaults_EveryVenueGetsItsOwnSpelling()
    {
        var (plan, errors) = RecordPlanner.Plan(Config(), null, ["BTC-USD"], "out");

        Assert.Empty(errors);
        Assert.Equal(
            [("coinbase", "BTC-USD"), ("kraken", "BTC/USD"), ("bitstamp", "btcusd"), ("binanceus", "BTCUSD")],
            plan!.Venues.Select(v => (v.Name, Assert.Single(v.Symbols))));
    }

    [Fact]
    public void Plan_BinanceOverrideInTheConfiguration_RecordsBtcUsdt()
    {
        var config = Config("""{"venues":{"binanceUs":{"symbols":{"BTC-USD":"BTCUSDT"}}}}""");

        var (plan, errors) = RecordPlanner.Plan(config, ["binanceus", "coinbase"], ["BTC-USD"], "out");

        Assert.Empty(errors);
        Assert.Equal([("binanceus", "BTCUSDT"), ("coinbase", "BTC-USD")], plan!.Venues.Select(v => (v.Name, Assert.Single(v.Symbols))));
    }

    [Fact]
    public void Plan_BadArguments_OneErrorEachNamingTheArgument()
    {
        var (plan, errors) = RecordPlanner.Plan(Config(), ["coinbase", "nasdaq"], ["btc-usd"], " ");

        Assert.Null(plan);
        Assert.Equal(
        [
            "--symbols: 'btc-usd' is not BASE-QUOTE in upper case (e.g. BTC-USD)",
            "--out: name the directory to write the capture files to",
            "--venues: unknown venue 'nasdaq'; record knows coinbase, kraken, bitstamp, binanceus",
        ], errors);
    }

    [Fact]
    public void Plan_KrakenPairWithoutPrecision_NamesTheConfigurationKeyUntilGiven()
    {
        var (_, errors) = RecordPlanner.Plan(Config(), ["kraken"], ["ETH-USD"], "out");

        var error = Assert.Single(errors);
        Assert.StartsWith("venues.kraken.precisions: no entry for ETH/USD;", error, StringComparison.Ordinal);

        var (plan, none) = RecordPlanner.Plan(Config("""{"venues":{"kraken":{"precisions":{"ETH/USD":{"price":2,"qty":8}}}}}"""), ["kraken"], ["ETH-USD", "BTC-USD"], "out");
        Assert.Empty(none);
        Assert.Equal(["ETH/USD", "BTC/USD"], Assert.Single(plan!.Venues).Symbols);
    }

    [Fact]
    public void Plan_DisabledVenue_LeftOutByDefaultRefusedWhenNamed()
    {
        var config = Config("""{"venues":{"bitstamp":{"enabled":false}}}""");

        var (plan, _) = RecordPlanner.Plan(config, null, ["BTC-USD"], "out");
        var (_, errors) = RecordPlanner.Plan(config, ["bitstamp"], ["BTC-USD"], "out");

        Assert.Equal(["coinbase", "kraken", "binanceus"], plan!.Venues.Select(v => v.Name));
        Assert.Equal(["venues.bitstamp.enabled: bitstamp is disabled in the configuration"], errors);
    }

    [Fact]
    public void Plan_OverrideTheVenueRejects_ErrorNamesTheVenueKeyAndTheOption()
    {
        var config = Config("""{"venues":{"coinbase":{"symbols":{"BTC-USD":"btc-usd"}}}}""");

        var (_, errors) = RecordPlanner.Plan(config, ["coinbase"], ["BTC-USD"], "out");

        Assert.Equal(["venues.coinbase: Coinbase:ProductIds must be BASE-QUOTE in upper case as Coinbase writes them ('btc-usd' is not)."], errors);
    }
}
