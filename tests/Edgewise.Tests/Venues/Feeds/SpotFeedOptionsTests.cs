using Edgewise.TestKit;
using Edgewise.Venues.Coinbase;
using Edgewise.Venues.Kraken;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>The Coinbase and Kraken client options: the messages they send and the errors they name.</summary>
public class SpotFeedOptionsTests
{
    [Fact]
    public void SubscribeMessages_CoinbaseDefaults_OneChannelPerMessageHeartbeatsLast()
    {
        var options = new CoinbaseDataOptions { ProductIds = ["BTC-USD", "ETH-USD"] };

        Assert.Equal(
        [
            """{"type":"subscribe","product_ids":["BTC-USD","ETH-USD"],"channel":"level2"}""",
            """{"type":"subscribe","product_ids":["BTC-USD","ETH-USD"],"channel":"market_trades"}""",
            """{"type":"subscribe","product_ids":["BTC-USD","ETH-USD"],"channel":"ticker"}""",
            """{"type":"subscribe","channel":"heartbeats"}""",
        ], options.SubscribeMessages());
        Assert.Equal(
            ["""{"type":"unsubscribe","product_ids":["ETH-USD"],"channel":"level2"}""", """{"type":"subscribe","product_ids":["ETH-USD"],"channel":"level2"}"""],
            CoinbaseDataOptions.RenewLevel2Messages("ETH-USD"));
        Assert.Equal(CoinbaseParser.DefaultMaxFrameBytes, options.Connection.MaxMessageBytes); // a full level2 snapshot is MBs
    }

    [Fact]
    public void Validate_BadCoinbaseValues_EachErrorNamesItsKey()
    {
        var options = new CoinbaseDataOptions { WebSocketUri = new Uri("https://x"), ProductIds = ["btc-usd"] };

        var errors = options.Validate(new(options)).Select(e => e.ErrorMessage!).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Coinbase:WebSocketUri ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Coinbase:ProductIds ", StringComparison.Ordinal) && e.Contains("'btc-usd'", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_Kraken_BtcUsdAtPricePrecision1Qty8AndAPing()
    {
        var options = new KrakenDataOptions();

        Assert.Empty(options.Validate(new(options)));
        Assert.Equal(new KrakenPrecision(1, 8), options.PrecisionOf("BTC/USD"));
        Assert.Equal("""{"method":"ping"}""", options.Connection.AppPingMessage);
        Assert.Equal(["book", "trade", "ticker"], options.Channels());
        Assert.Equal("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10,"snapshot":true},"req_id":7}""",
            options.SubscribeMessage("book", ["BTC/USD"], 7));
        Assert.Equal("""{"method":"unsubscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10},"req_id":8}""",
            options.UnsubscribeBookMessage("BTC/USD", 8));
    }

    [Fact]
    public void Validate_KrakenSymbolWithoutPrecision_NamesTheSymbolsKey()
    {
        var options = new KrakenDataOptions { Symbols = ["BTC/USD", "ETH/USD"], BookDepth = 20 };

        var errors = options.Validate(new(options)).Select(e => e.ErrorMessage!).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Kraken:Precisions:ETH/USD is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Kraken:BookDepth ", StringComparison.Ordinal));
        var ex = Assert.Throws<ArgumentException>(() => new KrakenDataClient(options, new RecordingSink(), TimeProvider.System));
        Assert.Contains("Kraken:Precisions:ETH/USD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KrakenPrecisionGiven_Accepted()
    {
        var options = new KrakenDataOptions
        {
            Symbols = ["ETH/USD"],
            Precisions = new Dictionary<string, KrakenPrecision> { ["ETH/USD"] = new(2, 8) },
        };

        Assert.Empty(options.Validate(new(options)));
    }
}
