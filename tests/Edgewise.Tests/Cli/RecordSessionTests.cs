using Edgewise.Cli.Record;
using Edgewise.Cli.Replay;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;
using Edgewise.Storage.Capture;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;

namespace Edgewise.Tests.Cli;

/// <summary>
/// The record pipeline end to end: four fake venues on 127.0.0.1, the recorder in-process on a manual clock, then a replay of
/// the files it wrote. The replayed books must equal the books the live clients had, and both what the fakes sent.
/// </summary>
public sealed class RecordSessionTests : IDisposable
{
    private static readonly InstrumentId CoinbaseBtc = new("coinbase", "BTC-USD");
    private static readonly InstrumentId KrakenBtc = new("kraken", "BTC/USD");
    private static readonly InstrumentId BitstampBtc = new("bitstamp", "btcusd");
    private static readonly InstrumentId BinanceBtc = new("binanceus", "BTCUSD");

    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-record-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RecordThenReplay_FourVenuesAcrossAnHour_ReplayedBooksEqualTheLiveBooksAndWhatTheFakesSent()
    {
        await using var fakes = await RecordFakeVenues.StartAsync();
        var config = fakes.Config();
        var (plan, errors) = RecordPlanner.Plan(config, null, ["BTC-USD"], _dir);
        Assert.Empty(errors);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 59, 50, TimeSpan.Zero));
        var live = new RecordBooksSink();
        fakes.BinanceUs.Respond("/api/v3/depth", BinanceSnapshot);
        fakes.Bitstamp.Respond(BitstampWire.BookPath, BitstampWire.Snapshot(1500, """[["50000.00","1.00000000"],["49990.00","2.00000000"]]""",
            """[["50010.00","1.00000000"],["50020.00","2.00000000"]]"""));
        using var session = new RecordSession(plan!, live, clock);
        using var stop = new CancellationTokenSource();
        var recording = session.RunAsync(null, stop.Token);

        // Hour 00: every venue subscribes and gets its first book.
        var coinbase = await fakes.Coinbase.NextConnectionAsync();
        Assert.Equal([CoinbaseWire.SubscribeLevel2, CoinbaseWire.SubscribeTrades, CoinbaseWire.SubscribeTicker, CoinbaseWire.SubscribeHeartbeats],
            await coinbase.WaitForMessagesAsync(4));
        await coinbase.SendTextAsync(CoinbaseWire.Subscriptions(1));
        await coinbase.SendTextAsync(CoinbaseWire.L2(2, "snapshot",
            ("offer", "50002.00", "3.00000000"), ("bid", "50000.00", "1.00000000"), ("offer", "50001.00", "1.50000000"), ("bid", "49999.00", "2.00000000")));
        await coinbase.SendTextAsync(CoinbaseWire.L2(3, "update", ("bid", "50000.50", "0.50000000"), ("offer", "50001.00", "0")));

        var kraken = await fakes.Kraken.NextConnectionAsync();
        Assert.Equal([KrakenWire.SubscribeBook, KrakenWire.SubscribeTrade, KrakenWire.SubscribeTicker], await kraken.WaitForMessagesAsync(3));
        await kraken.SendTextAsync(KrakenWire.Ack("book", 1));
        await kraken.SendTextAsync(KrakenFeedHarness.FirstSnapshot);
        await kraken.SendTextAsync(KrakenFeedHarness.FirstUpdate);

        var bitstamp = await fakes.Bitstamp.NextConnectionAsync();
        Assert.Equal([BitstampWire.SubscribeDiff, BitstampWire.SubscribeTrades], await bitstamp.WaitForMessagesAsync(2));
        await bitstamp.SendTextAsync(BitstampWire.Subscribed("diff_order_book_btcusd"));
        await bitstamp.SendTextAsync(BitstampWire.Diff(1000, bids: """[["50005.00","7.00000000"]]""")); // older than the snapshot: dropped
        await bitstamp.SendTextAsync(BitstampWire.Diff(2000, bids: """[["50001.00","0.50000000"]]""", asks: """[["50010.00","0.00000000"]]"""));

        var binance = await fakes.BinanceUs.NextConnectionAsync();
        Assert.Equal("?streams=btcusd@depth@100ms/btcusd@trade/btcusd@bookTicker", binance.Query);
        await binance.SendTextAsync(BinanceDepth(101, 102, bids: """[["50000.50","0.50000000"]]""", asks: """[["50001.00","0.00000000"]]"""));

        await live.Awaiting.WaitUntilAsync(s => s.IsHealthyWith(CoinbaseBtc, "50000.5 x 0.5", "50002 x 3") && s.IsHealthyWith(KrakenBtc, "50000.5 x 0.5", "50002 x 3")
            && s.IsHealthyWith(BitstampBtc, "50001 x 0.5", "50020 x 2") && s.IsHealthyWith(BinanceBtc, "50000.5 x 0.5", "50002 x 3"), "four healthy books in hour 00");

        // Hour 01 (15 s later on the receive clock, inside every stale limit): a trade and a delta each.
        clock.Advance(TimeSpan.FromSeconds(15));
        await coinbase.SendTextAsync(CoinbaseWire.Trade(4, 9, "50002.00", "0.10000000", "BUY"));
        await coinbase.SendTextAsync(CoinbaseWire.L2(5, "update", ("bid", "49999.00", "0"), ("offer", "50003.00", "4.00000000")));
        await kraken.SendTextAsync(KrakenWire.Trade(10, "50002.0", "0.1", "buy"));
        // Ask 50003.0 x 1 added, bid 49999.5 removed: asks "500020300000000" "500030100000000", bids "50000550000000" "500000100000000".
        await kraken.SendTextAsync(KrakenWire.Book("update", [("49999.5", "0.00000000")], [("50003.0", "1.00000000")],
            "500020300000000" + "500030100000000" + "50000550000000" + "500000100000000"));
        await bitstamp.SendTextAsync(BitstampWire.Trade(11, "50015.00", "0.20000000", type: 0));
        await bitstamp.SendTextAsync(BitstampWire.Diff(3000, bids: """[["49990.00","0.00000000"]]""", asks: """[["50015.00","0.70000000"]]"""));
        await binance.SendTextAsync(BinanceTrade(12, "50002.00", "0.30000000"));
        await binance.SendTextAsync(BinanceDepth(103, 103, bids: """[["49999.00","0.00000000"]]""", asks: """[["50004.00","1.25000000"]]"""));

        await live.Awaiting.WaitUntilAsync(s => s.Trades.Count == 4 && s.IsHealthyWith(CoinbaseBtc, "50000.5 x 0.5", "50002 x 3")
            && Equal(live, CoinbaseBtc, ["50000.5 x 0.5", "50000 x 1"], ["50002 x 3", "50003 x 4"])
            && Equal(live, KrakenBtc, ["50000.5 x 0.5", "50000 x 1"], ["50002 x 3", "50003 x 1"])
            && Equal(live, BitstampBtc, ["50001 x 0.5", "50000 x 1"], ["50015 x 0.7", "50020 x 2"])
            && Equal(live, BinanceBtc, ["50000.5 x 0.5", "50000 x 1"], ["50002 x 3", "50004 x 1.25"]), "the hour-01 books");

        // The live books at the end, before stopping (a stopping client marks its books as awaiting a snapshot).
        var atEnd = live.Instruments.ToDictionary(id => id, id => (live.HealthOf(id), live.Levels(id, BookSide.Bid), live.Levels(id, BookSide.Ask)));
        await stop.CancelAsync(); // Ctrl+C
        var outcome = await recording.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        // Frames per venue: Coinbase ack, snapshot, update | trade, update; Kraken ack, snapshot, update | trade, update; Bitstamp ack,
        // two diffs, the REST snapshot | trade, diff; Binance depth, REST snapshot | trade, depth.
        Assert.Equal([("coinbase", 5L), ("kraken", 5L), ("bitstamp", 6L), ("binanceus", 4L)], outcome.Venues.Select(v => (v.Venue, v.Frames)));
        Assert.All(outcome.Venues, v => Assert.Equal(
            [Path.Combine(_dir, $"{v.Venue}-20260101T00.jsonl.gz"), Path.Combine(_dir, $"{v.Venue}-20260101T01.jsonl.gz")], v.Files));
        Assert.Equal([3, 2], FramesIn(outcome.Venues[0].Files));
        Assert.All(session.Health(), h => Assert.Equal((0L, 0L, 0L), (h.Gaps, h.MalformedFrames, h.Reconnects)));

        // Replay every file at once (name order: venues interleave, one venue's hours in order) and compare with the live books.
        var files = Directory.GetFiles(_dir).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(8, files.Count);
        using var replay = ReplayPipeline.Create(null, files, VenueSymbols.KrakenPrecisions(config));
        replay.Run(null, TestContext.Current.CancellationToken);
        var books = replay.Books.ToDictionary(b => b.Instrument);
        Assert.Equal([BinanceBtc, BitstampBtc, CoinbaseBtc, KrakenBtc], books.Keys.OrderBy(k => k.Venue, StringComparer.Ordinal));
        foreach (var (id, book) in books)
        {
            var (health, bids, asks) = atEnd[id];
            Assert.Equal((BookHealth.Healthy, BookHealth.Healthy), (health, book.Health));
            Assert.Equal(bids, RecordBooksSink.LevelsOf(book, BookSide.Bid));
            Assert.Equal(asks, RecordBooksSink.LevelsOf(book, BookSide.Ask));
        }

        var summary = replay.Summarize();
        Assert.Equal(
        [
            ("binanceus", 4L, 0L, 0L, 0L, 0), ("bitstamp", 6L, 0L, 0L, 0L, 0), ("coinbase", 5L, 0L, 0L, 0L, 0), ("kraken", 5L, 0L, 0L, 0L, 0),
        ], summary.PerVenue.Select(v => (v.Venue, v.Frames, v.Gaps, v.ChecksumFailures, v.MalformedFrames, v.UnhealthyBooks)));
        // Every frame of a venue has the same receive time within an hour (the manual clock), so nothing is out of order.
        Assert.Equal((4L, 0L, 0L), (summary.Trades, replay.Counters.OutOfOrderFrames, summary.UnroutedFrames));
    }

    [Fact]
    public async Task RunAsync_DiskFullOnTheFirstFrame_StopsEveryFeedAndNamesTheFileAndTheError()
    {
        await using var fakes = await RecordFakeVenues.StartAsync();
        var (plan, _) = RecordPlanner.Plan(fakes.Config(), ["coinbase", "kraken"], ["BTC-USD"], _dir);
        using var session = new RecordSession(plan!, new RecordBooksSink(), new ManualTimeProvider(),
            path => path.Contains("coinbase", StringComparison.Ordinal) ? new FullDiskStream(capacity: 0) : CaptureFile.OpenWrite(path, overwrite: false));
        var recording = session.RunAsync(null, TestContext.Current.CancellationToken);
        var coinbase = await fakes.Coinbase.NextConnectionAsync();
        await coinbase.WaitForMessagesAsync(4);
        var kraken = await fakes.Kraken.NextConnectionAsync();
        await kraken.WaitForMessagesAsync(3);

        await coinbase.SendTextAsync(CoinbaseWire.Subscriptions(1));

        var outcome = await recording.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken); // stopped by itself
        Assert.Equal($"writing {Path.Combine(_dir, "coinbase-20260101T00.jsonl.gz")} failed: {FullDiskStream.Message}. Recording stopped: 1 frame(s) " +
            "from the failure on were not written; the files hold every frame before it.", outcome.Error);
        await coinbase.Closed.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        await kraken.Closed.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken); // the healthy feed stopped too
        Assert.Equal([("coinbase", 0L, 1L), ("kraken", 0L, 0L)], outcome.Venues.Select(v => (v.Venue, v.Frames, v.FramesNotWritten)));
    }

    [Fact]
    public async Task RunAsync_DurationOnTheClock_StopsByItselfAndClosesTheFiles()
    {
        await using var fakes = await RecordFakeVenues.StartAsync();
        var (plan, _) = RecordPlanner.Plan(fakes.Config(), ["coinbase"], ["BTC-USD"], _dir);
        var clock = new ManualTimeProvider();
        var live = new RecordBooksSink();
        using var session = new RecordSession(plan!, live, clock);
        var recording = session.RunAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var coinbase = await fakes.Coinbase.NextConnectionAsync();
        await coinbase.WaitForMessagesAsync(4);
        await coinbase.SendTextAsync(CoinbaseWire.Subscriptions(1));
        await coinbase.SendTextAsync(CoinbaseWire.L2(2, "snapshot", ("bid", "50000.00", "1.00000000"), ("offer", "50001.00", "2.00000000")));
        await live.Awaiting.WaitUntilAsync(s => s.IsHealthyWith(CoinbaseBtc, "50000 x 1", "50001 x 2"), "the book healthy");

        clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.False(recording.IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));

        var outcome = await recording.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);
        Assert.Null(outcome.Error);
        var file = Assert.Single(Assert.Single(outcome.Venues).Files);
        Assert.Equal([CoinbaseWire.Subscriptions(1), CoinbaseWire.L2(2, "snapshot", ("bid", "50000.00", "1.00000000"), ("offer", "50001.00", "2.00000000"))],
            RecordTestFiles.ReadAll(file).Select(f => f.Text)); // the gzip stream was ended properly
    }

    private static readonly string BinanceSnapshot =
        """{"lastUpdateId":100,"bids":[["50000.00","1.00000000"],["49999.00","2.00000000"]],"asks":[["50001.00","1.50000000"],["50002.00","3.00000000"]]}""";

    private static string BinanceDepth(long first, long last, string bids = "[]", string asks = "[]") =>
        $$$"""{"stream":"btcusd@depth@100ms","data":{"e":"depthUpdate","E":1767229190000,"s":"BTCUSD","U":{{{first}}},"u":{{{last}}},"b":{{{bids}}},"a":{{{asks}}}}}""";

    private static string BinanceTrade(long id, string price, string qty) =>
        $$$"""{"stream":"btcusd@trade","data":{"e":"trade","E":1767229205000,"s":"BTCUSD","t":{{{id}}},"p":"{{{price}}}","q":"{{{qty}}}","b":1,"a":2,"T":1767229205000,"m":false,"M":true}}""";

    private static bool Equal(RecordBooksSink live, InstrumentId id, string[] bids, string[] asks) =>
        live.HealthOf(id) == BookHealth.Healthy && live.Levels(id, BookSide.Bid).SequenceEqual(bids) && live.Levels(id, BookSide.Ask).SequenceEqual(asks);

    private static int[] FramesIn(IReadOnlyList<string> files) => [.. files.Select(f => RecordTestFiles.ReadAll(f).Count)];
}
