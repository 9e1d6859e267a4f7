using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Kraken;
using static Edgewise.Tests.Venues.Kraken.KrakenFrames;

namespace Edgewise.Tests.Venues.Kraken;

[Collection(AllocationMeasurements.Name)]
public class KrakenParserTests
{
    private const string Samples = "venues/kraken";

    private readonly KrakenParser _parser = new();
    private readonly RecordingSink _sink = new();

    private static Price P(string s) => Price.Parse(s);

    private static Quantity Q(string s) => Quantity.Parse(s);

    private static RawFrame Sample(string name, FrameSource source = FrameSource.Ws, long recvTs = 1_000) =>
        SharedSample.Frame($"{Samples}/{name}", "kraken", source, null, recvTs);

    /// <summary>Every file in ../shared/venues/kraken with the outcome it must have.</summary>
    public static TheoryData<string, FrameSource, ParseOutcome> AllSamples => new()
    {
        { "rest_asset_pairs.json", FrameSource.Rest, ParseOutcome.Ignored }, // instrument data, not market data
        { "rest_depth.json", FrameSource.Rest, ParseOutcome.Ignored }, // books come from the WS snapshot, which the checksum needs
        { "ws_v2_book_checksum_guide_example.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_v2_book_snapshot_docs_example.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_v2_book_update_docs_example.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_v2_pong.json", FrameSource.Ws, ParseOutcome.Control },
        { "ws_v2_subscribe_ack.json", FrameSource.Ws, ParseOutcome.Control },
        { "ws_v2_subscribe_request.json", FrameSource.Ws, ParseOutcome.Control }, // our own request echoed into a capture: a method frame
        { "ws_v2_ticker_docs_example.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_v2_ticker_fixture.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_v2_trade_docs_example.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_v2_trade_fixture.json", FrameSource.Ws, ParseOutcome.Data },
    };

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Parse_EverySample_HasItsExpectedOutcome(string name, FrameSource source, ParseOutcome expected)
    {
        Assert.Equal(expected, _parser.Parse(Sample(name, source), _sink));
        Assert.Equal(expected == ParseOutcome.Data, _sink.Sequence.Count > 0);
    }

    [Fact]
    public void AllSamples_CoverEveryFileInTheFolder()
    {
        Assert.Equal(SharedSample.FileNames(Samples), AllSamples.Select(row => row.Data.Item1).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Parse_ChecksumGuideSnapshot_ReadsNumbersExactlyAndKeepsChecksum()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_v2_book_checksum_guide_example.json", recvTs: 8), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal(new("kraken", "BTC/USD"), u.Instrument);
        Assert.Equal(BookUpdateKind.Snapshot, u.Kind);
        Assert.Equal(3_310_070_434u, u.Checksum);
        Assert.Equal(8, u.TsEvent); // a snapshot has no timestamp
        var levels = u.Levels.ToArray();
        Assert.Equal(20, levels.Length);
        Assert.Equal(new BookLevelChange(BookSide.Bid, P("45283.5"), Q("0.1")), levels[0]);
        Assert.Equal(new BookLevelChange(BookSide.Bid, P("45281.0"), Q("0.1")), levels[3]); // "45281.0" as a JSON number
        Assert.Equal(new BookLevelChange(BookSide.Bid, P("45276.6"), Q("0.15445238")), levels[9]);
        Assert.Equal(new BookLevelChange(BookSide.Ask, P("45285.2"), Q("0.001")), levels[10]);
        Assert.Equal(new BookLevelChange(BookSide.Ask, P("45299.5"), Q("0.18772827")), levels[19]);
        Assert.Equal(8, u.SizeDecimals); // 0.10000000 keeps its trailing zeros in the text
    }

    [Fact]
    public void Parse_DocsUpdate_EmitsDeltaWithTimestampAndChecksum()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_v2_book_update_docs_example.json"), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal("MATIC/USD", u.Instrument!.Symbol);
        Assert.Equal(BookUpdateKind.Delta, u.Kind);
        Assert.Equal(2_114_181_697u, u.Checksum);
        Assert.Equal([new BookLevelChange(BookSide.Bid, P("0.5657"), Q("1098.3947558"))], u.Levels.ToArray());
        // 2023-10-06: 1970..2022 = 53 years with 13 leap days = 19358 days; + 273 (Jan..Sep 2023) + 5 = 19636 days;
        // 19636 * 86400 = 1_696_550_400 s + 17:35:55 (63_355 s) = 1_696_613_755 s; .440295 s.
        Assert.Equal(1_696_613_755_440_295_000, u.TsEvent);
    }

