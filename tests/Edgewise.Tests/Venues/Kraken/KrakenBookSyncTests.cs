using System.Text;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Common;
using Edgewise.Venues.Kraken;
using static Edgewise.Tests.Venues.Kraken.KrakenFrames;

namespace Edgewise.Tests.Venues.Kraken;

[Collection(AllocationMeasurements.Name)]
public class KrakenBookSyncTests
{
    private static readonly InstrumentId EthUsdt = new("kraken", "ETH/USDT");
    private static readonly InstrumentId BtcUsd = new("kraken", "BTC/USD");

    private readonly KrakenParser _parser = new();
    private readonly RecordingSink _out = new();
    private readonly KrakenBookSync _sync;
    private readonly List<string> _resubscribe = [];

    public KrakenBookSyncTests()
    {
        _sync = new KrakenBookSync(_out);
        _sync.ResubscribeRequested += id => _resubscribe.Add(id.Symbol);
    }

    private static RawFrame Sample(string name) => SharedSample.Frame($"venues/kraken/{name}", "kraken");

    /// <summary>
    /// The docs update as shipped names MATIC/USD while the stored docs snapshot was renamed to ETH/USDT by the
    /// project it was copied from (PROVENANCE.md); the levels are the docs' own, so the update is renamed back to match.
    /// </summary>
    private static RawFrame DocsUpdate(string? checksum = null)
    {
        var text = Encoding.UTF8.GetString(Sample("ws_v2_book_update_docs_example.json").Raw.Span).Replace("MATIC/USD", "ETH/USDT", StringComparison.Ordinal);
        if (checksum is not null)
        {
            text = text.Replace("2114181697", checksum, StringComparison.Ordinal);
        }

        return Ws(text);
    }

    private void Feed(RawFrame frame) => Assert.Equal(ParseOutcome.Data, _parser.Parse(frame, _sync));

    [Fact]
    public void Sync_GuideSnapshot_VerifiesAndGoesHealthy()
    {
        _sync.Register(BtcUsd, pricePrecision: 1, qtyPrecision: 8);

        Feed(Sample("ws_v2_book_checksum_guide_example.json"));

        Assert.Equal(["book:Snapshot:0", "status:Healthy"], _out.Sequence);
        Assert.Equal(0, _sync.ChecksumFailures);
        Assert.Equal(20, _out.BookUpdates[0].Count);
    }

    [Fact]
    public void Sync_DocsSnapshotThenUpdate_BothChecksumsMatch()
    {
        _sync.Register(EthUsdt, pricePrecision: 4, qtyPrecision: 8);

        Feed(Sample("ws_v2_book_snapshot_docs_example.json")); // checksum 2439117997
        Feed(DocsUpdate()); // bid 0.5657 becomes 1098.3947558; checksum 2114181697

        Assert.Equal(["book:Snapshot:0", "status:Healthy", "book:Delta:0"], _out.Sequence);
        Assert.Equal(0, _sync.ChecksumFailures);
        var book = new LevelBook();
        book.ApplyAll(_out.BookUpdates);
        Assert.Equal(1098.3947558m, book.Bids[0.5657m]);
        Assert.Equal(10, book.Bids.Count);
        Assert.Equal(10, book.Asks.Count);
    }

    [Fact]
    public void Sync_ChecksumMismatch_ReportsFailureRequestsResubscribeAndDropsUntilSnapshot()
    {
        _sync.Register(EthUsdt, pricePrecision: 4, qtyPrecision: 8);
        Feed(Sample("ws_v2_book_snapshot_docs_example.json"));

        Feed(DocsUpdate(checksum: "2114181698")); // one off the true value
        Feed(DocsUpdate()); // dropped: the book is waiting for a snapshot

        Assert.Equal(["book:Snapshot:0", "status:Healthy", "status:ChecksumFailed"], _out.Sequence);
        Assert.Equal(1, _sync.ChecksumFailures);
        Assert.Equal(1, _sync.DroppedWhileUnhealthy);
        Assert.Equal(["ETH/USDT"], _resubscribe);
        Assert.Equal("checksum mismatch", _out.Statuses[^1].Reason);

        Feed(Sample("ws_v2_book_snapshot_docs_example.json")); // the resubscription's snapshot
        Feed(DocsUpdate());

        Assert.Equal(["book:Snapshot:0", "status:Healthy", "book:Delta:0"], _out.Sequence[^3..]);
        Assert.Equal(1, _sync.Resyncs);
    }

