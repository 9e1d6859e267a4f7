using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Coinbase;
using static Edgewise.Tests.Venues.Coinbase.CoinbaseFrames;

namespace Edgewise.Tests.Venues.Coinbase;

[Collection(AllocationMeasurements.Name)]
public class CoinbaseParserTests
{
    private const string Samples = "venues/coinbase";

    private readonly CoinbaseParser _parser = new();
    private readonly RecordingSink _sink = new();

    private static Price P(string s) => Price.Parse(s);

    private static Quantity Q(string s) => Quantity.Parse(s);

    private static RawFrame Sample(string name, FrameSource source = FrameSource.Ws, long recvTs = 1_000) =>
        SharedSample.Frame($"{Samples}/{name}", "coinbase", source, null, recvTs);

    /// <summary>Every file in ../shared/venues/coinbase with the outcome it must have; the REST responses are not WS frames.</summary>
    public static TheoryData<string, FrameSource, ParseOutcome> AllSamples => new()
    {
        { "advtrade_rest_product.json", FrameSource.Rest, ParseOutcome.Ignored },
        { "advtrade_rest_product_book.json", FrameSource.Rest, ParseOutcome.Ignored }, // books resync by resubscribing, not REST
        { "advtrade_ws_heartbeats_recorded.json", FrameSource.Ws, ParseOutcome.Control },
        { "advtrade_ws_l2_data_snapshot_fixture.json", FrameSource.Ws, ParseOutcome.Data },
        { "advtrade_ws_l2_data_snapshot_recorded_truncated.json", FrameSource.Ws, ParseOutcome.Data },
        { "advtrade_ws_l2_data_update_fixture.json", FrameSource.Ws, ParseOutcome.Data },
        { "advtrade_ws_market_trades_fixture.json", FrameSource.Ws, ParseOutcome.Data },
        { "advtrade_ws_market_trades_recorded.json", FrameSource.Ws, ParseOutcome.Data },
        { "advtrade_ws_subscriptions_ack_recorded.json", FrameSource.Ws, ParseOutcome.Control },
        { "advtrade_ws_subscriptions_fixture.json", FrameSource.Ws, ParseOutcome.Control },
        { "advtrade_ws_ticker_fixture.json", FrameSource.Ws, ParseOutcome.Data },
        // The Exchange (ex-Pro) feed is another protocol (FACTS §1.4); its frames have no Advanced Trade envelope.
        { "exchange_ws_l2update.json", FrameSource.Ws, ParseOutcome.Ignored },
        { "exchange_ws_last_match.json", FrameSource.Ws, ParseOutcome.Ignored },
        { "exchange_ws_level2_snapshot.json", FrameSource.Ws, ParseOutcome.Ignored },
        { "exchange_ws_match.json", FrameSource.Ws, ParseOutcome.Ignored },
        { "exchange_ws_subscribe_request.json", FrameSource.Ws, ParseOutcome.Ignored },
        { "exchange_ws_subscriptions_ack.json", FrameSource.Ws, ParseOutcome.Ignored },
        { "exchange_ws_ticker.json", FrameSource.Ws, ParseOutcome.Ignored },
    };

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Parse_EverySample_HasItsExpectedOutcome(string name, FrameSource source, ParseOutcome expected)
    {
        var outcome = _parser.Parse(Sample(name, source), _sink);

        Assert.Equal(expected, outcome);
        Assert.Equal(expected == ParseOutcome.Data, _sink.Sequence.Count > 0);
    }

    [Fact]
    public void AllSamples_CoverEveryFileInTheFolder()
    {
        var listed = AllSamples.Select(row => row.Data.Item1).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(SharedSample.FileNames(Samples), listed);
    }

