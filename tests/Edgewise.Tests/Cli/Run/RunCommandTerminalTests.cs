using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Commands;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Run;
using Edgewise.Cli.Terminal;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Feeds;
using Spectre.Console;

namespace Edgewise.Tests.Cli.Run;

/// <summary>
/// `edgewise run` as the command runs it: the terminal dashboard on a terminal (a Spectre console writing plain text), the
/// session's lines diverted to session.log meanwhile, report.html at the end, and a taken dashboard port refused up front.
/// The simulated Kalshi is set up as in PaperSessionTests (no credentials: REST polling; no spot venue: no index, no trades).
/// Nothing waits on time: the run is stopped by cancellation once the line or frame that proves the state has appeared.
/// </summary>
public sealed class RunCommandTerminalTests : IDisposable
{
    private static readonly SimKalshiMarket Market = SimKalshiMarket.Btc15m(ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(6), 96_000m);

    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-run-tui-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_Terminal_ShowsTheDashboardSectionsLogsToFileAndWritesTheReport()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider();
        await using var kalshi = await StartKalshiAsync(clock);
        var output = new AwaitingWriter();
        var screen = new AwaitingWriter();
        var outDir = Path.Combine(_dir, "out");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var run = RunCommand.RunAsync(Request(kalshi, outDir, Console(screen)), output, TextWriter.Null, clock, stop.Token);
        // The first frame is drawn as soon as the session has started; every section of the dashboard is in it.
        await screen.WaitForAsync("recent decisions");
        await stop.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(0, code);
        var frame = string.Join('\n', screen.Lines);
        foreach (var section in new[] { "edgewise", "trading ACTIVE", "risk", "P&L", "feeds", "kalshi", "books", "BTC index proxy", "open positions", "recent decisions" })
        {
            Assert.Contains(section, frame, StringComparison.Ordinal);
        }

        // Before the dashboard: the start lines on the console. While it showed: the session's lines in session.log only.
        var log = Path.Combine(outDir, TerminalDashboardRun.LogFile);
        Assert.Contains(output.Lines, l => l.StartsWith("edgewise run: profile kalshi-btc-v6", StringComparison.Ordinal));
        Assert.DoesNotContain(output.Lines, l => l.StartsWith("edgewise run: running", StringComparison.Ordinal));
        var logged = File.ReadAllLines(log);
        Assert.Contains(logged, l => l.StartsWith("edgewise run: running until Ctrl+C", StringComparison.Ordinal));
        Assert.Contains(logged, l => l.StartsWith("edgewise run: stopped (canceled)", StringComparison.Ordinal));
        Assert.Contains($"edgewise run: stopped (canceled); results in {Path.Combine(outDir, PaperSession.ResultsFile)}; log in {log}", output.Lines);
        AssertReport(output, outDir);
    }

    [Fact]
    public async Task RunAsync_NoTerminal_LinesStayOnTheConsoleAndTheReportIsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider();
        await using var kalshi = await StartKalshiAsync(clock);
        var output = new AwaitingWriter();
        var outDir = Path.Combine(_dir, "out");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var run = RunCommand.RunAsync(Request(kalshi, outDir, terminal: null), output, TextWriter.Null, clock, stop.Token);
        await output.WaitForAsync("edgewise run: running until Ctrl+C");
        await stop.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(0, code);
        Assert.False(File.Exists(Path.Combine(outDir, TerminalDashboardRun.LogFile)));
        Assert.Contains(output.Lines, l => l.StartsWith("edgewise run: stopped (canceled); results in ", StringComparison.Ordinal));
        AssertReport(output, outDir);
    }

    [Fact]
    public async Task RunAsync_DashboardPortTaken_OneLineNamingThePortAndExit1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var request = new RunCommand.Request(null, "kalshi-btc-v6", Live: false, new PaperSettings { DashboardPort = port });

        var code = await RunCommand.RunAsync(request, output, error, new ManualTimeProvider(), TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Equal(
            $"edgewise run: --port {port}: 127.0.0.1:{port} is already in use (another edgewise, or another program); choose a free port with --port{Environment.NewLine}",
            error.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task PaperSession_DashboardPortTakenAfterTheCommandChecked_SetupErrorNamingTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var clock = new ManualTimeProvider();
        await using var kalshi = await StartKalshiAsync(clock);
        var request = Request(kalshi, Path.Combine(_dir, "out"), terminal: null);
        var config = ConfigLoader.Load(request.ConfigPath).Config!;
        var profile = ProfileLocator.Load("kalshi-btc-v6", AppContext.BaseDirectory);
        var session = new PaperSession(config, profile, request.Settings with { DashboardPort = port }, TextWriter.Null, clock);

        var error = await Assert.ThrowsAsync<PaperSetupException>(() => session.RunAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith($"dashboard: cannot listen on 127.0.0.1:{port}: ", error.Message, StringComparison.Ordinal);
    }

    private static void AssertReport(AwaitingWriter output, string outDir)
    {
        var path = Path.Combine(outDir, PaperRunReport.FileName);
        Assert.Equal($"report: {path}", output.Lines[^1]);
        var html = File.ReadAllText(path);
        Assert.Contains("kalshi-btc-v6", html, StringComparison.Ordinal);
        Assert.Contains("canceled", html, StringComparison.Ordinal); // the exit reason, from the store's run row
    }

    private static async Task<SimKalshiServer> StartKalshiAsync(ManualTimeProvider clock)
    {
        var kalshi = await SimKalshiServer.StartAsync(RSA.Create(2048), "test-key", clock);
        kalshi.AddMarket(Market);
        kalshi.SetBook(Market.Ticker, [("0.4200", "13.00")], [("0.5600", "17.00")]);
        return kalshi;
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        console.Profile.Height = 200;
        return console;
    }

    private RunCommand.Request Request(SimKalshiServer kalshi, string outDir, IAnsiConsole? terminal)
    {
        var configPath = Path.Combine(_dir, "config.json");
        File.WriteAllText(configPath, $$"""
            {
              "store": { "path": "{{Path.Combine(_dir, "store", "edgewise.db").Replace("\\", "\\\\", StringComparison.Ordinal)}}" },
              "venues": {
                "kalshi": {
                  "restUrl": "{{kalshi.RestBaseUri}}",
                  "wsUrl": "{{kalshi.WebSocketUri}}",
                  "credentials": { "keyIdEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_ID", "privateKeyFileEnv": "EDGEWISE_TEST_UNSET_KALSHI_KEY_FILE" }
                },
                "coinbase": { "enabled": false },
                "kraken": { "enabled": false },
                "bitstamp": { "enabled": false },
                "binanceUs": { "enabled": false }
              }
            }
            """);
        return new RunCommand.Request(configPath, "kalshi-btc-v6", Live: false, new PaperSettings
        {
            OutDirectory = outDir,
            DashboardPort = 0,
            AdjustKalshi = o => o with { Connection = FeedTestSettings.Connection() },
        }, terminal);
    }
}
