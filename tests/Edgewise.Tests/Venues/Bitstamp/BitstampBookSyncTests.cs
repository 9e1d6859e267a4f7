using System.Globalization;
using System.Text;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Bitstamp;
using static Edgewise.Tests.Venues.Bitstamp.BitstampFrames;

namespace Edgewise.Tests.Venues.Bitstamp;

[Collection(AllocationMeasurements.Name)]
public class BitstampBookSyncTests
{
    private readonly BitstampParser _parser = new();
    private readonly RecordingSink _out = new();
    private readonly BitstampBookSync _sync;
    private readonly List<string> _requested = [];

    public BitstampBookSyncTests()
    {
        _sync = new BitstampBookSync(_out);
        _sync.SnapshotRequested += id => _requested.Add(id.Symbol);
    }

    private void Feed(RawFrame frame) => Assert.Equal(ParseOutcome.Data, _parser.Parse(frame, _sync));

    [Fact]
    public void Sync_DiffsBeforeSnapshot_BufferedRequestOnceDropCoveredApplyNewer()
    {
        Feed(Diff(100));
        Feed(Diff(150)); // same microtimestamp as the snapshot: not newer, so covered by it
        Feed(Diff(200));

        Assert.Empty(_out.Sequence);
        Assert.Equal(["btcusd"], _requested); // on the first diff only

        Feed(RestSnapshot(150));
        Feed(Diff(300));
        Feed(Diff(140)); // older than the snapshot after sync: dropped

        Assert.Equal(["book:Snapshot:150", "status:Healthy", "book:Delta:200", "book:Delta:300"], _out.Sequence);
        Assert.Equal(3, _sync.StaleDropped);
        Assert.Equal(0, _sync.Gaps);
    }

    [Fact]
    public void Sync_SnapshotOlderThanTheFirstDiff_IsAGapAndAnotherIsRequested()
    {
        Feed(Diff(500));
        Feed(RestSnapshot(400)); // taken before the stream was known to run: changes between may be missing

        Assert.Equal(["status:Gap"], _out.Sequence);
        Assert.Equal(1, _sync.Gaps);
        Assert.Equal(["btcusd", "btcusd"], _requested);

        Feed(Diff(600));
        Feed(RestSnapshot(550));

        Assert.Equal(["status:Gap", "book:Snapshot:550", "status:Healthy", "book:Delta:600"], _out.Sequence);
        Assert.Equal(1, _sync.StaleDropped); // diff 500
    }

    [Fact]
    public void Sync_SnapshotOlderThanAnEvictedDiff_IsAGap()
    {
        var sync = new BitstampBookSync(_out, maxBuffered: 2);
        _parser.Parse(Diff(10), sync);
        _parser.Parse(Diff(20), sync);
        _parser.Parse(Diff(30), sync); // evicts 10

        _parser.Parse(RestSnapshot(15), sync); // diff 10 was evicted, but the snapshot (15) covers it: nothing is lost
        Assert.Equal(["book:Snapshot:15", "status:Healthy", "book:Delta:20", "book:Delta:30"], _out.Sequence);

        var sync2 = new BitstampBookSync(_out, maxBuffered: 1);
        _parser.Parse(Diff(10), sync2);
        _parser.Parse(Diff(20), sync2); // evicts 10
        _parser.Parse(Diff(30), sync2); // evicts 20
        _parser.Parse(RestSnapshot(15), sync2); // diff 20 is newer than the snapshot and was thrown away

        Assert.Equal(1, sync2.Gaps);
        Assert.Equal(2, sync2.BufferOverflows);
        Assert.Equal("status:Gap", _out.Sequence[^1]);
    }

    [Fact]
    public void Sync_Reconnect_ResyncsFromScratch()
    {
        Feed(Diff(100));
        Feed(RestSnapshot(150));
        Feed(Diff(200));

        _sync.OnReconnect(9);
        Feed(Diff(250)); // new connection: buffered, new snapshot requested
        Feed(RestSnapshot(260));
        Feed(Diff(270));

        Assert.Equal(
            ["book:Snapshot:150", "status:Healthy", "book:Delta:200", "status:AwaitingSnapshot",
             "book:Snapshot:260", "status:Healthy", "book:Delta:270"],
            _out.Sequence);
        Assert.Equal(["btcusd", "btcusd"], _requested);
        Assert.Equal(1, _sync.Resyncs);
    }

    [Fact]
    public void Sync_OrderBookChannelPushes_EachReplacesTheBookHealthReportedOnce()
    {
        Feed(WsBookSnapshot(100));
        Feed(WsBookSnapshot(200));
        Feed(WsBookSnapshot(300));

        Assert.Equal(["book:Snapshot:100", "status:Healthy", "book:Snapshot:200", "book:Snapshot:300"], _out.Sequence);
        Assert.Empty(_requested);
    }

