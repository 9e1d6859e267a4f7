using System.CommandLine;
using System.Text.Json;
using Edgewise.Cli;
using Edgewise.Simulators;
using Edgewise.Tests.Venues.Feeds;

namespace Edgewise.Tests.Cli;

/// <summary>`edgewise record` and `edgewise replay` as a user runs them, against a fake Coinbase on 127.0.0.1 named in a --config file.</summary>
public sealed class RecordCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-record-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public async Task Record_BadArguments_OneLinePerProblemAndExit1()
    {
        var code = await InvokeAsync(["record", "--venues", "coinbase,nasdaq", "--symbols", "BTCUSD", "--out", _dir], CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal(
            "edgewise record: --symbols: 'BTCUSD' is not BASE-QUOTE in upper case (e.g. BTC-USD)" + Environment.NewLine +
            "edgewise record: --venues: unknown venue 'nasdaq'; record knows coinbase, kraken, bitstamp, binanceus" + Environment.NewLine,
            _err.ToString());
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task RecordUntilCtrlC_ThenReplay_TheReplayShowsTheSameGapsResyncAndBook()
    {
        await using var coinbase = await SimVenueServer.StartAsync();
        var config = WriteConfig(coinbase);
        var captures = Path.Combine(_dir, "captures");
        using var ctrlC = new CancellationTokenSource();
        var record = InvokeAsync(["record", "--config", config, "--venues", "coinbase", "--symbols", "BTC-USD", "--out", captures], ctrlC.Token);

        var ws = await coinbase.NextConnectionAsync();
        await ws.WaitForMessagesAsync(4);
        await ws.SendTextAsync(CoinbaseWire.Subscriptions(1));
        await ws.SendTextAsync(CoinbaseWire.L2(2, "snapshot", ("bid", "50000.00", "1.00000000"), ("offer", "50001.00", "2.00000000")));
        await ws.SendTextAsync(CoinbaseWire.L2(3, "update", ("bid", "50000.50", "0.50000000")));
        await ws.SendTextAsync(CoinbaseWire.Heartbeat(5)); // 4 is missing: the client resubscribes level2
        Assert.Equal([CoinbaseWire.UnsubscribeLevel2, CoinbaseWire.SubscribeLevel2], (await ws.WaitForMessagesAsync(6)).Skip(4));
        await ws.SendTextAsync(CoinbaseWire.Subscriptions(6));
        await ws.SendTextAsync(CoinbaseWire.L2(7, "snapshot", ("bid", "51000.00", "1.00000000"), ("offer", "51001.00", "2.00000000")));
        await ws.SendTextAsync(CoinbaseWire.Heartbeat(9)); // 8 is missing: a second gap, and the second resubscription shows that all was read
        await ws.WaitForMessagesAsync(8);
        await ctrlC.CancelAsync();

        Assert.Equal(0, await record.WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken));
        var files = Directory.GetFiles(captures).Order(StringComparer.Ordinal).ToList();
        Assert.Matches(@"^coinbase-\d{8}T\d{2}\.jsonl\.gz$", Path.GetFileName(files[0]));
        Assert.Contains("coinbase: 7 frames in ", _out.ToString(), StringComparison.Ordinal);

        var books = Path.Combine(_dir, "books.json");
        var summary = Path.Combine(_dir, "summary.json");
        var args = new List<string> { "replay", "--books-out", books, "--summary-out", summary, "--no-progress" };
        files.ForEach(f => args.AddRange(["--input", f]));
        Assert.Equal(0, await InvokeAsync([.. args], CancellationToken.None));

        // Live: gap at 5 (resync by snapshot 7), gap at 9 (unhealthy at the end). The replay sees the same sequence numbers.
        using var s = JsonDocument.Parse(File.ReadAllText(summary));
        Assert.Equal((7, 2, 1, 1), (s.RootElement.GetProperty("frames").GetInt32(), s.RootElement.GetProperty("gaps").GetInt32(),
            s.RootElement.GetProperty("resyncs").GetInt32(), s.RootElement.GetProperty("unhealthy_books").GetInt32()));
        var venue = Assert.Single(s.RootElement.GetProperty("per_venue").EnumerateArray());
        Assert.Equal(("coinbase", 7), (venue.GetProperty("venue").GetString(), venue.GetProperty("frames").GetInt32()));
        using var b = JsonDocument.Parse(File.ReadAllText(books));
        var btc = b.RootElement.GetProperty("BTC-USD");
        Assert.Equal("""[["51000.00","1.00000000"]]""", btc.GetProperty("bids").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
        Assert.Equal("""[["51001.00","2.00000000"]]""", btc.GetProperty("asks").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
        Assert.False(btc.GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Record_ShortDuration_StopsByItselfPrintsStatusLinesAndExits0()
    {
        await using var coinbase = await SimVenueServer.StartAsync();
        var config = WriteConfig(coinbase);

        // Real time: one second of recording with a status line every 200 ms (the output is not a terminal).
        var code = await InvokeAsync(["record", "--config", config, "--venues", "coinbase", "--symbols", "BTC-USD", "--out", _dir,
            "--duration", "00:00:01", "--status-every", "00:00:00.2"], CancellationToken.None).WaitAsync(SimVenueServer.DefaultTimeout, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        var lines = _out.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"recording coinbase BTC-USD to {_dir} for 00:00:01", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d\d:\d\d:\d\d coinbase \w+ last .* gaps 0 checksum 0 resyncs 0 reconnects \d+ malformed 0 written \d+ "));
        Assert.Matches(@"^coinbase: \d+ frames in \d+ file\(s\)", lines[^1]);
        Assert.Equal(string.Empty, _err.ToString());
    }

    private Task<int> InvokeAsync(string[] args, CancellationToken ct) =>
        EdgewiseCli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = _out, Error = _err }, ct);

    private string WriteConfig(SimVenueServer coinbase)
    {
        var path = Path.Combine(_dir, "staging.json");
        File.WriteAllText(path, "{\"venues\":{\"coinbase\":{\"wsUrl\":\"" + coinbase.WebSocketUri + "\"}}}");
        return path;
    }
}
