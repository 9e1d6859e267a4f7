using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.TestKit;
using Edgewise.Venues.BinanceUs;
using static Edgewise.Tests.Venues.BinanceUs.BinanceUsFrames;

namespace Edgewise.Tests.Venues.BinanceUs;

public class BinanceUsBookSyncTests
{
    private readonly BinanceUsParser _parser = new();
    private readonly RecordingSink _out = new();
    private readonly BinanceUsBookSync _sync;
    private readonly List<InstrumentId> _requested = [];

    public BinanceUsBookSyncTests()
    {
        _sync = new BinanceUsBookSync(_out);
        _sync.SnapshotRequested += _requested.Add;
    }

    private void Feed(RawFrame frame) => Assert.Equal(ParseOutcome.Data, _parser.Parse(frame, _sync));

    [Fact]
    public void Sync_FactsRecordedSequence_DropsCoveredDeltaAndAppliesTheRestInOrder()
    {
        // FACTS §4.3 recorded example (COMPUSDT): snapshot lastUpdateId 113129219; (U,u) = (113129219,113129219) is covered
        // by the snapshot and dropped; (113129220,113129220) is the first applied (U <= 113129220 <= u); then contiguous.
        Feed(Depth("COMPUSDT", 113129219, 113129219)); // arrives before the snapshot: buffered
        Assert.Empty(_out.Sequence);

        Feed(Snapshot("COMPUSDT", 113129219));
        Feed(Depth("COMPUSDT", 113129220, 113129220));
        Feed(Depth("COMPUSDT", 113129221, 113129222));
        Feed(Depth("COMPUSDT", 113129223, 113129223));
        Feed(Depth("COMPUSDT", 113129224, 113129226));
        Feed(Depth("COMPUSDT", 113129227, 113129230));

        Assert.Equal(
            ["book:Snapshot:113129219", "status:Healthy", "book:Delta:113129220", "book:Delta:113129222",
             "book:Delta:113129223", "book:Delta:113129226", "book:Delta:113129230"],
            _out.Sequence);
        Assert.Equal(0, _sync.Gaps);
        Assert.Equal(1, _sync.StaleDropped);
        Assert.Empty(_requested);
    }

    [Fact]
    public void Sync_BufferedDeltasStraddlingSnapshot_FirstAppliedMayStartBeforeLastUpdateIdPlusOne()
    {
        // Snapshot at 105; buffered (100,104) is covered; (103,107) straddles: U=103 <= 106 <= u=107, so it is applied.
        Feed(Depth("BTCUSDT", 100, 104));
        Feed(Depth("BTCUSDT", 103, 107));
        Feed(Depth("BTCUSDT", 108, 108));
        Feed(Snapshot("BTCUSDT", 105));

        Assert.Equal(["book:Snapshot:105", "status:Healthy", "book:Delta:107", "book:Delta:108"], _out.Sequence);
        Assert.Equal(0, _sync.Gaps);
    }

    [Fact]
    public void Sync_GapAfterSync_MarksUnhealthyRequestsSnapshotAndRecoversOnNextSnapshot()
    {
        Feed(Snapshot("BTCUSDT", 10));
        Feed(Depth("BTCUSDT", 11, 12));
        Feed(Depth("BTCUSDT", 14, 15)); // 13 is missing: gap
        Feed(Depth("BTCUSDT", 16, 18)); // buffered while unhealthy
        Feed(Depth("BTCUSDT", 19, 20)); // buffered while unhealthy

        Assert.Equal(["book:Snapshot:10", "status:Healthy", "book:Delta:12", "status:Gap"], _out.Sequence);
        Assert.Equal(1, _sync.Gaps);
        Assert.Equal("BTCUSDT", Assert.Single(_requested).Symbol);

        Feed(Snapshot("BTCUSDT", 17)); // the fresh snapshot: (14,15) dropped, (16,18) straddles, (19,20) follows

        Assert.Equal(
            ["book:Snapshot:10", "status:Healthy", "book:Delta:12", "status:Gap",
             "book:Snapshot:17", "status:Healthy", "book:Delta:18", "book:Delta:20"],
            _out.Sequence);
        Assert.Equal(1, _sync.Resyncs);
        Assert.Equal(BookHealth.Healthy, _out.Statuses[^1].Health);
    }

    [Fact]
    public void Sync_SnapshotOlderThanEveryBufferedDelta_IsAGapNotAValidBook()
    {
        // Buffered deltas start at U=50 but the snapshot is at 40: ids 41..49 were never seen.
        Feed(Depth("BTCUSDT", 50, 55));
        Feed(Snapshot("BTCUSDT", 40));

        Assert.Equal(["book:Snapshot:40", "status:Healthy", "status:Gap"], _out.Sequence);
        Assert.Equal(1, _sync.Gaps);

        Feed(Depth("BTCUSDT", 56, 57)); // still waiting: buffered behind (50,55)
        Feed(Snapshot("BTCUSDT", 55));

        Assert.Equal(["book:Snapshot:55", "status:Healthy", "book:Delta:57"], _out.Sequence[^3..]);
    }

    [Fact]
    public void Sync_BufferFullWhileWaiting_DropsOldestAndCountsIt()
    {
        var sync = new BinanceUsBookSync(_out, maxBuffered: 2);
        _parser.Parse(Depth("BTCUSDT", 1, 1), sync);
        _parser.Parse(Depth("BTCUSDT", 2, 2), sync);
        _parser.Parse(Depth("BTCUSDT", 3, 3), sync);

        Assert.Equal(1, sync.BufferOverflows);

        _parser.Parse(Snapshot("BTCUSDT", 0), sync); // (1,1), the oldest, was evicted: the buffer now starts at 2, not 0 + 1
        Assert.Equal(1, sync.Gaps);
    }

    [Fact]
    public void Sync_TradesAndQuotes_PassThroughBeforeAnySnapshot()
    {
        Feed(Ws("""{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1.0","q":"2.0","T":1,"m":false}"""));
        Feed(Ws("""{"u":1,"s":"BTCUSDT","b":"1.0","B":"2.0","a":"3.0","A":"4.0"}"""));

        Assert.Equal(["trade", "quote"], _out.Sequence);
    }
}
