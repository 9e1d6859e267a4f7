using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Kalshi;
using static Edgewise.Tests.Venues.Kalshi.KalshiFrames;

namespace Edgewise.Tests.Venues.Kalshi;

[Collection(AllocationMeasurements.Name)]
public sealed class KalshiParserTests
{
    private readonly RecordingSink _sink = new();

    private static Price P(string s) => Price.Parse(s);

    private static Quantity Q(string s) => Quantity.Parse(s);

    private static BookLevelChange Bid(string price, string size) => new(BookSide.Bid, P(price), Q(size));

    private static BookLevelChange Ask(string price, string size) => new(BookSide.Ask, P(price), Q(size));

    [Fact]
    public void Constructor_PricingNotStated_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KalshiParser(default));
    }

    [Theory]
    // use_yes_price=false: NO bids at 0.54 and 0.93 are YES asks at 1-0.54 = 0.46 and 1-0.93 = 0.07.
    [InlineData(KalshiBookPricing.NoLevelsAtNoPrice, "0.07", "0.46")]
    // use_yes_price=true: the same numbers already are YES asks, no 1-x.
    [InlineData(KalshiBookPricing.NoLevelsAtYesPrice, "0.54", "0.93")]
    public void Parse_SnapshotNoSide_MappedByThePricingMode(KalshiBookPricing pricing, string bestAsk, string nextAsk)
    {
        var parser = new KalshiParser(pricing);

        parser.Parse(Snapshot(1, 1, Btc15m, """[["0.0950","10.50"]]""", """[["0.5400","3.00"],["0.9300","7.25"]]"""), _sink);

        var s = Assert.Single(_sink.BookUpdates);
        var asks = s.Levels.ToArray().Where(l => l.Side == BookSide.Ask).ToArray();
        var (bestSize, nextSize) = pricing == KalshiBookPricing.NoLevelsAtNoPrice ? ("7.25", "3") : ("3", "7.25");
        Assert.Equal([Ask(bestAsk, bestSize), Ask(nextAsk, nextSize)], asks);
        Assert.Equal(Bid("0.095", "10.5"), s.Levels[0]);
    }

    [Theory]
    [InlineData(KalshiBookPricing.NoLevelsAtNoPrice, "0.9050")] // NO bid at 0.095 -> YES ask 1-0.095 = 0.905 (tapered top band)
    [InlineData(KalshiBookPricing.NoLevelsAtYesPrice, "0.0950")] // already the YES ask price
    public void Parse_DeltaNoSide_AskAtThePricedLevel(KalshiBookPricing pricing, string expectedAsk)
    {
        var parser = new KalshiParser(pricing);

        parser.Parse(Delta(4, 9, Btc15m, "0.0950", "-2.50", "no"), _sink);

        var d = Assert.Single(_sink.BookUpdates);
        Assert.Equal(BookUpdateKind.SignedDelta, d.Kind);
        Assert.Equal([Ask(expectedAsk, "-2.5")], d.Levels.ToArray());
        Assert.Equal(9, d.LastUpdateId);
        Assert.Equal(1_790_463_162_728_000_000, d.TsEvent); // ts_ms wins over any ts
    }

    [Fact]
    public void Parse_SnapshotLevelsInAnyOrderAndASideAbsent_SortedBestFirstAndAbsentSideEmpty()
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);

        parser.Parse(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"],["0.0010","2.00"],["0.9990","3.00"],["0.1000","4.00"]]""", null), _sink);

        var s = Assert.Single(_sink.BookUpdates);
        Assert.Equal([Bid("0.999", "3"), Bid("0.42", "1"), Bid("0.1", "4"), Bid("0.001", "2")], s.Levels.ToArray());
    }

    [Fact]
    public void Parse_Delta_SidIsReadableWhileTheSinkHandlesIt()
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);
        var seen = new SidRecorder(parser);

        parser.Parse(Delta(7, 3, Btc15m, "0.4200", "1.00", "yes"), seen);
        parser.Parse(Snapshot(12, 1, BtcDaily, null, null), seen);

        Assert.Equal([7L, 12L], seen.Sids);
    }

    [Fact]
    public void Parse_TickerWithSizesAndMilliseconds_QuoteCarriesThem()
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);
        var json = $$$"""{"type":"ticker","sid":3,"msg":{"market_ticker":"{{{Btc15m}}}","yes_bid_dollars":"0.0690","yes_ask_dollars":"0.0700","yes_bid_size_fp":"12.34","yes_ask_size_fp":"0.50","ts":1790463162,"ts_ms":1790463162728}}""";

        Assert.Equal(ParseOutcome.Data, parser.Parse(Ws(json), _sink));

        var q = Assert.Single(_sink.Quotes);
        Assert.Equal((P("0.069"), Q("12.34"), P("0.07"), Q("0.5")), (q.Bid, q.BidSize, q.Ask, q.AskSize));
        Assert.Equal(1_790_463_162_728_000_000, q.TsEvent);
    }

    [Fact]
    public void Parse_CfBenchmarksValueWithAverages_DataStringParsedTwice()
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);
        var ticks = new List<KalshiIndexTick>();
        parser.IndexTickReceived += ticks.Add;
        var json = """
            {"type":"cfbenchmarks_value","sid":4,"seq":17,"msg":{"index_id":"BRTI","received_at":1790463180012,
             "data":"{\"type\":\"value\",\"id\":\"BRTI\",\"time\":1790463180000,\"value\":\"112034.56\"}",
             "avg_60s_data":{"value":"112010.25","window_size":59,"window_start_ts_ms":1790463120000,"window_end_ts_exclusive":1790463180000},
             "last_60s_windowed_average_15min":{"value":"112001.5","window_size":60,"window_start_ts_ms":1790463120000,"window_end_ts_exclusive":1790463180001}}}
            """;

        Assert.Equal(ParseOutcome.Data, parser.Parse(Ws(json, 3), _sink));

        var tick = Assert.Single(ticks);
        Assert.Equal("BRTI", tick.IndexId);
        Assert.Equal(P("112034.56"), tick.Value); // from the inner CF frame
        Assert.Equal(1_790_463_180_000_000_000, tick.SourceTs); // inner "time"
        Assert.Equal(1_790_463_180_012_000_000, tick.ReceivedAt);
        Assert.Equal(new KalshiIndexAverage(P("112010.25"), 59, 1_790_463_120_000_000_000, 1_790_463_180_000_000_000), tick.Trailing60s);
        Assert.Equal(new KalshiIndexAverage(P("112001.5"), 60, 1_790_463_120_000_000_000, 1_790_463_180_001_000_000), tick.Settlement15Min);
        Assert.Equal((false, 4L, 17L), (tick.FiveHz, tick.Sid, tick.Seq));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(25, true)]
    [InlineData(9, false)] // authentication required: a connection problem, not an ended subscription
    [InlineData(11, false)]
    public void Parse_Error_CodeAndWhetherItEndsTheSubscription(int code, bool ends)
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);
        var controls = new List<KalshiControlMessage>();
        parser.ControlReceived += controls.Add;

        var outcome = parser.Parse(Ws($$$"""{"id":5,"type":"error","msg":{"code":{{{code}}},"msg":"Channel error"}}"""), _sink);

        Assert.Equal(ParseOutcome.Control, outcome);
        var c = Assert.Single(controls);
        Assert.Equal((KalshiControlKind.Error, (long?)5, (int?)code, "Channel error", ends), (c.Kind, c.CommandId, c.ErrorCode, c.ErrorText, c.EndsSubscription));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_OkAndSubscribedWithSidInsideMsg_Control()
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);
        var controls = new List<KalshiControlMessage>();
        parser.ControlReceived += controls.Add;

        parser.Parse(Ws("""{"id":2,"type":"subscribed","msg":{"channel":"orderbook_delta","sid":8}}"""), _sink);
        parser.Parse(Ws("""{"id":3,"sid":8,"seq":40,"type":"ok","msg":{"market_tickers":["A","B"]}}"""), _sink);

        Assert.Equal(
            [(KalshiControlKind.Subscribed, (long?)8, (long?)null, "orderbook_delta"), (KalshiControlKind.Ok, 8, 40, null)],
            controls.Select(c => (c.Kind, c.Sid, c.Seq, c.Channel)));
    }

    [Theory]
    [InlineData(""""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"M","price_dollars":"0.4200","delta_fp":"5.00","side":"yes"""")] // truncated
    [InlineData("""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"M","price_dollars":"0.4200","delta_fp":"5.00"}}""")] // no side
    [InlineData("""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"M","price_dollars":"0.4200","delta_fp":"5.00","side":"maybe"}}""")]
    [InlineData("""{"type":"orderbook_delta","sid":1,"msg":{"market_ticker":"M","price_dollars":"0.4200","delta_fp":"5.00","side":"yes"}}""")] // no seq
    [InlineData("""{"type":"orderbook_delta","seq":2,"msg":{"market_ticker":"M","price_dollars":"0.4200","delta_fp":"5.00","side":"yes"}}""")] // no sid
    [InlineData("""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"M","price":42,"delta":5,"side":"yes"}}""")] // legacy fields only
    [InlineData("""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"M","price_dollars":"1.0000","delta_fp":"5.00","side":"yes"}}""")] // price 1
    [InlineData("""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"M","price_dollars":"0.42x","delta_fp":"5.00","side":"yes"}}""")]
    [InlineData("""{"type":"orderbook_delta","sid":"1","seq":2,"msg":{"market_ticker":"M","price_dollars":"0.4200","delta_fp":"5.00","side":"yes"}}""")] // sid as text
    [InlineData("""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"M","yes_dollars_fp":[["0.4200","-1.00"]]}}""")] // negative count
    [InlineData("""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"M","yes_dollars_fp":[["0.0000","1.00"]]}}""")] // price 0
    [InlineData("""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"M","yes_dollars_fp":[["0.4200","1.00","x"]]}}""")] // extra element
    [InlineData("""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"M","yes_dollars_fp":[["0.4200","1.00"],["0.4200","2.00"]]}}""")] // price twice
    [InlineData("""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"M","yes":[[42,1]],"no_dollars_fp":[]}}""")] // YES only in legacy form
    [InlineData("""{"type":"ticker","sid":1,"msg":{"market_ticker":"M","yes_bid_dollars":"0.4200"}}""")] // ticker without ask
    [InlineData("""{"type":"trade","sid":1,"msg":{"market_ticker":"M","yes_price_dollars":"0.3600","count_fp":"1.00"}}""")] // no taker side
    [InlineData("""{"type":"fill","sid":1,"msg":{"market_ticker":"M","order_id":"o","side":"yes","action":"buy","is_taker":true,"yes_price_dollars":"0.5","count_fp":"1"}}""")] // no trade id
    [InlineData("""{"type":"fill","sid":1,"msg":{"trade_id":"t","market_ticker":"M","order_id":"o","side":"yes","action":7,"is_taker":true,"yes_price_dollars":"0.5","count_fp":"1"}}""")]
    [InlineData("""{"type":"cfbenchmarks_value","sid":1,"seq":1,"msg":{"index_id":"BRTI","data":"{\"value\":\"1\",\"time\":5","avg_60s_data":{"value":"1","window_size":1}}}""")] // inner truncated
    [InlineData("""{"type":"cfbenchmarks_value","sid":1,"seq":1,"msg":{"index_id":"BRTI","data":"{\"time\":5}"}}""")] // no value anywhere
    [InlineData("""{"id":1,"type":"error","msg":{"msg":"no code"}}""")]
    [InlineData("""{"sid":1,"msg":{}}""")] // no type
    [InlineData("""{"type":"ticker"} trailing""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""not json""")]
    public void Parse_MalformedFrame_MalformedAndNothingEmitted(string json)
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);
        var events = 0;
        parser.ControlReceived += _ => events++;
        parser.FillReceived += _ => events++;
        parser.IndexTickReceived += _ => events++;

        Assert.Equal(ParseOutcome.Malformed, parser.Parse(Ws(json), _sink));

        Assert.Empty(_sink.Sequence);
        Assert.Equal(0, events);
    }

    [Fact]
    public void Parse_RestOrderbookWithoutEndpointOrKnownMarket_Malformed()
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);

        Assert.Equal(ParseOutcome.Malformed, parser.Parse(Rest("""{"orderbook_fp":{"yes_dollars":[],"no_dollars":[]}}""", null), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_WarmParser_OrderbookDeltaAndOtherMarketDataAllocateNothing()
    {
        var parser = new KalshiParser(KalshiBookPricing.NoLevelsAtNoPrice);
        var sink = new CountingSink();
        var delta = Ws(DeltaJson(1, 2, Btc15m, "0.0950", "-54.00", "no"));
        var legacyDelta = Ws("""{"type":"orderbook_delta","sid":2,"seq":3,"msg":{"market_ticker":"FED-23DEC-T3.00","price":96,"price_dollars":"0.960","delta":-54,"delta_fp":"-54.00","side":"yes","ts":"2022-11-22T20:44:01Z"}}""");
        var snapshot = Snapshot(1, 1, Btc15m, """[["0.3500","200.00"],["0.4200","13.00"]]""", """[["0.5400","400.00"],["0.5600","17.00"]]""");
        var ticker = Ws($$$"""{"type":"ticker","sid":3,"msg":{"market_ticker":"{{{Btc15m}}}","price_dollars":"0.4800","yes_bid_dollars":"0.4500","yes_ask_dollars":"0.5300","ts":1669149841}}""");
        var trade = Ws($$$"""{"type":"trade","sid":2,"msg":{"trade_id":"d91bc706-ee49-470d-82d8-11418bda6fed","market_ticker":"{{{Btc15m}}}","yes_price_dollars":"0.3600","no_price_dollars":"0.6400","count_fp":"136.00","taker_side":"no","ts":1741052641}}""");
        var index = Ws("""{"type":"cfbenchmarks_value","sid":4,"seq":17,"msg":{"index_id":"BRTI","received_at":1,"data":"{\"type\":\"value\",\"id\":\"BRTI\",\"time\":1790463180000,\"value\":\"112034.56\"}","avg_60s_data":{"value":"112010.25","window_size":59}}}""");
        RawFrame[] frames = [delta, legacyDelta, snapshot, ticker, trade, index];
        for (var i = 0; i < 10; i++)
        {
            foreach (var frame in frames)
            {
                parser.Parse(frame, sink);
            }
        }

        var window = AllocationWindow.Open();
        for (var i = 0; i < 1_000; i++)
        {
            foreach (var frame in frames)
            {
                parser.Parse(frame, sink);
            }
        }

        window.AssertNothingAllocated();
        Assert.Equal(5 * 1_010, sink.Events); // the index tick goes to its event, not the sink
    }

    /// <summary>Records the parser's CurrentSid at the moment each book update arrives.</summary>
    private sealed class SidRecorder(KalshiParser parser) : IMarketDataSink
    {
        public List<long> Sids { get; } = [];

        public void OnBookUpdate(BookUpdate update) => Sids.Add(parser.CurrentSid);

        public void OnTrade(in TradeTick trade)
        {
        }

        public void OnQuote(in QuoteTick quote)
        {
        }

        public void OnBookStatus(in BookStatus status)
        {
        }
    }
}
