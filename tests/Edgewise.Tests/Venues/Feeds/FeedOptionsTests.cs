using Edgewise.Venues.BinanceUs;
using Edgewise.Venues.Bitstamp;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

public class FeedOptionsTests
{
    [Fact]
    public void StreamUri_DefaultStreams_CombinedStreamPathPerFacts()
    {
        var options = new BinanceUsDataOptions { WebSocketBaseUri = new Uri("ws://127.0.0.1:9443"), Symbols = ["BTCUSDT", "ETHUSDT"] };

        Assert.Equal(
            "ws://127.0.0.1:9443/stream?streams=btcusdt@depth@100ms/btcusdt@trade/btcusdt@bookTicker/ethusdt@depth@100ms/ethusdt@trade/ethusdt@bookTicker",
            options.StreamUri().ToString());
        Assert.Equal("/api/v3/depth?symbol=BTCUSDT&limit=1000", options.SnapshotEndpoint("BTCUSDT"));
    }

    [Fact]
    public void Channels_DefaultPair_DiffBookThenLiveTrades()
    {
        var options = new BitstampDataOptions();

        Assert.Equal(["diff_order_book_btcusd", "live_trades_btcusd"], options.Channels());
        Assert.Equal("""{"event":"bts:subscribe","data":{"channel":"diff_order_book_btcusd"}}""", BitstampDataOptions.SubscribeMessage("diff_order_book_btcusd"));
        Assert.Equal("/api/v2/order_book/btcusd/", BitstampDataOptions.SnapshotEndpoint("btcusd"));
    }

    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        Assert.Empty(new BinanceUsDataOptions().Validate(new(new object())));
        Assert.Empty(new BitstampDataOptions().Validate(new(new object())));
        Assert.Empty(new FeedConnectionSettings().Validate(string.Empty));
    }

    [Fact]
    public void Validate_BadBinanceValues_EachErrorNamesItsKey()
    {
        var options = new BinanceUsDataOptions
        {
            WebSocketBaseUri = new Uri("https://stream.binance.us"),
            Symbols = ["btcusdt"],
            SnapshotLimit = 6000,
            Connection = new FeedConnectionSettings { StaleAfter = TimeSpan.Zero, MaxConnectionAge = TimeSpan.FromHours(24) },
        };

        var errors = options.Validate(new(options)).Select(e => e.ErrorMessage!).ToList();

        Assert.Contains(errors, e => e.StartsWith("BinanceUs:WebSocketBaseUri ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("BinanceUs:Symbols ", StringComparison.Ordinal) && e.Contains("'btcusdt'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("BinanceUs:SnapshotLimit ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("BinanceUs:Connection:StaleAfter ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("BinanceUs:Connection:MaxConnectionAge ", StringComparison.Ordinal));
        // A zero StaleAfter also leaves the default 1 s check interval longer than it.
        Assert.Contains(errors, e => e.StartsWith("BinanceUs:Connection:StaleCheckInterval ", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void Ctor_InvalidOptions_ThrowsNamingTheKey()
    {
        var options = new BitstampDataOptions { Pairs = [], Connection = new FeedConnectionSettings { ReconnectJitter = 1.5 } };

        var ex = Assert.Throws<ArgumentException>(() => new BitstampDataClient(options, new Edgewise.TestKit.RecordingSink(), TimeProvider.System));

        Assert.Contains("Bitstamp:Pairs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Bitstamp:Connection:ReconnectJitter", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PingIntervalWithoutMessage_Rejected()
    {
        var errors = new FeedConnectionSettings { AppPingInterval = TimeSpan.FromSeconds(10) }.Validate("X:").Select(e => e.ErrorMessage).ToList();

        Assert.Equal(["X:AppPingMessage AppPingInterval and AppPingMessage must be set together."], errors);
    }
}
