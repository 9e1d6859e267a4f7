using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Bitstamp;
using static Edgewise.Tests.Venues.Bitstamp.BitstampFrames;

namespace Edgewise.Tests.Venues.Bitstamp;

[Collection(AllocationMeasurements.Name)]
public class BitstampParserTests
{
    private const string Samples = "venues/bitstamp";

    private readonly BitstampParser _parser = new();
    private readonly RecordingSink _sink = new();

    private static Price P(string s) => Price.Parse(s);

    private static Quantity Q(string s) => Quantity.Parse(s);

    private static RawFrame Sample(string name, FrameSource source = FrameSource.Ws, string? endpoint = null, long recvTs = 1_000) =>
        SharedSample.Frame($"{Samples}/{name}", "bitstamp", source, endpoint, recvTs);

    /// <summary>Every file in ../shared/venues/bitstamp with the outcome it must have.</summary>
    public static TheoryData<string, FrameSource, ParseOutcome> AllSamples => new()
    {
        { "rest_order_book_ethusd_recorded_2022.json", FrameSource.Rest, ParseOutcome.Data },
        { "ws_diff_order_book_recorded_2022.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_diff_order_book_recorded_2026.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_live_trade_recorded_2022.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_live_trade_recorded_2026.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_order_book_snapshot_recorded_2020.json", FrameSource.Ws, ParseOutcome.Data },
        { "ws_private_my_orders_recorded.json", FrameSource.Ws, ParseOutcome.Ignored }, // private order event: not market data
        { "ws_request_reconnect.json", FrameSource.Ws, ParseOutcome.Control },
        { "ws_subscribe_request.json", FrameSource.Ws, ParseOutcome.Ignored }, // our own request, as a capture records it
        { "ws_subscription_succeeded.json", FrameSource.Ws, ParseOutcome.Control },
    };

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Parse_EverySample_HasItsExpectedOutcome(string name, FrameSource source, ParseOutcome expected)
    {
        var endpoint = source == FrameSource.Rest ? "/api/v2/order_book/ethusd/" : null;

        Assert.Equal(expected, _parser.Parse(Sample(name, source, endpoint), _sink));
        Assert.Equal(expected == ParseOutcome.Data, _sink.Sequence.Count > 0);
    }

