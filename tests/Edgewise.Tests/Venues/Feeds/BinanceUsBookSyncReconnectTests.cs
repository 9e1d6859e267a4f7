using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.BinanceUs;
using Edgewise.Venues.BinanceUs;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>The reconnect half of BinanceUsBookSync added for the live client (a new stream may start anywhere).</summary>
public class BinanceUsBookSyncReconnectTests
{
    [Fact]
    public void OnReconnect_SyncedBook_AwaitsSnapshotBuffersAndCountsTheResync()
    {
        var sink = new RecordingSink();
        var sync = new BinanceUsBookSync(sink);
        var parser = new BinanceUsParser();
        parser.Parse(BinanceUsFrames.Snapshot("BTCUSDT", 100), sync);
        parser.Parse(BinanceUsFrames.Depth("BTCUSDT", 101, 102), sync);

        sync.OnReconnect(5_000);
        // The new stream's deltas start anywhere; they wait for the new snapshot instead of extending the old book.
        parser.Parse(BinanceUsFrames.Depth("BTCUSDT", 150, 152), sync);
        parser.Parse(BinanceUsFrames.Depth("BTCUSDT", 153, 153), sync);
        var beforeSnapshot = sink.Sequence.Count;
        parser.Parse(BinanceUsFrames.Snapshot("BTCUSDT", 151), sync);

        Assert.Equal(
            ["book:Snapshot:100", "status:Healthy", "book:Delta:102", "status:AwaitingSnapshot"],
            sink.Sequence.Take(beforeSnapshot));
        // Snapshot 151: (150,152) is the first delta with U ≤ 152 ≤ u, then (153,153) follows on.
        Assert.Equal(["book:Snapshot:151", "status:Healthy", "book:Delta:152", "book:Delta:153"], sink.Sequence.Skip(beforeSnapshot));
        Assert.Equal(1, sync.Resyncs);
        Assert.Equal(0, sync.Gaps);
        Assert.Equal(BookHealth.AwaitingSnapshot, sink.Statuses[1].Health);
        Assert.Equal(5_000, sink.Statuses[1].TsRecv);
    }

    [Fact]
    public void OnReconnect_BookNeverSynced_NoStatusAndBufferCleared()
    {
        var sink = new RecordingSink();
        var sync = new BinanceUsBookSync(sink);
        var parser = new BinanceUsParser();
        parser.Parse(BinanceUsFrames.Depth("BTCUSDT", 90, 95), sync); // buffered, from the dropped connection

        sync.OnReconnect(1);
        Assert.Equal(ParseOutcome.Data, parser.Parse(BinanceUsFrames.Snapshot("BTCUSDT", 100), sync));

        // (90,95) was forgotten with the old connection, so nothing is replayed after the snapshot.
        Assert.Equal(["book:Snapshot:100", "status:Healthy"], sink.Sequence);
        Assert.Equal(0, sync.Resyncs);
    }
}