    [Fact]
    public void Parse_DocsSnapshot_HasTenLevelsPerSideAndItsChecksum()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_v2_book_snapshot_docs_example.json"), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal("ETH/USDT", u.Instrument!.Symbol);
        Assert.Equal(2_439_117_997u, u.Checksum);
        Assert.Equal(10, u.Levels.ToArray().Count(l => l.Side == BookSide.Bid));
        Assert.Equal(new BookLevelChange(BookSide.Bid, P("0.566"), Q("18097.1547")), u.Levels[6]);
        Assert.Equal(new BookLevelChange(BookSide.Ask, P("0.5677"), Q("36304.0847022")), u.Levels[19]);
    }

    [Fact]
    public void Parse_TradeFixture_EmitsTakerSideIdsAndTimes()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_v2_trade_fixture.json", recvTs: 3), _sink));

        // 17:35:55.440295 and 17:35:56.123456 on 2023-10-06 (1_696_613_755 s, see above).
        Assert.Equal(
            [
                new TradeTick(new("kraken", "BTC/USD"), P("105944.20"), Q("0.00027625"), OrderSide.Buy, 10218208, 1_696_613_755_440_295_000, 3),
                new TradeTick(new("kraken", "BTC/USD"), P("105910.50"), Q("0.00012460"), OrderSide.Sell, 10218209, 1_696_613_756_123_456_000, 3),
            ],
            _sink.Trades);
    }

    [Fact]
    public void Parse_TradeDocsExample_SellTaker()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_v2_trade_docs_example.json"), _sink));

        // 2023-09-25: 19358 + 243 (Jan..Aug) + 24 = 19625 days; 19625 * 86400 = 1_695_600_000 + 07:49:37 (28_177) = 1_695_628_177 s.
        Assert.Equal(
            new TradeTick(new("kraken", "ETH/USDT"), P("0.5117"), Q("40"), OrderSide.Sell, 4665906, 1_695_628_177_708_706_000, 1_000),
            Assert.Single(_sink.Trades));
    }

    [Fact]
    public void Parse_TickerFixture_EmitsQuoteAtItsTimestamp()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_v2_ticker_fixture.json", recvTs: 4), _sink));

        // 2022-12-25: 52 years with 13 leap days = 18993; + 334 (Jan..Nov) + 24 = 19351 days;
        // 19351 * 86400 = 1_671_926_400 + 09:30:59 (34_259) = 1_671_960_659 s; .123456 s.
        Assert.Equal(
            new QuoteTick(new("kraken", "BTC/USD"), P("105944.20"), Q("2.5"), P("105944.30"), Q("3.2"), null, 1_671_960_659_123_456_000, 4),
            Assert.Single(_sink.Quotes));
    }

    [Fact]
    public void Parse_TickerDocsExampleWithoutTimestamp_UsesReceiveTime()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_v2_ticker_docs_example.json", recvTs: 6), _sink));

        Assert.Equal(
            new QuoteTick(new("kraken", "ETH/USDT"), P("0.10025"), Q("740"), P("0.10035"), Q("740"), null, 6, 6),
            Assert.Single(_sink.Quotes));
    }

    [Theory]
    [InlineData("""{"channel":"heartbeat"}""", ParseOutcome.Control)]
    [InlineData("""{"channel":"status","type":"update","data":[{"api_version":"v2","connection_id":12393906104898154338,"system":"online","version":"2.0.0"}]}""", ParseOutcome.Control)]
    [InlineData("""{"method":"subscribe","success":false,"error":"Currency pair not supported","req_id":3}""", ParseOutcome.Control)]
    [InlineData("""{"channel":"instrument","type":"snapshot","data":{"assets":[],"pairs":[]}}""", ParseOutcome.Ignored)]
    [InlineData("""{"channel":"ohlc","type":"update","data":[{"symbol":"BTC/USD","open":1.0}]}""", ParseOutcome.Ignored)]
    [InlineData("""[1664,{"a":[["1.0","2.0","1618678133.1"]]},"book-1000","WAVES/EUR"]""", ParseOutcome.Ignored)] // v1 frame
    [InlineData("""{"event":"heartbeat"}""", ParseOutcome.Ignored)] // v1 heartbeat
    public void Parse_ControlAndOtherFrames_EmitNothing(string json, ParseOutcome expected)
    {
        Assert.Equal(expected, _parser.Parse(Ws(json), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_QuantityInExponentForm_ReadsTheExactValue()
    {
        var frame = BookUpdate("BTC/USD", """{"price":45283.5,"qty":1.5e-05}""", "", 1);

        Assert.Equal(ParseOutcome.Data, _parser.Parse(frame, _sink));
        Assert.Equal(Q("0.000015"), Assert.Single(_sink.BookUpdates).Levels[0].Size);
    }

    [Theory]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1.0,"qty":2.0}],"asks":[]}]}""")] // no checksum
    [InlineData("""{"channel":"book","type":"update","data":[{"bids":[{"price":1.0,"qty":2.0}],"asks":[],"checksum":1}]}""")] // no symbol
    [InlineData("""{"channel":"book","type":"partial","data":[{"symbol":"BTC/USD","bids":[],"asks":[],"checksum":1}]}""")]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1.0}],"asks":[],"checksum":1}]}""")] // no qty
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1.0,"qty":-2.0}],"asks":[],"checksum":1}]}""")]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1.0,"qty":2.0}],"asks":[],"checksum":-1}]}""")]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1.0,"qty":2.0}],"asks":[],"checksum":4294967296}]}""")] // beyond uint32
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1e30,"qty":2.0}],"asks":[],"checksum":1}]}""")] // beyond fixed point
    [InlineData("""{"channel":"book","type":"update","data":[]}""")] // a book message with no book
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1.0,"qty":2.0}],"asks":[],"checksum":1}""")] // truncated
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1.0,"qty":1.0}]}""")] // no trade_id
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"both","price":1.0,"qty":1.0,"trade_id":1}]}""")]
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1.0,"qty":1.0,"trade_id":1,"timestamp":"late"}]}""")]
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1.0,"qty":1.0,"trade_id":1},{"symbol":"BTC/USD"}]}""")] // second element is no trade
    [InlineData("""{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":1.0,"bid_qty":1.0,"ask":2.0}]}""")] // no ask_qty
    [InlineData("""{"channel":"heartbeat"} {"channel":"heartbeat"}""")]
    [InlineData("""{"channel":"book","data":[{"bids":[[[[[[[[]]]]]]]]}]}""")] // nested too deep
    [InlineData("""{"channel":""")]
    public void Parse_MalformedFrame_ReturnsMalformedAndEmitsNothing(string json)
    {
        Assert.Equal(ParseOutcome.Malformed, _parser.Parse(Ws(json), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_FrameOverTheSizeLimit_IsMalformed()
    {
        var frame = BookUpdate("BTC/USD", """{"price":1.0,"qty":2.0}""", "", 1);

        Assert.Equal(ParseOutcome.Malformed, new KrakenParser(maxFrameBytes: frame.Raw.Length - 1).Parse(frame, _sink));
        Assert.Empty(_sink.Sequence);
        Assert.Equal(ParseOutcome.Data, new KrakenParser(maxFrameBytes: frame.Raw.Length).Parse(frame, _sink));
    }

    [Fact]
    public void Parse_WarmParser_AllocatesNothingPerFrame()
    {
        var sink = new CountingSink();
        var book = BookUpdate("BTC/USD", """{"price":45283.5,"qty":0.10000000},{"price":45283.4,"qty":0}""", """{"price":45285.2,"qty":0.001}""", 3310070434);
        var trade = Ws("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":105944.20,"qty":0.00027625,"ord_type":"limit","trade_id":10218208,"timestamp":"2023-10-06T17:35:55.440295Z"}]}""");
        var ticker = Ws("""{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":105944.20,"bid_qty":2.5,"ask":105944.30,"ask_qty":3.2,"last":105899.40,"volume":163.28908096,"change":-250.00,"timestamp":"2022-12-25T09:30:59.123456Z"}]}""");
        var heartbeat = Ws("""{"channel":"heartbeat"}""");
        for (var i = 0; i < 10; i++)
        {
            _parser.Parse(book, sink);
            _parser.Parse(trade, sink);
            _parser.Parse(ticker, sink);
            _parser.Parse(heartbeat, sink);
        }

        var window = AllocationWindow.Open();
        for (var i = 0; i < 1_000; i++)
        {
            _parser.Parse(book, sink);
            _parser.Parse(trade, sink);
            _parser.Parse(ticker, sink);
            _parser.Parse(heartbeat, sink);
        }

        window.AssertNothingAllocated();
        Assert.Equal(3 * 1_010, sink.Events);
    }
}
