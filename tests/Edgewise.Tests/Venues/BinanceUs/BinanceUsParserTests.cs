using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.TestKit;
using Edgewise.Venues.BinanceUs;
using static Edgewise.Tests.Venues.BinanceUs.BinanceUsFrames;

namespace Edgewise.Tests.Venues.BinanceUs;

[Collection(AllocationMeasurements.Name)]
public class BinanceUsParserTests
{
    private readonly BinanceUsParser _parser = new();
    private readonly RecordingSink _sink = new();

    private static Price P(string s) => Price.Parse(s);

    private static Quantity Q(string s) => Quantity.Parse(s);

    [Fact]
    public void Parse_DocsDepthUpdate_EmitsDeltaWithIdsLevelsAndEventTime()
    {
        // Binance.US docs example (FACTS §4.2): U 157, u 160, one bid 0.0024 x 10, one ask 0.0026 x 100.
        var outcome = _parser.Parse(Ws("""{"e":"depthUpdate","E":1672515782136,"s":"BNBBTC","U":157,"u":160,"b":[["0.0024","10"]],"a":[["0.0026","100"]]}""", 42), _sink);

        Assert.Equal(ParseOutcome.Data, outcome);
        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal("BNBBTC", u.Instrument!.Symbol);
        Assert.Equal("binanceus", u.Instrument.Venue);
        Assert.Equal(BookUpdateKind.Delta, u.Kind);
        Assert.Equal(157, u.FirstUpdateId);
        Assert.Equal(160, u.LastUpdateId);
        Assert.Equal(1_672_515_782_136_000_000, u.TsEvent);
        Assert.Equal(42, u.TsRecv);
        Assert.Equal(
            [new BookLevelChange(BookSide.Bid, P("0.0024"), Q("10")), new BookLevelChange(BookSide.Ask, P("0.0026"), Q("100"))],
            u.Levels.ToArray());
        Assert.Equal(4, u.PriceDecimals);
        Assert.Equal(0, u.SizeDecimals);
    }

    [Fact]
    public void Parse_RecordedCombinedDepthUpdate_ReadsEnvelopeAndEmptyBidSide()
    {
        // Recorded live frame from Binance.US (cryptofeed capture, FACTS §4.3 example): U = u = 113129219, no bids, one ask.
        var json = """{"stream":"compusdt@depth@100ms","data":{"e":"depthUpdate","E":1633998274793,"s":"COMPUSDT","U":113129219,"u":113129219,"b":[],"a":[["297.32000000","19.08719000"]]}}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Ws(json), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal("COMPUSDT", u.Instrument!.Symbol);
        Assert.Equal(113129219, u.FirstUpdateId);
        Assert.Equal(113129219, u.LastUpdateId);
        var level = Assert.Single(u.Levels.ToArray());
        Assert.Equal(BookSide.Ask, level.Side);
        Assert.Equal(297_320_000_000L, level.Price.Raw);
        Assert.Equal(19_087_190_000L, level.Size.Raw);
        Assert.Equal(8, u.PriceDecimals);
    }

    [Fact]
    public void Parse_DocsTrade_BuyerIsMakerMeansSellAggressor()
    {
        var json = """{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","b":88,"a":50,"T":1672515782136,"m":true,"M":true}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Ws(json, 7), _sink));

        var t = Assert.Single(_sink.Trades);
        Assert.Equal(P("0.001"), t.Price);
        Assert.Equal(Q("100"), t.Size);
        Assert.Equal(OrderSide.Sell, t.Aggressor);
        Assert.Equal(12345, t.TradeId);
        Assert.Equal(1_672_515_782_136_000_000, t.TsEvent);
        Assert.Equal(7, t.TsRecv);
    }

    [Fact]
    public void Parse_RecordedTradeBuyerTaker_BuyAggressorAndTradeTime()
    {
        // Same shape as the recorded Binance.com frame, with m=false: the buyer took liquidity. T (trade time) wins over E.
        var json = """{"stream":"ethusdt@trade","data":{"e":"trade","E":1639351062244,"s":"ETHUSDT","t":705291099,"p":"4149.74000000","q":"0.43870000","b":7038593583,"a":7038593613,"T":1639351062243,"m":false,"M":true}}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Ws(json), _sink));

        var t = Assert.Single(_sink.Trades);
        Assert.Equal(OrderSide.Buy, t.Aggressor);
        Assert.Equal(P("4149.74"), t.Price);
        Assert.Equal(Q("0.4387"), t.Size);
        Assert.Equal(705291099, t.TradeId);
        Assert.Equal(1_639_351_062_243_000_000, t.TsEvent);
    }

    [Fact]
    public void Parse_DocsBookTicker_EmitsQuoteWithUpdateId()
    {
        var json = """{"u":400900217,"s":"BNBUSDT","b":"25.35190000","B":"31.21000000","a":"25.36520000","A":"40.66000000"}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Ws(json, 99), _sink));