    [Fact]
    public void AllSamples_CoverEveryFileInTheFolder()
    {
        Assert.Equal(SharedSample.FileNames(Samples), AllSamples.Select(row => row.Data.Item1).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Parse_RecordedRestBook_IsSnapshotWithoutThePlaceholderAsk()
    {
        var frame = Sample("rest_order_book_ethusd_recorded_2022.json", FrameSource.Rest, "https://www.bitstamp.net/api/v2/order_book/ethusd/", 12);

        Assert.Equal(ParseOutcome.Data, _parser.Parse(frame, _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal(new("bitstamp", "ethusd"), u.Instrument);
        Assert.Equal(BookUpdateKind.Snapshot, u.Kind);
        Assert.Equal(1_641_343_695_681_418, u.LastUpdateId); // microtimestamp
        Assert.Equal(1_641_343_695_681_418_000, u.TsEvent);
        Assert.Equal(12, u.TsRecv);
        var bids = u.Levels.ToArray().Where(l => l.Side == BookSide.Bid).ToArray();
        var asks = u.Levels.ToArray().Where(l => l.Side == BookSide.Ask).ToArray();
        // The file has 2023 bids and 1971 asks; its last ask, 9999999999.00 x 0.001, is beyond the fixed-point range.
        Assert.Equal(2023, bids.Length);
        Assert.Equal(1970, asks.Length);
        Assert.Equal(new BookLevelChange(BookSide.Bid, P("3802.90"), Q("0.6")), bids[0]);
        Assert.Equal(new BookLevelChange(BookSide.Bid, P("0.01"), Q("5987")), bids[^1]);
        Assert.Equal(new BookLevelChange(BookSide.Ask, P("3805.47"), Q("8.26964788")), asks[0]);
        Assert.Equal(new BookLevelChange(BookSide.Ask, P("85185447.45"), Q("0.15867547")), asks[^1]);
        Assert.Equal(1, _parser.OutOfRangeAsksDropped);
    }

    [Fact]
    public void Parse_RecordedDiff2022_IsDeltaWithDeletionAndMicrotimestamp()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_diff_order_book_recorded_2022.json"), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal("ethusd", u.Instrument!.Symbol);
        Assert.Equal(BookUpdateKind.Delta, u.Kind);
        Assert.Equal(1_641_343_691_406_478, u.FirstUpdateId);
        Assert.Equal(1_641_343_691_406_478, u.LastUpdateId);
        Assert.Equal(
            [
                new BookLevelChange(BookSide.Bid, P("3800.71"), Q("1.762")),
                new BookLevelChange(BookSide.Bid, P("3800.07"), Q("10")),
                new BookLevelChange(BookSide.Bid, P("3799.64"), Quantity.Zero),
                new BookLevelChange(BookSide.Bid, P("3797.93"), Q("2.73248242")),
            ],
            u.Levels.ToArray());
    }

    [Fact]
    public void Parse_RecordedDiff2026_ReadsBothSidesOfThePrettyPrintedFrame()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_diff_order_book_recorded_2026.json"), _sink));

        var levels = Assert.Single(_sink.BookUpdates).Levels.ToArray();
        // 25 bids (11 of them "0.00000000" deletions) and 17 asks (6 deletions), counted in the file.
        Assert.Equal(25, levels.Count(l => l.Side == BookSide.Bid));
        Assert.Equal(17, levels.Count(l => l.Side == BookSide.Ask));
        Assert.Equal(17, levels.Count(l => l.Size.Raw == 0));
        Assert.Equal(new BookLevelChange(BookSide.Bid, P("2087.28"), Q("0.5")), levels[0]);
        Assert.Equal(new BookLevelChange(BookSide.Ask, P("2092.00"), Quantity.Zero), levels[^1]);
        Assert.Equal(1_772_723_362_377_013, _sink.BookUpdates[0].LastUpdateId);
    }

    [Fact]
    public void Parse_RecordedTrade2022_BuyTakerAtMicrosecondTime()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_live_trade_recorded_2022.json", recvTs: 2), _sink));

        Assert.Equal(
            new TradeTick(new("bitstamp", "ethusd"), P("3805.44"), Q("0.0792"), OrderSide.Buy, 216000477, 1_641_343_699_596_000_000, 2),
            Assert.Single(_sink.Trades));
    }

    [Fact]
    public void Parse_RecordedTrade2026_NumbersAndStringsAgree()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_live_trade_recorded_2026.json", recvTs: 2), _sink));

        Assert.Equal(
            new TradeTick(new("bitstamp", "ethusd"), P("2090.22"), Q("0.241"), OrderSide.Buy, 542327128, 1_772_723_751_946_000_000, 2),
            Assert.Single(_sink.Trades));
    }

