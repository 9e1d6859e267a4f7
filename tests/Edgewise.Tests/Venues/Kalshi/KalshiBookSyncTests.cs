using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Kalshi;
using static Edgewise.Tests.Venues.Kalshi.KalshiFrames;

namespace Edgewise.Tests.Venues.Kalshi;

[Collection(AllocationMeasurements.Name)]
public sealed class KalshiBookSyncTests
{
    private static readonly Price DeciCent = Price.Parse("0.001");

    private readonly KalshiParser _parser = new(KalshiBookPricing.NoLevelsAtNoPrice);
    private readonly RecordingSink _out = new();
    private readonly KalshiBookSync _sync;
    private readonly List<long> _snapshotRequests = [];
    private readonly List<KalshiSubscriptionLost> _lost = [];

    public KalshiBookSyncTests()
    {
        _sync = new KalshiBookSync(_out, _parser, _ => DeciCent);
        _sync.SnapshotRequested += _snapshotRequests.Add;
        _sync.ResubscribeRequested += _lost.Add;
    }

    private static Price P(string s) => Price.Parse(s);

    private static Quantity Q(string s) => Quantity.Parse(s);

    private void Feed(RawFrame frame) => Assert.NotEqual(ParseOutcome.Malformed, _parser.Parse(frame, _sync));

    /// <summary>The engine's view: every forwarded update applied to a dense binary-contract book.</summary>
    private DenseOrderBook EngineBook(string market)
    {
        var book = OrderBookFactory.ForBinaryContract(new InstrumentId("kalshi", market), DeciCent);
        foreach (var update in _out.BookUpdates.Where(u => u.Instrument!.Symbol == market))
        {
            update.ApplyTo(book);
        }

        return book;
    }

    private static (decimal, decimal)[] Levels(DenseOrderBook book, BookSide side)
    {
        var levels = new BookLevel[side == BookSide.Bid ? book.BidCount : book.AskCount];
        book.CopyLevels(side, levels);
        return levels.Select(l => (l.Price.ToDecimal(), l.Size.ToDecimal())).ToArray();
    }

    [Fact]
    public void Sync_SnapshotThenContiguousDeltas_SignedArithmeticOnTheTaperedGrid()
    {
        // YES bids 0.095x10.50 (0.001 band) and 0.42x13.00 (cent band); NO bids 0.54x400.00 and 0.905x2.25 (top 0.001 band).
        Feed(Snapshot(1, 1, Btc15m, """[["0.0950","10.50"],["0.4200","13.00"]]""", """[["0.5400","400.00"],["0.9050","2.25"]]"""));
        Feed(Delta(1, 2, Btc15m, "0.4200", "50.00", "yes"));    // 13.00 + 50.00 = 63.00
        Feed(Delta(1, 3, Btc15m, "0.0950", "-10.50", "yes"));   // 10.50 - 10.50 = 0 -> level gone
        Feed(Delta(1, 4, Btc15m, "0.5400", "-0.01", "no"));     // YES ask 1-0.54 = 0.46: 400.00 - 0.01 = 399.99
        Feed(Delta(1, 5, Btc15m, "0.9990", "3.33", "no"));      // new YES ask 1-0.999 = 0.001 x 3.33
        Feed(Delta(1, 6, Btc15m, "0.0010", "1.10", "yes"));     // new YES bid 0.001 x 1.10 (the book crosses; the engine flags that)

        Assert.Equal(
            ["book:Snapshot:1", "status:Healthy", "book:SignedDelta:2", "book:SignedDelta:3", "book:SignedDelta:4", "book:SignedDelta:5", "book:SignedDelta:6"],
            _out.Sequence);
        var book = EngineBook(Btc15m);
        Assert.Equal([(0.42m, 63m), (0.001m, 1.1m)], Levels(book, BookSide.Bid));
        Assert.Equal([(0.001m, 3.33m), (0.095m, 2.25m), (0.46m, 399.99m)], Levels(book, BookSide.Ask)); // 0.095 = 1-0.905
        Assert.Equal(6, book.LastUpdateId);
        Assert.Equal((0L, 0L), (_sync.Gaps, _sync.Resyncs));
        Assert.Empty(_snapshotRequests);
    }

