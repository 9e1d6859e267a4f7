using System.CommandLine;
using System.Text;
using Edgewise.Cli;
using Edgewise.Cli.Replay;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Storage.Capture;

namespace Edgewise.Tests.Venues.Kalshi;

/// <summary>`edgewise replay --venue kalshi` over a capture written here from the Kalshi sample messages.</summary>
public sealed class KalshiReplayTests : IDisposable
{
    private const string Market = "KXBTC-25MAR15-B100000";

    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-kalshi-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// The subscribe ack, snapshot and first delta are ws_subscribed_ack_docs, ws_orderbook_snapshot_fp_fixture and
    /// ws_orderbook_delta_fp_fixture as they are in ../shared (inlined so the test runs without it); the rest continue them:
    /// seq 4 is lost, get_snapshot's answer comes as seq 7.
    /// </summary>
    private string WriteCapture()
    {
        string[] frames =
        [
            """{"id": 1, "type": "subscribed", "sid": 1}""",
            """{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"KXBTC-25MAR15-B100000","market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1","yes_dollars_fp":[["0.3500","200.00"],["0.4200","13.00"]],"no_dollars_fp":[["0.5400","400.00"],["0.5600","17.00"]]}}""",
            """{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"KXBTC-25MAR15-B100000","price_dollars":"0.4200","delta_fp":"50.00","side":"yes","ts":"2025-03-01T18:26:53.361842Z"}}""",
            """{"type":"orderbook_delta","sid":1,"seq":3,"msg":{"market_ticker":"KXBTC-25MAR15-B100000","price_dollars":"0.5600","delta_fp":"-7.00","side":"no","ts_ms":1740853614000}}""",
            """{"type":"orderbook_delta","sid":1,"seq":5,"msg":{"market_ticker":"KXBTC-25MAR15-B100000","price_dollars":"0.4200","delta_fp":"-63.00","side":"yes","ts_ms":1740853615000}}""",
            """{"type":"orderbook_delta","sid":1,"seq":6,"msg":{"market_ticker":"KXBTC-25MAR15-B100000","price_dollars":"0.3500","delta_fp":"1.00","side":"yes","ts_ms":1740853616000}}""",
            """{"type":"orderbook_snapshot","sid":1,"seq":7,"msg":{"market_ticker":"KXBTC-25MAR15-B100000","yes_dollars_fp":[["0.4300","5.00"],["0.0950","12.34"]],"no_dollars_fp":[["0.5000","2.00"],["0.5500","8.00"]]}}""",
            """{"type":"orderbook_delta","sid":1,"seq":8,"msg":{"market_ticker":"KXBTC-25MAR15-B100000","price_dollars":"0.0950","delta_fp":"-2.34","side":"yes","ts_ms":1740853618000}}""",
            """{"type":"trade","sid":2,"seq":1,"msg":{"trade_id":"d91bc706-ee49-470d-82d8-11418bda6fed","market_ticker":"KXBTC-25MAR15-B100000","yes_price_dollars":"0.3600","no_price_dollars":"0.6400","count_fp":"136.00","taker_side":"no","ts":1741052641}}""",
        ];
        var path = Path.Combine(_dir, "kalshi.jsonl");
        using var writer = new CaptureWriter(path);
        for (var i = 0; i < frames.Length; i++)
        {
            writer.Write(new RawFrame(1_740_853_613_000_000_000 + i * 1_000_000L, "kalshi", FrameSource.Ws, null, Encoding.UTF8.GetBytes(frames[i])));
        }

        return path;
    }

    // After the gap the book is rebuilt from snapshot seq 7 and delta seq 8 only (seq 5 and 6 were dropped):
    // bids 0.43x5.00 and 0.095x(12.34 - 2.34 = 10.00); asks from NO bids 0.50x2.00 -> 1-0.50 = 0.50, 0.55x8.00 -> 0.45.
    private const string ExpectedBooks = """
        {
          "KXBTC-25MAR15-B100000": {
            "bids": [
              [
                "0.4300",
                "5.00"
              ],
              [
                "0.0950",
                "10.00"
              ]
            ],
            "asks": [
              [
                "0.4500",
                "8.00"
              ],
              [
                "0.5000",
                "2.00"
              ]
            ],
            "healthy": true,
            "last_update_id": 8
          }
        }
        """;

    [Fact]
    public void Run_KalshiCaptureWithAGap_DenseYesTermsBookRebuiltFromTheResyncSnapshot()
    {
        using var pipeline = ReplayPipeline.Create("kalshi", [WriteCapture()]);
        pipeline.Run(null, CancellationToken.None);

        var book = Assert.IsType<DenseOrderBook>(Assert.Single(pipeline.Books));
        Assert.Equal(new InstrumentId("kalshi", Market), book.Instrument);
        Assert.Equal(Edgewise.Core.Numerics.Price.Parse("0.001"), book.Tick); // the tapered grid's finest step
        Assert.Equal(BookHealth.Healthy, book.Health);
        Assert.IsType<BinaryContract>(pipeline.Engine.Cache.Instruments.Single());

        var s = pipeline.Summarize();
        Assert.Equal((9L, 1L, 1L, 0, 1L), (s.Frames, s.Gaps, s.Resyncs, s.UnhealthyBooks, s.ControlFrames));
        Assert.Equal((5L, 1L, 0L), (s.BookUpdates, s.Trades, s.MalformedFrames)); // snapshots 1 and 7, deltas 2, 3 and 8

        var books = Path.Combine(_dir, "books.json");
        pipeline.WriteBooks(books);
        Assert.Equal(ExpectedBooks.ReplaceLineEndings("\n"), File.ReadAllText(books).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ReplayCommand_VenueKalshi_PrintsTheGapAndResyncAndWritesYesTermsBooks()
    {
        var books = Path.Combine(_dir, "cli-books.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = EdgewiseCli.Build().Parse(["replay", "--venue", "kalshi", "--input", WriteCapture(), "--books-out", books])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
        var printed = output.ToString();
        Assert.Contains("replay of kalshi", printed, StringComparison.Ordinal);
        Assert.Contains("gaps                         1", printed, StringComparison.Ordinal);
        Assert.Contains("resyncs                      1", printed, StringComparison.Ordinal);
        Assert.Contains("unhealthy books              0", printed, StringComparison.Ordinal);
        Assert.Equal(ExpectedBooks.ReplaceLineEndings("\n"), File.ReadAllText(books).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Run_CaptureEndingInsideAGap_BookReportedUnhealthy()
    {
        var path = Path.Combine(_dir, "gap.jsonl");
        File.WriteAllLines(path,
        [
            """{"recv_ts_ns": 1, "venue": "kalshi", "raw": "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"M-1\",\"yes_dollars_fp\":[[\"0.4200\",\"1.00\"]]}}"}""",
            """{"recv_ts_ns": 2, "venue": "kalshi", "raw": "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":3,\"msg\":{\"market_ticker\":\"M-1\",\"price_dollars\":\"0.4200\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}"}""",
        ]);

        using var pipeline = ReplayPipeline.Create("kalshi", [path]);
        pipeline.Run(null, CancellationToken.None);

        Assert.Equal(BookHealth.Gap, Assert.Single(pipeline.Books).Health);
        Assert.Equal((1L, 0L, 1), (pipeline.Summarize().Gaps, pipeline.Summarize().Resyncs, pipeline.Summarize().UnhealthyBooks));
    }
}