        var q = Assert.Single(_sink.Quotes);
        Assert.Equal("BNBUSDT", q.Instrument.Symbol);
        Assert.Equal(P("25.3519"), q.Bid);
        Assert.Equal(Q("31.21"), q.BidSize);
        Assert.Equal(P("25.3652"), q.Ask);
        Assert.Equal(Q("40.66"), q.AskSize);
        Assert.Equal(400900217, q.UpdateId);
        Assert.Equal(99, q.TsEvent); // Binance.US bookTicker has no event time: receive time stands in
    }

    [Fact]
    public void Parse_RestDepthSnapshot_TakesSymbolFromEndpoint()
    {
        var json = """{"lastUpdateId":1027024,"bids":[["4.00000000","431.00000000"]],"asks":[["4.00000200","12.00000000"]]}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Rest(json, "/api/v3/depth?symbol=bnbbtc&limit=1000"), _sink));

        var s = Assert.Single(_sink.BookUpdates);
        Assert.Equal(BookUpdateKind.Snapshot, s.Kind);
        Assert.Equal("BNBBTC", s.Instrument!.Symbol);
        Assert.Equal(1027024, s.LastUpdateId);
        Assert.Equal(
            [new BookLevelChange(BookSide.Bid, P("4"), Q("431")), new BookLevelChange(BookSide.Ask, P("4.000002"), Q("12"))],
            s.Levels.ToArray());
    }

    [Fact]
    public void Parse_RestSnapshotWithoutEndpoint_UsesTheOnlySymbolSeen()
    {
        _parser.Parse(Depth("BTCUSDT", 1, 2), _sink);

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Rest("""{"lastUpdateId":5,"bids":[],"asks":[]}"""), _sink));
        Assert.Equal("BTCUSDT", _sink.BookUpdates[^1].Instrument!.Symbol);
    }

    [Fact]
    public void Parse_RestSnapshotWithNoSymbolKnown_IsMalformed()
    {
        Assert.Equal(ParseOutcome.Malformed, _parser.Parse(Rest("""{"lastUpdateId":5,"bids":[],"asks":[]}"""), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_WsPartialDepth_IsIgnoredNotTakenForAFullSnapshot()
    {
        Assert.Equal(ParseOutcome.Ignored, _parser.Parse(Ws("""{"lastUpdateId":160,"bids":[["0.0024","10"]],"asks":[["0.0026","100"]]}"""), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_SubscribeReply_IsControl()
    {
        Assert.Equal(ParseOutcome.Control, _parser.Parse(Ws("""{"result":null,"id":1}"""), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Theory]
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1.0","2.0"]],"a":[""")] // truncated
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["abc","2.0"]],"a":[]}""")] // price not a number
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"b":[],"a":[]}""")] // no final update id
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":3,"u":2,"b":[],"a":[]}""")] // U after u
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1.0","-2.0"]],"a":[]}""")] // negative size
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1.0000000001","2.0"]],"a":[]}""")] // finer than 1e-9
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1.0","2.0","x"]],"a":[]}""")] // extra element
    [InlineData("""{"e":"trade","E":1,"s":"BTCUSDT","p":"1.0","q":"2.0","m":true}""")] // trade without id
    [InlineData("""{"u":1,"s":"BTCUSDT","b":"1.0","B":"2.0","a":"3.0"}""")] // bookTicker missing ask size
    [InlineData("""not json at all""")]
    [InlineData("""{"e":"trade"} trailing""")]
    public void Parse_MalformedFrame_ReturnsMalformedAndEmitsNothing(string json)
    {
        Assert.Equal(ParseOutcome.Malformed, _parser.Parse(Ws(json), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_WarmParser_AllocatesNothingPerFrame()
    {
        var sink = new CountingSink();
        var depth = Ws("""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1723161255208,"s":"BTCUSDT","U":50093239189,"u":50093239202,"b":[["61737.63000000","0.00000000"],["61730.17000000","0.00000000"]],"a":[["61837.64000000","1.54698000"],["61839.85000000","0.00000000"]]}}""");
        var trade = Ws("""{"stream":"btcusdt@trade","data":{"e":"trade","E":1723161255343,"s":"BTCUSDT","t":3735683259,"p":"61837.63000000","q":"0.02000000","T":1723161255342,"m":true,"M":true}}""");
        var ticker = Ws("""{"stream":"btcusdt@bookTicker","data":{"u":50093239212,"s":"BTCUSDT","b":"61837.63000000","B":"3.78826000","a":"61837.64000000","A":"1.54698000"}}""");
        for (var i = 0; i < 10; i++)
        {
            _parser.Parse(depth, sink);
            _parser.Parse(trade, sink);
            _parser.Parse(ticker, sink);
        }

        var window = AllocationWindow.Open();
        for (var i = 0; i < 1_000; i++)
        {
            _parser.Parse(depth, sink);
            _parser.Parse(trade, sink);
            _parser.Parse(ticker, sink);
        }

        window.AssertNothingAllocated();
        Assert.Equal(3 * 1_010, sink.Events); // every frame reached the sink
    }

    private sealed class CountingSink : IMarketDataSink
    {
        public int Events { get; private set; }

        public void OnBookUpdate(BookUpdate update) => Events++;

        public void OnTrade(in TradeTick trade) => Events++;

        public void OnQuote(in QuoteTick quote) => Events++;

        public void OnBookStatus(in BookStatus status) => Events++;
    }
}
