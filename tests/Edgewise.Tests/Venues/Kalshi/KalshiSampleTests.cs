using System.Text.Json.Nodes;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Kalshi;
using static Edgewise.Tests.Venues.Kalshi.KalshiFrames;

namespace Edgewise.Tests.Venues.Kalshi;

/// <summary>Every file in ../shared/venues/kalshi, read through the Kalshi adapter, against numbers written down from the file by hand.</summary>
public sealed class KalshiSampleTests
{
    private static readonly string[] Covered =
    [
        "rest_candlestick_KXBTC15M_recorded.json", "rest_historical_cutoff_recorded.json", "rest_market_KXBTC15M_partial.json",
        "rest_markets_fixture.json", "rest_orderbook_fp_fixture.json", "rest_trade_KXBTC15M_recorded.json", "rest_trades_fixture.json",
        "ws_cfbenchmarks_value_5hz_docs.json", "ws_fill_docs.json", "ws_orderbook_delta_docs.json", "ws_orderbook_delta_fp_fixture.json",
        "ws_orderbook_snapshot_docs.json", "ws_orderbook_snapshot_fp_fixture.json", "ws_subscribe_cfbenchmarks_docs.json",
        "ws_subscribed_ack_docs.json", "ws_ticker_docs.json", "ws_ticker_recorded.json", "ws_ticker_v2_docs.json", "ws_trade_docs.json",
        "ws_trade_fp_fixture.json",
    ];

    private readonly KalshiParser _parser = new(KalshiBookPricing.NoLevelsAtNoPrice);
    private readonly RecordingSink _sink = new();
    private readonly List<KalshiFill> _fills = [];
    private readonly List<KalshiIndexTick> _ticks = [];
    private readonly List<KalshiControlMessage> _controls = [];

    public KalshiSampleTests()
    {
        _parser.FillReceived += _fills.Add;
        _parser.IndexTickReceived += _ticks.Add;
        _parser.ControlReceived += _controls.Add;
    }

    private static Price P(string s) => Price.Parse(s);

    private static Quantity Q(string s) => Quantity.Parse(s);

    private static BookLevelChange Bid(string price, string size) => new(BookSide.Bid, P(price), Q(size));

    private static BookLevelChange Ask(string price, string size) => new(BookSide.Ask, P(price), Q(size));

    [Fact]
    public void SampleFolder_EveryFile_HasATestHere()
    {
        Assert.Equal(Covered, SharedSample.FileNames("venues/kalshi"));
    }

    [Fact]
    public void Parse_SnapshotFpFixture_YesBidsAndNoBidsAsYesAsksBestFirst()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_orderbook_snapshot_fp_fixture.json"), _sink));