    [Fact]
    public void Parse_SellTaker_TypeOne()
    {
        var json = """{"data":{"id":1,"timestamp":"1641343699","amount":0.5,"amount_str":"0.50000000","price":3805.44,"price_str":"3805.44","type":1,"microtimestamp":"1641343699596000"},"channel":"live_trades_btcusd","event":"trade"}""";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Ws(json), _sink));
        Assert.Equal(OrderSide.Sell, Assert.Single(_sink.Trades).Aggressor);
    }

    [Fact]
    public void Parse_RecordedOrderBookPush_IsSelfContainedSnapshot()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_order_book_snapshot_recorded_2020.json"), _sink));

        var u = Assert.Single(_sink.BookUpdates);
        Assert.Equal("btcusd", u.Instrument!.Symbol);
        Assert.Equal(BookUpdateKind.Snapshot, u.Kind);
        Assert.Equal(1_606_965_727_403_931, u.LastUpdateId);
        var levels = u.Levels.ToArray();
        Assert.Equal(100, levels.Count(l => l.Side == BookSide.Bid));
        Assert.Equal(100, levels.Count(l => l.Side == BookSide.Ask));
        Assert.Equal(new BookLevelChange(BookSide.Bid, P("19133.97"), Q("0.01")), levels[0]);
        Assert.Equal(new BookLevelChange(BookSide.Ask, P("19141.75"), Q("0.393")), levels[100]);
        Assert.Equal(new BookLevelChange(BookSide.Ask, P("19326.50"), Q("0.00915272")), levels[^1]);
    }

    [Fact]
    public void Parse_RequestReconnect_IsControlAndRaisedOnce()
    {
        var raised = new List<long>();
        _parser.ReconnectRequested += raised.Add;

        Assert.Equal(ParseOutcome.Control, _parser.Parse(Sample("ws_request_reconnect.json", recvTs: 55), _sink));

        Assert.Equal([55L], raised);
        Assert.Equal(1, _parser.ReconnectRequests);
        Assert.Empty(_sink.Sequence);
    }

    [Theory]
    [InlineData("""{"event":"bts:heartbeat","channel":"","data":{"status":"success"}}""", ParseOutcome.Control)]
    [InlineData("""{"event":"bts:unsubscription_succeeded","channel":"live_trades_btcusd","data":{}}""", ParseOutcome.Control)]
    [InlineData("""{"event":"bts:connection_established","channel":"","data":{}}""", ParseOutcome.Control)]
    [InlineData("""{"event":"bts:error","channel":"","data":{"code":null,"message":"Bad subscription string."}}""", ParseOutcome.Control)]
    [InlineData("""{"data":{"timestamp":"1","microtimestamp":"1000000","bids":[["1.0","2.0","123"]],"asks":[]},"channel":"detail_order_book_btcusd","event":"data"}""", ParseOutcome.Ignored)]
    [InlineData("""{"data":{"id":1,"amount":1,"price":1},"channel":"live_orders_btcusd","event":"order_created"}""", ParseOutcome.Ignored)]
    public void Parse_ControlAndOtherFrames_EmitNothing(string json, ParseOutcome expected)
    {
        Assert.Equal(expected, _parser.Parse(Ws(json), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_RestSnapshotWithoutEndpoint_UsesTheOnlyPairSeen()
    {
        _parser.Parse(Diff(5_000_000), _sink);

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Rest("""{"timestamp":"6","microtimestamp":"6000000","bids":[],"asks":[]}""", null), _sink));
        Assert.Equal("btcusd", _sink.BookUpdates[^1].Instrument!.Symbol);
    }

    [Theory]
    [InlineData("""{"timestamp":"6","microtimestamp":"6000000","bids":[],"asks":[]}""", null)] // no pair known
    [InlineData("""{"timestamp":"6","bids":[],"asks":[]}""", "/api/v2/order_book/btcusd/")] // no microtimestamp
    [InlineData("""{"status":"error","reason":"Invalid pair"}""", "/api/v2/order_book/btcusd/")]
    [InlineData("""{"timestamp":"6","microtimestamp":"6000000","bids":[["99999999999.00","1"]],"asks":[]}""", "/api/v2/order_book/btcusd/")] // an out-of-range bid
    public void Parse_BadRestSnapshot_IsMalformed(string json, string? endpoint)
    {
        Assert.Equal(ParseOutcome.Malformed, _parser.Parse(Rest(json, endpoint), _sink));
        Assert.Empty(_sink.Sequence);
        Assert.Equal(0, _parser.OutOfRangeAsksDropped);
    }

    [Theory]
    [InlineData("""{"data":{"timestamp":"1","bids":[],"asks":[]},"channel":"diff_order_book_btcusd","event":"data"}""")] // no microtimestamp
    [InlineData("""{"data":{"microtimestamp":"1","bids":[["abc","1"]],"asks":[]},"channel":"diff_order_book_btcusd","event":"data"}""")]
    [InlineData("""{"data":{"microtimestamp":"1","bids":[["1.0","-1"]],"asks":[]},"channel":"diff_order_book_btcusd","event":"data"}""")]
    [InlineData("""{"data":{"microtimestamp":"1","bids":[["1.0","1","7"]],"asks":[]},"channel":"diff_order_book_btcusd","event":"data"}""")] // a detail level in a diff
    [InlineData("""{"data":{"microtimestamp":"1","bids":[],"asks":[]},"channel":"diff_order_book_","event":"data"}""")] // no pair
    [InlineData("""{"data":{"microtimestamp":"1x","bids":[],"asks":[]},"channel":"diff_order_book_btcusd","event":"data"}""")]
    [InlineData("""{"data":{"microtimestamp":"1","bids":[]},"channel":"diff_order_book_btcusd","event":"data"}""")] // no asks
    [InlineData("""{"data":{"id":1,"amount_str":"1.0","price_str":"1.0","microtimestamp":"1"},"channel":"live_trades_btcusd","event":"trade"}""")] // no type
    [InlineData("""{"data":{"id":1,"amount_str":"1.0","price_str":"1.0","type":2,"microtimestamp":"1"},"channel":"live_trades_btcusd","event":"trade"}""")]
    [InlineData("""{"data":{"id":1,"amount":1.0,"amount_str":"1.0","price":2.0,"price_str":"1.0","type":0},"channel":"live_trades_btcusd","event":"trade"}""")] // number and text disagree
    [InlineData("""{"data":{"amount_str":"1.0","price_str":"1.0","type":0},"channel":"live_trades_btcusd","event":"trade"}""")] // no id
    [InlineData("""{"data":{"id":1,"amount_str":"0","price_str":"1.0","type":0},"channel":"live_trades_btcusd","event":"trade"}""")] // zero amount
    [InlineData("""{"data":{"microtimestamp":"1","bids":[["1.0","1"]],"asks":[]},"channel":"diff_order_book_btcusd","event":"data""")] // truncated
    [InlineData("""{"event":"data"} []""")]
    [InlineData("""{"data":{"bids":[[[[[[[[[]]]]]]]]]}}""")] // nested too deep
    [InlineData("""[]""")]
    public void Parse_MalformedFrame_ReturnsMalformedAndEmitsNothing(string json)
    {
        Assert.Equal(ParseOutcome.Malformed, _parser.Parse(Ws(json), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_FrameOverTheSizeLimit_IsMalformed()
    {
        var frame = Diff(1_641_343_691_406_478);

        Assert.Equal(ParseOutcome.Malformed, new BitstampParser(maxFrameBytes: frame.Raw.Length - 1).Parse(frame, _sink));
        Assert.Empty(_sink.Sequence);
        Assert.Equal(ParseOutcome.Data, new BitstampParser(maxFrameBytes: frame.Raw.Length).Parse(frame, _sink));
    }

    [Fact]
    public void Parse_WarmParser_AllocatesNothingPerFrame()
    {
        var sink = new CountingSink();
        var diff = Ws("""{"data":{"timestamp":"1641343691","microtimestamp":"1641343691406478","bids":[["3800.71","1.76200000"],["3800.07","10.00000000"],["3799.64","0.00000000"]],"asks":[["3805.47","8.26964788"]]},"channel":"diff_order_book_ethusd","event":"data"}""");
        var trade = Ws("""{"data":{"id":216000477,"timestamp":"1641343699","amount":0.0792,"amount_str":"0.07920000","price":3805.44,"price_str":"3805.44","type":0,"microtimestamp":"1641343699596000","buy_order_id":1443875737346049,"sell_order_id":1443875731320832},"channel":"live_trades_ethusd","event":"trade"}""");
        var heartbeat = Ws("""{"event":"bts:heartbeat","channel":"","data":{"status":"success"}}""");
        for (var i = 0; i < 10; i++)
        {
            _parser.Parse(diff, sink);
            _parser.Parse(trade, sink);
            _parser.Parse(heartbeat, sink);
        }

        var window = AllocationWindow.Open();
        for (var i = 0; i < 1_000; i++)
        {
            _parser.Parse(diff, sink);
            _parser.Parse(trade, sink);
            _parser.Parse(heartbeat, sink);
        }

        window.AssertNothingAllocated();
        Assert.Equal(2 * 1_010, sink.Events);
    }
}