    [Fact]
    public void Sync_InsertPushesLevelOutOfDepth_ForwardsItsRemovalAndVerifies()
    {
        _sync.Register(EthUsdt, pricePrecision: 4, qtyPrecision: 8, depth: 10);
        Feed(Sample("ws_v2_book_snapshot_docs_example.json"));

        // New best bid 0.5667 x 100: bids become 0.5667..0.5658 and 0.5657 falls out of the top 10, with no removal
        // sent by Kraken. zlib.crc32 over asks then bids of that book at precision 4/8 = 1193057193 (Python).
        Feed(BookUpdate("ETH/USDT", """{"price":0.5667,"qty":100.0}""", "", 1193057193));

        Assert.Equal(0, _sync.ChecksumFailures);
        var forwarded = _out.BookUpdates[^1];
        Assert.Equal(
            [
                new BookLevelChange(BookSide.Bid, Price.Parse("0.5667"), Quantity.Parse("100")),
                new BookLevelChange(BookSide.Bid, Price.Parse("0.5657"), Quantity.Zero),
            ],
            forwarded.Levels.ToArray());
        Assert.Equal(1193057193u, forwarded.Checksum);
    }

    [Fact]
    public void Sync_DeeperSubscription_KeepsLevelsBeyondTenButChecksOnlyTen()
    {
        _sync.Register(EthUsdt, pricePrecision: 4, qtyPrecision: 8, depth: 25);
        Feed(Sample("ws_v2_book_snapshot_docs_example.json"));

        // Same insert as above: at depth 25 nothing is truncated, and the checksum (top 10 only) is the same.
        Feed(BookUpdate("ETH/USDT", """{"price":0.5667,"qty":100.0}""", "", 1193057193));

        Assert.Equal(0, _sync.ChecksumFailures);
        Assert.Single(_out.BookUpdates[^1].Levels.ToArray());
    }

    [Fact]
    public void Sync_WrongPrecisionRegistered_FailsWithAClearReason()
    {
        _sync.Register(EthUsdt, pricePrecision: 3, qtyPrecision: 8); // ETH/USDT prices have 4 decimals

        Feed(Sample("ws_v2_book_snapshot_docs_example.json"));

        var status = Assert.Single(_out.Statuses);
        Assert.Equal(BookHealth.ChecksumFailed, status.Health);
        Assert.Equal("level finer than the registered precision", status.Reason);
        Assert.Empty(_out.BookUpdates);
    }

    [Fact]
    public void Sync_UnregisteredInstrument_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _parser.Parse(Sample("ws_v2_book_checksum_guide_example.json"), _sync));
        Assert.Contains("BTC/USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_BadDepthOrPrecision_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _sync.Register(BtcUsd, 1, 8, depth: 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => _sync.Register(BtcUsd, 10, 8));
        _sync.Register(BtcUsd, 1, 8);
        Assert.Throws<InvalidOperationException>(() => _sync.Register(BtcUsd, 1, 8));
    }

    [Fact]
    public void Sync_Reconnect_WaitsForTheNextSnapshot()
    {
        _sync.Register(EthUsdt, pricePrecision: 4, qtyPrecision: 8);
        Feed(Sample("ws_v2_book_snapshot_docs_example.json"));

        _sync.OnReconnect(9);
        Feed(DocsUpdate()); // before the new snapshot: dropped
        Feed(Sample("ws_v2_book_snapshot_docs_example.json"));

        Assert.Equal(["book:Snapshot:0", "status:Healthy", "status:AwaitingSnapshot", "book:Snapshot:0", "status:Healthy"], _out.Sequence);
        Assert.Equal(1, _sync.DroppedWhileUnhealthy);
        Assert.Empty(_resubscribe);
    }

    [Fact]
    public void Sync_TradesAndQuotes_PassThrough()
    {
        Feed(Sample("ws_v2_trade_fixture.json"));
        Feed(Sample("ws_v2_ticker_fixture.json"));

        Assert.Equal(["trade", "trade", "quote"], _out.Sequence);
    }

    [Fact]
    public void Sync_WarmSync_AllocatesNothingPerVerifiedUpdate()
    {
        var sink = new CountingSink();
        var sync = new KrakenBookSync(sink);
        sync.Register(EthUsdt, 4, 8);
        var snapshot = Sample("ws_v2_book_snapshot_docs_example.json");
        var update = DocsUpdate();
        _parser.Parse(snapshot, sync);
        for (var i = 0; i < 10; i++)
        {
            _parser.Parse(update, sync); // the same absolute size again: the book and its checksum stay the same
        }

        var window = AllocationWindow.Open();
        for (var i = 0; i < 1_000; i++)
        {
            _parser.Parse(update, sync);
        }

        window.AssertNothingAllocated();
        Assert.Equal(0, sync.ChecksumFailures);
        Assert.Equal(2 + 1_010, sink.Events);
    }
}