        var s = Assert.Single(_sink.BookUpdates);
        Assert.Equal("KXBTC-25MAR15-B100000", s.Instrument!.Symbol);
        Assert.Equal(BookUpdateKind.Snapshot, s.Kind);
        Assert.Equal((1L, 1L), (s.FirstUpdateId, s.LastUpdateId)); // seq 1
        Assert.Equal(1, _parser.CurrentSid);
        // yes 0.35x200, 0.42x13 -> bids 0.42 then 0.35; no 0.54x400, 0.56x17 -> YES asks 1-0.56=0.44x17, 1-0.54=0.46x400.
        Assert.Equal([Bid("0.42", "13"), Bid("0.35", "200"), Ask("0.44", "17"), Ask("0.46", "400")], s.Levels.ToArray());
        Assert.Equal((4, 2), (s.PriceDecimals, s.SizeDecimals));
    }

    [Fact]
    public void Parse_SnapshotDocsWithLegacyFields_ReadsOnlyTheFixedPointLevels()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_orderbook_snapshot_docs.json"), _sink));

        var s = Assert.Single(_sink.BookUpdates);
        Assert.Equal("FED-23DEC-T3.00", s.Instrument!.Symbol);
        Assert.Equal(2, s.LastUpdateId);
        Assert.Equal(2, _parser.CurrentSid);
        // yes_dollars_fp 0.08x300, 0.22x333; no_dollars_fp 0.54x20, 0.56x146 -> asks 0.44x146, 0.46x20 (legacy cents ignored).
        Assert.Equal([Bid("0.22", "333"), Bid("0.08", "300"), Ask("0.44", "146"), Ask("0.46", "20")], s.Levels.ToArray());
    }

    [Fact]
    public void Parse_DeltaDocs_SignedDeltaOnTheYesBidWithSeqAndTime()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_orderbook_delta_docs.json", recvTs: 77), _sink));

        var d = Assert.Single(_sink.BookUpdates);
        Assert.Equal(BookUpdateKind.SignedDelta, d.Kind);
        Assert.Equal("FED-23DEC-T3.00", d.Instrument!.Symbol);
        Assert.Equal((3L, 3L), (d.FirstUpdateId, d.LastUpdateId));
        Assert.Equal(2, _parser.CurrentSid);
        Assert.Equal([Bid("0.96", "-54")], d.Levels.ToArray()); // price_dollars "0.960", delta_fp "-54.00", side yes
        Assert.Equal(1_669_149_841_000_000_000, d.TsEvent); // ts "2022-11-22T20:44:01Z"
        Assert.Equal(77, d.TsRecv);
        Assert.Equal((3, 2), (d.PriceDecimals, d.SizeDecimals));
    }

    [Fact]
    public void Parse_DeltaFpFixture_PositiveDeltaWithMicrosecondTime()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_orderbook_delta_fp_fixture.json"), _sink));

        var d = Assert.Single(_sink.BookUpdates);
        Assert.Equal("KXBTC-25MAR15-B100000", d.Instrument!.Symbol);
        Assert.Equal(2, d.LastUpdateId);
        Assert.Equal([Bid("0.42", "50")], d.Levels.ToArray());
        Assert.Equal(1_740_853_613_361_842_000, d.TsEvent); // 2025-03-01T18:26:53.361842Z
    }

    [Theory]
    [InlineData("ws_ticker_docs.json", "FED-23DEC-T3.00", "0.45", "0.53", 1_669_149_841L)]
    [InlineData("ws_ticker_recorded.json", "KXRANKLISTGOOGLESEARCH-26JAN-BIA", "0.11", "0.12", 1_732_579_880L)]
    public void Parse_Ticker_QuoteFromYesBidAndAskDollars(string file, string market, string bid, string ask, long tsSeconds)
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample(file), _sink));

        var q = Assert.Single(_sink.Quotes);
        Assert.Equal(market, q.Instrument.Symbol);
        Assert.Equal((P(bid), P(ask)), (q.Bid, q.Ask));
        Assert.Equal((Quantity.Zero, Quantity.Zero), (q.BidSize, q.AskSize)); // no *_size_fp in these messages
        Assert.Null(q.UpdateId);
        Assert.Equal(tsSeconds * 1_000_000_000, q.TsEvent);
    }

    [Fact]
    public void Parse_TickerV2_Ignored()
    {
        Assert.Equal(ParseOutcome.Ignored, _parser.Parse(Sample("ws_ticker_v2_docs.json"), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Theory]
    [InlineData("ws_trade_docs.json", "HIGHNY-22DEC23-B53.5", 1_669_149_841L)]
    [InlineData("ws_trade_fp_fixture.json", "KXBTC-25MAR15-B100000", 1_741_052_641L)]
    public void Parse_Trade_YesPriceAndNoTakerIsASell(string file, string market, long tsSeconds)
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample(file), _sink));

        var t = Assert.Single(_sink.Trades);
        Assert.Equal(market, t.Instrument.Symbol);
        Assert.Equal((P("0.36"), Q("136")), (t.Price, t.Size)); // yes_price_dollars 0.36(0), count_fp 136.00
        Assert.Equal(OrderSide.Sell, t.Aggressor); // taker_side "no": the taker bought NO, i.e. sold YES
        Assert.Equal(0, t.TradeId); // Kalshi ids are UUIDs
        Assert.Equal(tsSeconds * 1_000_000_000, t.TsEvent);
    }

    [Fact]
    public void Parse_FillDocs_TypedFillForExecution()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_fill_docs.json", recvTs: 5), _sink));

        Assert.Empty(_sink.Sequence);
        var f = Assert.Single(_fills);
        Assert.Equal(
            new KalshiFill(
                new InstrumentId("kalshi", "HIGHNY-22DEC23-B53.5"), "d91bc706-ee49-470d-82d8-11418bda6fed", "ee587a1c-8b87-4dcf-b721-9f6f790619fa",
                OutcomeSide.Yes, OrderSide.Buy, IsTaker: true, P("0.75"), Q("278"), Q("500"), OutcomeSide.Yes, FeeCost: null,
                ClientOrderId: null, Subaccount: 3, Sid: 13, TsEvent: 1_671_899_397_000_000_000, TsRecv: 5),
            f);
        Assert.Equal(P("0.75"), f.SidePrice);
    }

    [Fact]
    public void Parse_CfBenchmarks5HzDocs_IndexTickFromValueUsdAndSourceTime()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("ws_cfbenchmarks_value_5hz_docs.json", recvTs: 9), _sink));

        var tick = Assert.Single(_ticks);
        Assert.Equal(
            new KalshiIndexTick("BRTI", P("68000.12"), 1_710_000_000_323_000_000, 1_710_000_000_341_000_000, null, null, FiveHz: true,
                Sid: 1, Seq: 42, TsRecv: 9),
            tick);
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void Parse_SubscribedAckDocs_ControlWithCommandIdAndSid()
    {
        Assert.Equal(ParseOutcome.Control, _parser.Parse(Sample("ws_subscribed_ack_docs.json"), _sink));

        var c = Assert.Single(_controls);
        Assert.Equal((KalshiControlKind.Subscribed, (long?)1, (long?)1), (c.Kind, c.CommandId, c.Sid));
        Assert.False(c.EndsSubscription);
    }

    [Fact]
    public void SubscribeIndices_CfBenchmarksDocsCommand_SameJson()
    {
        var ours = KalshiCommands.SubscribeIndices(1, ["cfbenchmarks_value"], ["BRTI", "ETHUSD_RTI"]);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SampleText("ws_subscribe_cfbenchmarks_docs.json")), JsonNode.Parse(ours)));
    }

    [Fact]
    public void Parse_RestOrderbookFpFixture_SnapshotBestLastInputSortedBestFirst()
    {
        var frame = Sample("rest_orderbook_fp_fixture.json", FrameSource.Rest, "/trade-api/v2/markets/KXBTC-25MAR15-B100000/orderbook?depth=0");

        Assert.Equal(ParseOutcome.Data, _parser.Parse(frame, _sink));

        var s = Assert.Single(_sink.BookUpdates);
        Assert.Equal("KXBTC-25MAR15-B100000", s.Instrument!.Symbol);
        Assert.Equal(BookUpdateKind.Snapshot, s.Kind);
        Assert.Equal(0, s.LastUpdateId); // REST books carry no seq
        Assert.Equal(0, _parser.CurrentSid);
        // yes_dollars 0.35x200, 0.42x13 (best last) -> bids 0.42, 0.35; no_dollars 0.54x400, 0.56x17 -> asks 0.44x17, 0.46x400.
        Assert.Equal([Bid("0.42", "13"), Bid("0.35", "200"), Ask("0.44", "17"), Ask("0.46", "400")], s.Levels.ToArray());
    }

    [Fact]
    public void Parse_RestTradesFixture_TradeWithCreatedTime()
    {
        Assert.Equal(ParseOutcome.Data, _parser.Parse(Sample("rest_trades_fixture.json", FrameSource.Rest, "/trade-api/v2/markets/trades"), _sink));

        var t = Assert.Single(_sink.Trades);
        Assert.Equal(
            new TradeTick(new InstrumentId("kalshi", "KXBTC-25MAR15-B100000"), P("0.36"), Q("136"), OrderSide.Sell, 0, 1_740_854_641_000_000_000, 1_000),
            t); // created_time 2025-03-01T18:44:01Z, taker_side no
    }

    [Fact]
    public void Parse_RecordedKxbtc15mTradeInItsListEnvelope_FractionalCountAndYesTaker()
    {
        var json = "{\"trades\":[" + SampleText("rest_trade_KXBTC15M_recorded.json") + "],\"cursor\":\"\"}";

        Assert.Equal(ParseOutcome.Data, _parser.Parse(Rest(json, "/trade-api/v2/markets/trades?ticker=KXBTC15M-26SEP261900-00"), _sink));

        var t = Assert.Single(_sink.Trades);
        Assert.Equal("KXBTC15M-26SEP261900-00", t.Instrument.Symbol);
        Assert.Equal((P("0.77"), Q("8.94"), OrderSide.Buy), (t.Price, t.Size, t.Aggressor)); // yes 0.7700, count_fp 8.94, taker yes
        Assert.Equal(1_790_463_162_728_645_000, t.TsEvent); // 2026-09-26T22:52:42.728645Z
    }

    [Theory]
    [InlineData("rest_candlestick_KXBTC15M_recorded.json")]
    [InlineData("rest_historical_cutoff_recorded.json")]
    public void Parse_RestResponsesThatAreNotMarketData_Ignored(string file)
    {
        Assert.Equal(ParseOutcome.Ignored, _parser.Parse(Sample(file, FrameSource.Rest, "/trade-api/v2/x"), _sink));
        Assert.Empty(_sink.Sequence);
    }

    [Fact]
    public void FromMarketsJson_MarketsFixtureWithoutPriceGrid_FailsNamingTheGrid()
    {
        var results = new KalshiInstrumentProvider().FromMarketsJson(File.ReadAllBytes(SharedSample.Path("venues/kalshi/rest_markets_fixture.json")));

        var r = Assert.Single(results);
        Assert.False(r.IsSuccess);
        Assert.Equal("KXBTC-25MAR15-B100000", r.Ticker);
        Assert.Contains("price grid", r.Error, StringComparison.Ordinal); // the 2025 fixture has neither price_ranges nor price_level_structure
    }

    [Fact]
    public void ReadTickGrid_PartialKxbtc15mMarket_TaperedDeciCentGrid()
    {
        using var market = System.Text.Json.JsonDocument.Parse(SampleText("rest_market_KXBTC15M_partial.json"));

        var grid = KalshiInstrumentProvider.ReadTickGrid(market.RootElement, out var error);

        Assert.Null(error);
        Assert.Equal(TickGrid.TaperedDeciCent.Ranges, grid!.Ranges); // 0.001 on [0,0.1], 0.01 on [0.1,0.9], 0.001 on [0.9,1]
        Assert.Equal(P("0.001"), grid.MinTick);
        Assert.True(grid.IsOnTick(P("0.069"))); // the candlestick sample's sub-cent low
        Assert.False(grid.IsOnTick(P("0.425")));
        // The partial object has no open_time, so it is not a usable market on its own.
        var result = new KalshiInstrumentProvider().FromMarket(market.RootElement);
        Assert.Equal(("KXBTC15M-26SEP1218-T112000", "the market has no 'open_time'"), (result.Ticker, result.Error));
    }
}
