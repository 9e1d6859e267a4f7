using System.CommandLine;
using Edgewise.Cli;

namespace Edgewise.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private int Invoke(params string[] args) =>
        EdgewiseCli.Build().Parse(args).Invoke(new InvocationConfiguration { Output = _out, Error = _err });

    [Fact]
    public void Replay_MissingInputFile_OneErrorLineNamingThePathAndExit1()
    {
        var missing = Path.Combine(_dir, "no-such-capture.gz");

        var code = Invoke("replay", "--venue", "binanceus", "--input", missing);

        Assert.Equal(1, code);
        Assert.Equal($"edgewise replay: Capture file not found: {missing}{Environment.NewLine}", _err.ToString());
    }

    [Fact]
    public void Replay_LinesWithoutVenueAndNoVenueOption_AsksForTheVenue()
    {
        var capture = Path.Combine(_dir, "a.txt");
        File.WriteAllText(capture, "1700000000000000000 {\"e\":\"depthUpdate\"}\n"); // '<recv_ts_ns> <json>' lines name no venue

        var code = Invoke("replay", "--input", capture);

        Assert.Equal(1, code);
        Assert.Equal($"edgewise replay: {capture}: its lines do not name their venue; give --venue (e.g. --venue binanceus).{Environment.NewLine}",
            _err.ToString());
    }

    [Fact]
    public void Replay_CaptureWithBooksOut_PrintsSummaryAndWritesBooks()
    {
        var capture = Path.Combine(_dir, "c.jsonl");
        File.WriteAllLines(capture,
        [
            """{"recv_ts_ns": 1, "venue": "binanceus", "source": "rest", "endpoint": "/api/v3/depth?symbol=BTCUSDT", "raw": "{\"lastUpdateId\":10,\"bids\":[[\"100.00\",\"1.50\"]],\"asks\":[[\"101.00\",\"2.00\"]]}"}""",
            """{"recv_ts_ns": 2, "venue": "binanceus", "raw": "{\"e\":\"depthUpdate\",\"E\":5,\"s\":\"BTCUSDT\",\"U\":11,\"u\":12,\"b\":[[\"100.50\",\"0.25\"]],\"a\":[]}"}""",
            "this line is not a frame",
        ]);
        var books = Path.Combine(_dir, "books.json");

        var code = Invoke("replay", "--venue", "binanceus", "--input", capture, "--books-out", books);

        Assert.Equal(0, code);
        var printed = _out.ToString();
        Assert.Contains("frames                       2", printed, StringComparison.Ordinal);
        Assert.Contains("gaps                         0", printed, StringComparison.Ordinal);
        Assert.Contains("malformed                    0 frames, 1 lines", printed, StringComparison.Ordinal);
        Assert.Contains($"{capture}:3: expected '<recv_ts_ns> <json>' or a JSON object", printed, StringComparison.Ordinal);
        var expected = """
            {
              "BTCUSDT": {
                "bids": [
                  [
                    "100.50",
                    "0.25"
                  ],
                  [
                    "100.00",
                    "1.50"
                  ]
                ],
                "asks": [
                  [
                    "101.00",
                    "2.00"
                  ]
                ],
                "healthy": true,
                "last_update_id": 12
              }
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), File.ReadAllText(books).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Verify_BrokenConfigFile_TableWithFailAndExit1()
    {
        var config = Path.Combine(_dir, "bad.json");
        File.WriteAllText(config, """{"venues":{"kraken":{"wsurl":"wss://x"}}}""");

        var code = Invoke("verify", "--config", config);

        Assert.Equal(1, code);
        Assert.Contains("venues.kraken.wsurl: unknown key", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("verify: FAIL (1 failed, 0 warnings)", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MissingConfigFile_NamesThePathAndExit1()
    {
        var missing = Path.Combine(_dir, "missing.json");

        var code = Invoke("verify", "--config", missing);

        Assert.Equal(1, code);
        Assert.Contains($"config file not found: {missing}", _out.ToString(), StringComparison.Ordinal);
    }
}
