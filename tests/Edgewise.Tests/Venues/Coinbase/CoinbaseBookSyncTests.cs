using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Coinbase;
using static Edgewise.Tests.Venues.Coinbase.CoinbaseFrames;

namespace Edgewise.Tests.Venues.Coinbase;

[Collection(AllocationMeasurements.Name)]
public class CoinbaseBookSyncTests
{
    private readonly CoinbaseParser _parser = new();
    private readonly RecordingSink _out = new();
    private readonly CoinbaseBookSync _sync;
    private readonly List<string> _requested = [];

    public CoinbaseBookSyncTests()
    {
        _sync = new CoinbaseBookSync(_out);
        _parser.SequenceObserved += _sync.OnSequence;
        _sync.SnapshotRequested += id => _requested.Add(id.Symbol);
    }

    private void Feed(RawFrame frame) => Assert.NotEqual(ParseOutcome.Malformed, _parser.Parse(frame, _sync));

    [Fact]
    public void Sync_ContiguousAcrossChannels_ForwardsEveryUpdate()
    {
        Feed(L2Snapshot(1));
        Feed(L2Update(2));
        Feed(Heartbeat(3)); // not a book message, but it takes a sequence number
        Feed(Trade(4));
        Feed(L2Update(5));

        Assert.Equal(["book:Snapshot:1", "status:Healthy", "book:Delta:2", "trade", "book:Delta:5"], _out.Sequence);
        Assert.Equal(0, _sync.Gaps);
        Assert.Equal(5, _sync.LastSequence);
    }

    [Fact]
    public void Sync_GapThenResnapshot_UnhealthyDropsUpdatesRequestsSnapshotAndRecovers()
    {
        Feed(L2Snapshot(1));
        Feed(L2Update(2));
        Feed(L2Update(4)); // 3 is missing
        Feed(L2Update(5)); // still waiting: dropped
        Feed(Trade(6)); // trades pass through whatever the book's state

        Assert.Equal(["book:Snapshot:1", "status:Healthy", "book:Delta:2", "status:Gap", "trade"], _out.Sequence);
        Assert.Equal(1, _sync.Gaps);
        Assert.Equal(["BTC-USD"], _requested);
        Assert.Equal(2, _sync.DroppedWhileUnhealthy);

        Feed(L2Snapshot(7)); // the resubscription's snapshot
        Feed(L2Update(8));

        Assert.Equal(["book:Snapshot:7", "status:Healthy", "book:Delta:8"], _out.Sequence[^3..]);
        Assert.Equal(1, _sync.Resyncs);
        Assert.Equal(["BTC-USD"], _requested);
    }

    [Fact]
    public void Sync_GapOnNonBookMessage_StillInvalidatesTheBook()
    {
        Feed(L2Snapshot(1));
        Feed(Heartbeat(2));
        Feed(Heartbeat(4)); // message 3 (of any channel) was lost

        Assert.Equal(["book:Snapshot:1", "status:Healthy", "status:Gap"], _out.Sequence);
        Assert.Equal(["BTC-USD"], _requested);
    }

    [Fact]
    public void Sync_GapWithTwoProducts_BothUnhealthyAndWaitingBooksAreAskedAgain()
    {
        Feed(L2Snapshot(1, "BTC-USD"));
        Feed(L2Snapshot(2, "ETH-USD"));
        Feed(L2Update(5, "BTC-USD")); // gap: both books

        Assert.Equal(["BTC-USD", "ETH-USD"], _requested);
        Assert.Equal(2, _out.Statuses.Count(s => s.Health == BookHealth.Gap));

        Feed(L2Snapshot(6, "BTC-USD"));
        Feed(Heartbeat(9)); // another gap: BTC is healthy again, ETH is still waiting; the lost messages may hold ETH's snapshot

        Assert.Equal(["BTC-USD", "ETH-USD", "BTC-USD", "ETH-USD"], _requested);
        Assert.Equal(3, _out.Statuses.Count(s => s.Health == BookHealth.Gap)); // ETH was already unhealthy: no second status
    }

    [Fact]
    public void Sync_MalformedFrameBetween_CountsAsALostMessage()
    {
        Feed(L2Snapshot(1));
        var bad = Ws("""{"channel":"l2_data","sequence_num":2,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid","price_level":"x","new_quantity":"1"}]}]}""");
        Assert.Equal(ParseOutcome.Malformed, _parser.Parse(bad, _sync));
        Feed(L2Update(3)); // message 2 never reached the book: its update is lost, so this is a gap

        Assert.Equal(["book:Snapshot:1", "status:Healthy", "status:Gap"], _out.Sequence);
        Assert.Equal(["BTC-USD"], _requested);
    }

    [Fact]
    public void Sync_SequenceGoingBackwards_IsAGap()
    {
        Feed(L2Snapshot(10));
        Feed(L2Update(3));

        Assert.Equal(1, _sync.Gaps);
        Assert.Equal(BookHealth.Gap, _out.Statuses[^1].Health);
    }