    [Fact]
    public void Parse_L2SnapshotFixture_EmitsSnapshotWithSequenceLevelsAndEventTime()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("advtrade_ws_l2_data_snapshot_fixture.json", recvTs: 77), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal(new("coinbase", "BTC-USD"), u.Instrument);
        Assert.Equal(BookUpdateKind.Snapshot, u.Kind);
        Assert.Equal(0, u.FirstUpdateId); // sequence_num 0
        Assert.Equal(0, u.LastUpdateId);
        // event_time 2026-04-07T14:30:00.123456Z = 1_775_572_200 s (see Rfc3339TimeTests) + 123_456_000 ns.
        Assert.Equal(1_775_572_200_123_456_000, u.TsEvent);
        Assert.Equal(77, u.TsRecv);
        Assert.Equal(
            [
                new BookLevelChange(BookSide.Bid, P("68900.00"), Q("1.5")),
                new BookLevelChange(BookSide.Bid, P("68899.50"), Q("0.75")),
                new BookLevelChange(BookSide.Bid, P("68899.00"), Q("2.3")),
                new BookLevelChange(BookSide.Ask, P("68901.00"), Q("0.5")),
                new BookLevelChange(BookSide.Ask, P("68901.50"), Q("1.2")),
                new BookLevelChange(BookSide.Ask, P("68902.00"), Q("0.8")),
            ],
            u.Levels.ToArray());
        Assert.Equal(2, u.PriceDecimals);
        Assert.Equal(8, u.SizeDecimals);
        Assert.Equal(0, _parser.LastSequenceNum);
    }

    [Fact]
    public void Parse_RecordedUnsortedSnapshot_KeepsLevelsAsSentWithOfferAsAsk()
    {
        // Live BTC-PERP-INTX frame: offer, bid, bid, offer — interleaved and not sorted (FACTS §1.3).
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("advtrade_ws_l2_data_snapshot_recorded_truncated.json"), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal("BTC-PERP-INTX", u.Instrument!.Symbol);
        Assert.Equal(BookUpdateKind.Snapshot, u.Kind);
        Assert.Equal(
            [
                new BookLevelChange(BookSide.Ask, P("79944.1"), Q("1.2")),
                new BookLevelChange(BookSide.Bid, P("79943.9"), Q("3.0105")),
                new BookLevelChange(BookSide.Bid, P("79943.8"), Q("0.5")),
                new BookLevelChange(BookSide.Ask, P("79944"), Q("0.048")),
            ],
            u.Levels.ToArray());
        // 2026-09-07: 20454 days to 2026-01-01 + (31+28+31+30+31+30+31+31) + 6 = 20703 days;
        // 20703 * 86400 = 1_788_739_200 s + 01:57:58 (7_078 s) = 1_788_746_278 s; .894355 s.
        Assert.Equal(1_788_746_278_894_355_000, u.TsEvent);
    }

    [Fact]
    public void Parse_L2UpdateFixture_EmitsDeltaWithZeroSizeRemoval()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("advtrade_ws_l2_data_update_fixture.json"), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal(BookUpdateKind.Delta, u.Kind);
        Assert.Equal(1, u.LastUpdateId);
        Assert.Equal(
            [new BookLevelChange(BookSide.Bid, P("68900"), Q("2")), new BookLevelChange(BookSide.Ask, P("68901"), Quantity.Zero)],
            u.Levels.ToArray());
        Assert.Equal(1_775_572_201_456_789_000, u.TsEvent); // 14:30:01.456789 on the same day as the snapshot
    }

    [Fact]
    public void Parse_MarketTradesFixture_EmitsEachTradeWithAggressorAndNumericId()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("advtrade_ws_market_trades_fixture.json", recvTs: 5), _sink));

        Assert.Equal(
            [
                new TradeTick(new("coinbase", "BTC-USD"), P("68900.50"), Q("0.0015"), OrderSide.Buy, 995098700, 1_775_572_202_789_012_000, 5),
                new TradeTick(new("coinbase", "BTC-USD"), P("68900.00"), Q("0.05"), OrderSide.Sell, 995098701, 1_775_572_202_800_000_000, 5),
            ],
            _sink.Trades);
        Assert.Equal(5, _parser.LastSequenceNum);
    }

    [Fact]
    public void Parse_RecordedTradesNewestFirst_EmitsOldestFirst()
    {
        // The live frame lists 22381691 (07:13:31.088388) before 22381690 (07:13:31.084859).
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("advtrade_ws_market_trades_recorded.json"), _sink));

        Assert.Equal([22381690L, 22381691L], _sink.Trades.Select(t => t.TradeId));
        // 2024-10-04 is day 20000 (see Rfc3339TimeTests); 20000 * 86400 + 07:13:31 (26_011 s) = 1_728_026_011 s.
        Assert.Equal([1_728_026_011_084_859_000L, 1_728_026_011_088_388_000L], _sink.Trades.Select(t => t.TsEvent));
        Assert.All(_sink.Trades, t => Assert.Equal(OrderSide.Buy, t.Aggressor));
        Assert.All(_sink.Trades, t => Assert.Equal(P("2375.56"), t.Price));
        Assert.All(_sink.Trades, t => Assert.Equal("ETH-USDT", t.Instrument.Symbol));
    }

    [Fact]
    public void Parse_TickerFixture_EmitsBestBidAskWithSequenceAsUpdateId()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("advtrade_ws_ticker_fixture.json", recvTs: 9), _sink));

        var q = Assert.Single(_sink.Quotes);
        Assert.Equal(
            new QuoteTick(new("coinbase", "BTC-USD"), P("68900.00"), Q("1.5"), P("68901.00"), Q("0.5"), 12, 1_775_572_203_000_000_000, 9),
            q);
    }

    [Fact]
    public void Parse_RecordedHeartbeat_IsControlAndReportsItsSequence()
    {
        var seen = new List<(long Seq, long Ts)>();
        _parser.SequenceObserved += (seq, ts) => seen.Add((seq, ts));

        Assert.Equal(ParseOutcome.Control, _parser.Parse(Sample("advtrade_ws_heartbeats_recorded.json", recvTs: 33), _sink));

        Assert.Equal([(1L, 33L)], seen);
        Assert.Equal(1, _parser.LastSequenceNum);
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_BookFrame_ReportsSequenceBeforeEmitting()
    {
        var order = new List<string>();
        var sink = new OrderSink(order);
        _parser.SequenceObserved += (seq, _) => order.Add($"seq:{seq}");

        _parser.Parse(L2Update(41), sink);

        Assert.Equal(["seq:41", "book:41"], order);
    }

    [Fact]
    public void Parse_FieldsInAnyOrder_SameResult()
    {
        // events before channel, product_id after updates, level fields reordered.
        var json = """{"events":[{"updates":[{"new_quantity":"3","price_level":"10.5","side":"offer"}],"product_id":"ETH-USD","type":"update"}],"sequence_num":9,"channel":"l2_data"}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Ws(json, 4), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal("ETH-USD", u.Instrument!.Symbol);
        Assert.Equal(9, u.LastUpdateId);
        Assert.Equal(4, u.TsEvent); // neither event_time nor timestamp: the receive time stands in
        Assert.Equal([new BookLevelChange(BookSide.Ask, P("10.5"), Q("3"))], u.Levels.ToArray());
    }

    [Fact]
    public void Parse_TwoProductsInOneFrame_EmitsOneUpdateEach()
    {
        var json = """{"channel":"l2_data","sequence_num":3,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid","price_level":"1","new_quantity":"1"}]},{"type":"snapshot","product_id":"ETH-USD","updates":[]}]}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Ws(json), _sink));

        Assert.Equal(["book:Delta:3", "book:Snapshot:3"], _sink.Sequence);
        Assert.Equal("ETH-USD", _sink.BookUpdates[1].Instrument!.Symbol);
    }

    [Fact]
    public void Parse_OtherChannel_IsIgnoredButItsSequenceCounts()
    {
        var json = """{"channel":"candles","client_id":"","timestamp":"2026-04-07T14:30:00Z","sequence_num":7,"events":[{"type":"update","candles":[]}]}""";

        Assert.Equal(ParseOutcome.Ignored, _parser.Parse(Ws(json), _sink));
        Assert.Equal(7, _parser.LastSequenceNum);
    }

    [Fact]
    public void Parse_NonNumericTradeId_KeepsTradeWithIdZero()
    {
        var json = """{"channel":"market_trades","sequence_num":2,"events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"a1b2-c3","price":"1.5","size":"2","side":"SELL","time":"2026-04-07T14:30:00Z"}]}]}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Ws(json), _sink));
        Assert.Equal(0, Assert.Single(_sink.Trades).TradeId);
    }

    [Theory]
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid","price_level":"1","new_quantity":"1"}""")] // truncated
    [InlineData("""{"channel":"l2_data","events":[{"type":"update","product_id":"BTC-USD","updates":[]}]}""")] // book without sequence_num
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[{"type":"update","updates":[{"side":"bid","price_level":"1","new_quantity":"1"}]}]}""")] // no product
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[{"product_id":"BTC-USD","updates":[]}]}""")] // no snapshot/update type
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"ask","price_level":"1","new_quantity":"1"}]}]}""")] // side is "offer"
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid","price_level":"abc","new_quantity":"1"}]}]}""")]
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid","price_level":"1","new_quantity":"-1"}]}]}""")]
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid","price_level":"99999999999","new_quantity":"1"}]}]}""")] // beyond the fixed-point range
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid","price_level":"1","new_quantity":"1","event_time":"yesterday"}]}]}""")]
    [InlineData("""{"channel":"l2_data","sequence_num":-1,"events":[]}""")]
    [InlineData("""{"channel":"l2_data","sequence_num":99999999999999999999,"events":[]}""")] // beyond long
    [InlineData("""{"channel":"market_trades","sequence_num":2,"events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"1","price":"1","size":"1","time":"2026-04-07T14:30:00Z"}]}]}""")] // no side
    [InlineData("""{"channel":"market_trades","sequence_num":2,"events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"1","price":"1","size":"1","side":"buy-ish"}]}]}""")]
    [InlineData("""{"channel":"ticker","sequence_num":2,"events":[{"type":"update","tickers":[{"product_id":"BTC-USD","best_bid":"1","best_bid_quantity":"1","best_ask":"2"}]}]}""")] // no ask quantity
    [InlineData("""{"channel":"heartbeats","timestamp":"2024-10-04 07:04:40.820713045 +0000 UTC","sequence_num":1,"events":[]}""")] // envelope time not RFC 3339
    [InlineData("""{"channel":"l2_data","sequence_num":1,"events":[[[[[[[[[]]]]]]]]]}""")] // nested too deep
    [InlineData("""not json""")]
    [InlineData("""{"channel":"heartbeats","sequence_num":1,"events":[]} {}""")] // trailing content
    [InlineData("""[1,2,3]""")]
    public void Parse_MalformedFrame_ReturnsMalformedEmitsNothingAndReportsNoSequence(string json)
    {
        var observed = 0;
        _parser.SequenceObserved += (_, _) => observed++;

        Assert.Equal(ParseOutcome.Malformed, _parser.Parse(Ws(json), _sink));

        Assert.Empty(_sink.Sequence);
        Assert.Equal(0, observed);
        Assert.Null(_parser.LastSequenceNum);
    }

    [Fact]
    public void Parse_FrameOverTheSizeLimit_IsMalformed()
    {
        var parser = new CoinbaseParser(maxFrameBytes: 64);
        var frame = L2Update(1); // about 280 bytes

        Assert.Equal(ParseOutcome.Malformed, parser.Parse(frame, _sink));
        Assert.Empty(_sink.Sequence);
        Assert.Equal(ParseOutcome.Data, new CoinbaseParser(maxFrameBytes: frame.Raw.Length).Parse(frame, _sink));
    }

    [Fact]
    public void Parse_WarmParser_AllocatesNothingPerFrame()
    {
        var sink = new CountingSink();
        var book = L2Update(5);
        var trade = Trade(6);
        var ticker = Ws("""{"channel":"ticker","client_id":"","timestamp":"2026-04-07T14:30:03.000000Z","sequence_num":12,"events":[{"type":"update","tickers":[{"type":"ticker","product_id":"BTC-USD","price":"68900.50","best_bid":"68900.00","best_bid_quantity":"1.50000000","best_ask":"68901.00","best_ask_quantity":"0.50000000"}]}]}""");
        var heartbeat = Heartbeat(7);
        var observed = 0L;
        _parser.SequenceObserved += (seq, _) => observed += seq;
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
        Assert.Equal(3 * 1_010, sink.Events); // book, trade and quote reach the sink; the heartbeat does not
        Assert.Equal((5 + 6 + 12 + 7) * 1_010, observed);
    }

    private sealed class OrderSink(List<string> order) : IMarketDataSink
    {
        public void OnBookUpdate(BookUpdate update) => order.Add($"book:{update.LastUpdateId}");

        public void OnTrade(in TradeTick trade) => order.Add("trade");

        public void OnQuote(in QuoteTick quote) => order.Add("quote");

        public void OnBookStatus(in BookStatus status) => order.Add("status");
    }
}