    [Fact]
    public void Sync_GapThenGetSnapshot_UnhealthyUntilTheFreshSnapshotThenHealthyAgain()
    {
        Feed(Snapshot(3, 1, Btc15m, """[["0.4200","13.00"]]""", """[["0.5400","400.00"]]"""));
        Feed(Delta(3, 2, Btc15m, "0.4200", "1.00", "yes"));
        Feed(Delta(3, 4, Btc15m, "0.4200", "1.00", "yes")); // seq 3 is missing: this delta cannot be applied either
        Feed(Delta(3, 5, Btc15m, "0.4200", "1.00", "yes")); // the book is not synced: dropped

        Assert.Equal(["book:Snapshot:1", "status:Healthy", "book:SignedDelta:2", "status:Gap"], _out.Sequence);
        Assert.Equal(BookHealth.Gap, _out.Statuses[^1].Health);
        Assert.Equal(1, _sync.Gaps);
        Assert.Equal([3L], _snapshotRequests); // once, for the subscription: the client sends get_snapshot for sid 3
        Assert.Equal("""{"id":12,"cmd":"update_subscription","params":{"sid":3,"action":"get_snapshot"}}""", KalshiCommands.GetSnapshot(12, _snapshotRequests[0]));

        Feed(Snapshot(3, 6, Btc15m, """[["0.4300","20.00"]]""", """[["0.5500","7.00"]]""")); // get_snapshot's answer
        Feed(Delta(3, 7, Btc15m, "0.4300", "-5.00", "yes"));

        Assert.Equal(
            ["book:Snapshot:1", "status:Healthy", "book:SignedDelta:2", "status:Gap", "book:Snapshot:6", "status:Healthy", "book:SignedDelta:7"],
            _out.Sequence);
        Assert.Equal((1L, 1L, 2L), (_sync.Gaps, _sync.Resyncs, _sync.UnsyncedDropped)); // seq 4 (after the hole) and 5 were dropped
        var book = EngineBook(Btc15m);
        Assert.Equal([(0.43m, 15m)], Levels(book, BookSide.Bid)); // 20 - 5
        Assert.Equal([(0.45m, 7m)], Levels(book, BookSide.Ask));   // 1 - 0.55
    }

    [Fact]
    public void Sync_GapOnASubscriptionOfTwoMarkets_BothBooksNeedTheSnapshot()
    {
        // seq runs across the markets of one subscription: the lost seq 4 may have been either market's.
        Feed(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null));
        Feed(Snapshot(1, 2, BtcDaily, """[["0.3000","1.00"]]""", null));
        Feed(Delta(1, 3, BtcDaily, "0.3000", "1.00", "yes"));
        Feed(Delta(1, 5, Btc15m, "0.4200", "1.00", "yes"));

        Assert.Equal(2, _out.Statuses.Count(s => s.Health == BookHealth.Gap));
        Assert.Equal([Btc15m, BtcDaily], _out.Statuses.Where(s => s.Health == BookHealth.Gap).Select(s => s.Instrument.Symbol).Order());
        Assert.Equal([1L], _snapshotRequests);

        // get_snapshot answers with one snapshot per market; each heals its own book.
        Feed(Snapshot(1, 6, Btc15m, """[["0.4200","3.00"]]""", null));
        Feed(Delta(1, 7, BtcDaily, "0.3000", "1.00", "yes")); // BtcDaily still waits for its snapshot: dropped, no new request
        Feed(Snapshot(1, 8, BtcDaily, """[["0.3000","5.00"]]""", null));