    [Fact]
    public void Sync_UpdateBeforeAnySnapshot_IsDroppedSilently()
    {
        Feed(L2Update(1));
        Feed(L2Snapshot(2));
        Feed(L2Update(3));

        Assert.Equal(["book:Snapshot:2", "status:Healthy", "book:Delta:3"], _out.Sequence);
        Assert.Equal(1, _sync.DroppedWhileUnhealthy);
    }

    [Fact]
    public void Sync_Reconnect_SequenceRestartsWithoutGapAndBookWaitsForSnapshot()
    {
        Feed(L2Snapshot(1));
        Feed(L2Update(2));
        _sync.OnReconnect(5_000);
        Feed(Heartbeat(1)); // numbering starts again on the new connection: not a gap
        Feed(L2Update(2)); // before the new snapshot: dropped
        Feed(L2Snapshot(3));

        Assert.Equal(
            ["book:Snapshot:1", "status:Healthy", "book:Delta:2", "status:AwaitingSnapshot", "book:Snapshot:3", "status:Healthy"],
            _out.Sequence);
        Assert.Equal(0, _sync.Gaps);
        Assert.Empty(_requested);
    }

    [Fact]
    public void Sync_WithoutSequenceObserver_StillSeesGapsBetweenBookUpdates()
    {
        var sync = new CoinbaseBookSync(_out);
        var parser = new CoinbaseParser();
        parser.Parse(L2Snapshot(1), sync);
        parser.Parse(L2Update(2), sync);
        parser.Parse(L2Update(4), sync);

        Assert.Equal(1, sync.Gaps);
    }

    [Fact]
    public void Sync_NautilusFixtures_BuildTheBookThenSeeTheGapBeforeTheTrades()
    {
        // Real Coinbase fixture frames (../shared/data/btc_spot/fixtures_nautilus): snapshot sequence_num 0, update 1,
        // market_trades 5 — so 2..4 are missing between them.
        const string folder = "data/btc_spot/fixtures_nautilus";
        var book = new LevelBook();
        var snapshot = SharedSample.Frame($"{folder}/coinbase__ws_l2_data_snapshot.json", "coinbase");
        var update = SharedSample.Frame($"{folder}/coinbase__ws_l2_data_update.json", "coinbase");
        var trades = SharedSample.Frame($"{folder}/coinbase__ws_market_trades.json", "coinbase");

        Feed(snapshot);
        Feed(update);
        book.ApplyAll(_out.BookUpdates);

        // Snapshot bids 68900.00 x 1.5, 68899.50 x 0.75, 68899.00 x 2.3; asks 68901.00 x 0.5, 68901.50 x 1.2, 68902.00 x 0.8.
        // The update sets bid 68900.00 to 2.0 and removes ask 68901.00.
        Assert.Equal(new SortedDictionary<decimal, decimal> { [68899.00m] = 2.3m, [68899.50m] = 0.75m, [68900.00m] = 2.0m }, book.Bids);
        Assert.Equal(new SortedDictionary<decimal, decimal> { [68901.50m] = 1.2m, [68902.00m] = 0.8m }, book.Asks);
        Assert.Equal(["book:Snapshot:0", "status:Healthy", "book:Delta:1"], _out.Sequence);

        Feed(trades);

        Assert.Equal(["status:Gap", "trade", "trade"], _out.Sequence[^3..]);
        Assert.Equal(["BTC-USD"], _requested);
    }

    [Fact]
    public void Sync_WarmSync_AllocatesNothingPerUpdate()
    {
        var sink = new CountingSink();
        var sync = new CoinbaseBookSync(sink);
        var parser = new CoinbaseParser();
        parser.SequenceObserved += sync.OnSequence;
        parser.Parse(L2Snapshot(1), sync);
        var frames = Enumerable.Range(2, 2_000).Select(i => L2Update(i)).ToArray();
        for (var i = 0; i < 10; i++)
        {
            parser.Parse(frames[i], sync);
        }

        var window = AllocationWindow.Open();
        for (var i = 10; i < frames.Length; i++)
        {
            parser.Parse(frames[i], sync);
        }

        window.AssertNothingAllocated();
        Assert.Equal(0, sync.Gaps);
        Assert.Equal(2 + 2_000, sink.Events); // snapshot, healthy status, then every update
    }

    [Fact]
    public void Sync_TwoProducts_EachBookHasItsOwnState()
    {
        Feed(L2Snapshot(1, "BTC-USD"));
        Feed(L2Update(2, "ETH-USD")); // ETH has no snapshot yet: dropped; BTC unaffected
        Feed(L2Update(3, "BTC-USD"));

        Assert.Equal(["book:Snapshot:1", "status:Healthy", "book:Delta:3"], _out.Sequence);
        Assert.Equal(new InstrumentId("coinbase", "BTC-USD"), _out.BookUpdates[^1].Instrument);
    }
}