    [Fact]
    public void Sync_LateSnapshotOlderThanTheBook_IsDropped()
    {
        Feed(Diff(100));
        Feed(RestSnapshot(150));
        Feed(Diff(200));
        Feed(RestSnapshot(180)); // older than diff 200, already applied
        Feed(RestSnapshot(250)); // newer: replaces the book

        Assert.Equal(["book:Snapshot:150", "status:Healthy", "book:Delta:200", "book:Snapshot:250"], _out.Sequence);
        Assert.Equal(2, _sync.StaleDropped); // diff 100 and snapshot 180
    }

    [Fact]
    public void Sync_TwoPairs_AreSyncedSeparately()
    {
        Feed(Diff(100, "btcusd"));
        Feed(Diff(100, "ethusd"));
        Feed(Diff(200, "ethusd"));
        Feed(RestSnapshot(150, "ethusd")); // btcusd keeps waiting for its own

        Assert.Equal(["btcusd", "ethusd"], _requested);
        Assert.Equal(["book:Snapshot:150", "status:Healthy", "book:Delta:200"], _out.Sequence);
        Assert.All(_out.BookUpdates, u => Assert.Equal("ethusd", u.Instrument!.Symbol));
    }

    [Fact]
    public void Sync_TradesPassThrough()
    {
        Feed(Ws("""{"data":{"id":1,"amount_str":"1.0","price_str":"1.0","type":0,"microtimestamp":"1"},"channel":"live_trades_btcusd","event":"trade"}"""));

        Assert.Equal(["trade"], _out.Sequence);
    }

    [Fact]
    public void Sync_RecordedCaptureWithRecordedRestBook_BuildsTheExpectedUncrossedBook()
    {
        // cryptofeed's raw Bitstamp capture of 2022-01-05 (747 received frames) and the REST ethusd book it fetched
        // (microtimestamp 1641343695681418). Expected values were worked out independently from the two files with
        // Python's Decimal: of 85 ethusd diffs, 12 are not newer than the snapshot and 73 apply; the final book has
        // 2013 bids and 1976 asks (the REST book's 9999999999.00 ask excluded), best bid 3800.78 x 0.6, best ask
        // 3803.58 x 15.09750054.
        var capture = SharedSample.Path("data/btc_spot/cryptofeed_raw/BITSTAMP.ws.1.0");
        var rest = SharedSample.Frame("venues/bitstamp/rest_order_book_ethusd_recorded_2022.json", "bitstamp", FrameSource.Rest, "/api/v2/order_book/ethusd/");
        var outcomes = new Dictionary<ParseOutcome, int>();
        foreach (var line in File.ReadLines(capture))
        {
            if (line.StartsWith("wss://", StringComparison.Ordinal))
            {
                continue; // our own subscribe requests and the connect line
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var recvNs = (long)(decimal.Parse(line[..colon], CultureInfo.InvariantCulture) * 1_000_000_000m);
            var frame = new RawFrame(recvNs, "bitstamp", FrameSource.Ws, null, Encoding.UTF8.GetBytes(line[(colon + 2)..]));
            var outcome = _parser.Parse(frame, _sync);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.Equal(ParseOutcome.Data, _parser.Parse(rest, _sync));

        // 717 diffs + 10 trades are data; 20 subscription acks are control.
        Assert.Equal(new Dictionary<ParseOutcome, int> { [ParseOutcome.Data] = 727, [ParseOutcome.Control] = 20 }, outcomes);
        var eth = _out.BookUpdates.Where(u => u.Instrument!.Symbol == "ethusd").ToList();
        Assert.Equal(1 + 73, eth.Count);
        var book = new LevelBook();
        book.ApplyAll(eth);
        Assert.Equal(2013, book.Bids.Count);
        Assert.Equal(1976, book.Asks.Count);
        Assert.Equal(3800.78m, book.BestBid);
        Assert.Equal(0.6m, book.Bids[book.BestBid]);
        Assert.Equal(3803.58m, book.BestAsk);
        Assert.Equal(15.09750054m, book.Asks[book.BestAsk]);
        Assert.True(book.BestBid < book.BestAsk);
        Assert.Equal(1, _parser.OutOfRangeAsksDropped);
        Assert.Contains(_out.Statuses, s => s.Instrument.Symbol == "ethusd" && s.Health == BookHealth.Healthy);
    }

    [Fact]
    public void Sync_WarmSync_AllocatesNothingPerDiff()
    {
        var sink = new CountingSink();
        var sync = new BitstampBookSync(sink);
        _parser.Parse(RestSnapshot(1), sync);
        var frames = Enumerable.Range(2, 2_000).Select(i => Diff(i)).ToArray();
        for (var i = 0; i < 10; i++)
        {
            _parser.Parse(frames[i], sync);
        }

        var window = AllocationWindow.Open();
        for (var i = 10; i < frames.Length; i++)
        {
            _parser.Parse(frames[i], sync);
        }

        window.AssertNothingAllocated();
        Assert.Equal(2 + 2_000, sink.Events);
    }
}