        Assert.Equal(["status:Healthy", "book:Snapshot:8", "status:Healthy"], _out.Sequence.TakeLast(3));
        Assert.Equal([1L], _snapshotRequests);
        Assert.Equal(2, _sync.Resyncs);
    }

    [Fact]
    public void Sync_SnapshotArrivingAfterAJump_RepairsItsMarketAndMarksTheOthers()
    {
        Feed(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null));
        Feed(Snapshot(1, 2, BtcDaily, """[["0.3000","1.00"]]""", null));
        Feed(Snapshot(1, 4, BtcDaily, """[["0.3100","1.00"]]""", null)); // seq 3 lost

        Assert.Equal(
            ["book:Snapshot:1", "status:Healthy", "book:Snapshot:2", "status:Healthy", "status:Gap", "book:Snapshot:4", "status:Healthy"],
            _out.Sequence);
        Assert.Equal(Btc15m, _out.Statuses.Single(s => s.Health == BookHealth.Gap).Instrument.Symbol);
        Assert.Equal(1, _sync.Gaps);
    }

    [Fact]
    public void Sync_DeltasBeforeAnySnapshot_DroppedAndOneSnapshotRequested()
    {
        // A capture that starts mid-stream: nothing to apply the deltas to.
        Feed(Delta(2, 40, Btc15m, "0.4200", "1.00", "yes"));
        Feed(Delta(2, 41, Btc15m, "0.4200", "1.00", "yes"));
        Feed(Snapshot(2, 42, Btc15m, """[["0.4200","9.00"]]""", null));
        Feed(Delta(2, 43, Btc15m, "0.4200", "1.00", "yes"));

        Assert.Equal(["book:Snapshot:42", "status:Healthy", "book:SignedDelta:43"], _out.Sequence);
        Assert.Equal((2L, 0L, 0L), (_sync.UnsyncedDropped, _sync.Gaps, _sync.Resyncs));
        Assert.Equal([2L], _snapshotRequests);
        Assert.Equal([(0.42m, 10m)], Levels(EngineBook(Btc15m), BookSide.Bid));
    }

    [Fact]
    public void Sync_DuplicateSeq_DroppedWithoutAGap()
    {
        Feed(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null));
        Feed(Delta(1, 2, Btc15m, "0.4200", "1.00", "yes"));
        Feed(Delta(1, 2, Btc15m, "0.4200", "1.00", "yes"));
        Feed(Delta(1, 3, Btc15m, "0.4200", "1.00", "yes"));

        Assert.Equal(["book:Snapshot:1", "status:Healthy", "book:SignedDelta:2", "book:SignedDelta:3"], _out.Sequence);
        Assert.Equal((1L, 0L), (_sync.StaleDropped, _sync.Gaps));
        Assert.Equal([(0.42m, 3m)], Levels(EngineBook(Btc15m), BookSide.Bid));
    }

    [Fact]
    public void Sync_TwoSubscriptions_EachKeepsItsOwnSequence()
    {
        Feed(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null));
        Feed(Snapshot(2, 1, BtcDaily, """[["0.3000","1.00"]]""", null));
        Feed(Delta(1, 2, Btc15m, "0.4200", "1.00", "yes"));
        Feed(Delta(2, 2, BtcDaily, "0.3000", "1.00", "yes"));

        Assert.Equal(0, _sync.Gaps);
        Assert.Equal(2, _out.BookUpdates.Count(u => u.Kind == BookUpdateKind.SignedDelta));
    }

    [Fact]
    public void Sync_PriceOffTheBookGrid_RefusedAndTheBookResyncs()
    {
        var sync = new KalshiBookSync(_out, _parser, _ => P("0.01")); // a linear_cent market's book
        var requests = new List<long>();
        sync.SnapshotRequested += requests.Add;
        _parser.Parse(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null), sync);

        _parser.Parse(Delta(1, 2, Btc15m, "0.4250", "1.00", "yes"), sync);

        Assert.Equal(["book:Snapshot:1", "status:Healthy", "status:Gap"], _out.Sequence);
        Assert.Equal((1L, 0L), (sync.OffGridRefused, sync.Gaps));
        Assert.Equal([1L], requests);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    public void Sync_TerminalError_BooksMarkedAndResubscribeRequestedForTheMarkets(int code)
    {
        Feed(Ws("""{"id":5,"type":"subscribed","sid":1,"msg":{"channel":"orderbook_delta"}}"""));
        Feed(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null));
        Feed(Snapshot(1, 2, BtcDaily, """[["0.3000","1.00"]]""", null));

        Feed(Ws($$$"""{"id":5,"type":"error","msg":{"code":{{{code}}},"msg":"Channel error"}}"""));

        var lost = Assert.Single(_lost);
        Assert.Equal((1L, 5L, code, "Channel error"), (lost.Sid!.Value, lost.CommandId!.Value, lost.ErrorCode, lost.ErrorText));
        Assert.Equal([Btc15m, BtcDaily], lost.Instruments.Select(i => i.Symbol).Order());
        Assert.Equal(2, _out.Statuses.Count(s => s.Health == BookHealth.Gap));
        Assert.Empty(_snapshotRequests); // get_snapshot cannot repair an ended subscription

        // The new subscription (new sid) starts from its own snapshot and sequence.
        Feed(Snapshot(9, 1, Btc15m, """[["0.4400","2.00"]]""", null));
        Assert.Equal(["status:Gap", "status:Gap", "book:Snapshot:1", "status:Healthy"], _out.Sequence.TakeLast(4));
    }

    [Fact]
    public void Sync_NonTerminalError_NothingChanges()
    {
        Feed(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null));

        Feed(Ws("""{"id":6,"type":"error","msg":{"code":11,"msg":"Invalid parameter"}}"""));

        Assert.Empty(_lost);
        Assert.Equal(["book:Snapshot:1", "status:Healthy"], _out.Sequence);
    }

    [Fact]
    public void Sync_RestSnapshot_AppliedWithoutASubscriptionIgnoredBesideOne()
    {
        const string body = """{"orderbook_fp":{"yes_dollars":[["0.3500","200.00"],["0.4200","13.00"]],"no_dollars":[["0.5400","400.00"]]}}""";
        Feed(Rest(body, $"/trade-api/v2/markets/{BtcDaily}/orderbook"));
        Feed(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null));
        Feed(Rest(body, $"/trade-api/v2/markets/{Btc15m}/orderbook"));

        Assert.Equal(["book:Snapshot:0", "status:Healthy", "book:Snapshot:1", "status:Healthy"], _out.Sequence);
        Assert.Equal(BtcDaily, _out.BookUpdates[0].Instrument!.Symbol);
        Assert.Equal(1, _sync.RestSnapshotsIgnored);
    }

    [Fact]
    public void Sync_TradesAndQuotes_PassThrough()
    {
        Feed(Ws($$$"""{"type":"trade","sid":2,"msg":{"market_ticker":"{{{Btc15m}}}","yes_price_dollars":"0.3600","count_fp":"1.00","taker_side":"yes","ts":1}}"""));
        Feed(Ws($$$"""{"type":"ticker","sid":3,"msg":{"market_ticker":"{{{Btc15m}}}","yes_bid_dollars":"0.3500","yes_ask_dollars":"0.3700","ts":1}}"""));

        Assert.Equal(["trade", "quote"], _out.Sequence);
    }

    [Fact]
    public void Sync_WarmDeltaPath_AllocatesNothing()
    {
        var sink = new CountingSink();
        var sync = new KalshiBookSync(sink, _parser, _ => DeciCent);
        _parser.Parse(Snapshot(1, 1, Btc15m, """[["0.4200","1.00"]]""", null), sync);
        var frames = Enumerable.Range(2, 1_100).Select(seq => Delta(1, seq, Btc15m, "0.4200", "1.00", "yes")).ToArray();
        for (var i = 0; i < 100; i++)
        {
            _parser.Parse(frames[i], sync);
        }

        var window = AllocationWindow.Open();
        for (var i = 100; i < frames.Length; i++)
        {
            _parser.Parse(frames[i], sync);
        }

        window.AssertNothingAllocated();
        Assert.Equal(2 + 1_100, sink.Events); // snapshot + status, then every delta
        Assert.Equal(0, sync.Gaps);
    }
}
