// `edgewise demo`: the whole system on simulated venues, in one process. The composition:
//   accelerated clock (ScaledTimeProvider over the wall clock: `speed` market seconds per wall second, starting 90 s
//   into a quarter hour, so the first KXBTC15M window is already open and past its blocked first 30 s) ->
//   SimulatedMarkets (four spot venues and Kalshi on 127.0.0.1, seeded, on that clock) -> the configuration pointed at
//   them (DemoConfig) and the simulator's Kalshi key -> the paper session `run` uses (PaperSession), on the same clock,
//   with the web dashboard, the terminal dashboard when on a terminal, a status line every ProgressInterval of wall time
//   -> after it stops: report.html and a summary (trades, P&L, faults the simulator injected).
// Duration is wall time; the session, which runs on the accelerated clock, is given Duration × Speed.
// Assumption about SimulatedMarkets: it lists the KXBTC15M window that contains its clock's start (windows on quarter
// hours, as Kalshi's), so choosing the clock's start is how the demo makes the first window ~1.5 minutes old.
using System.Globalization;
using System.Security.Cryptography;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Reports;
using Edgewise.Cli.Run;
using Edgewise.Cli.Terminal;
using Edgewise.Engine.Time;
using Edgewise.Simulators.Market;
using Edgewise.Strategies.BtcBinary.Profiles;
using Edgewise.Venues.Kalshi;
using Spectre.Console;

namespace Edgewise.Cli.Demo;

internal sealed class DemoSession(EdgewiseConfig config, BtcBinaryProfile profile, DemoOptions options, TextWriter output, TimeProvider wall)
{
    /// <summary>How far into its 15-minute window the demo's market clock starts.</summary>
    public static readonly TimeSpan WindowAgeAtStart = TimeSpan.FromSeconds(90);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Where the terminal dashboard is drawn; null for none.</summary>
    public IAnsiConsole? Terminal { get; init; }

    /// <summary>The market clock's start for a demo begun at <paramref name="wallNow"/>: its quarter hour plus <see cref="WindowAgeAtStart"/>.</summary>
    public static DateTimeOffset MarketStart(DateTimeOffset wallNow)
    {
        var utc = wallNow.ToUniversalTime();
        var quarter = new DateTimeOffset(utc.Ticks - (utc.Ticks % Window.Ticks), TimeSpan.Zero);
        return quarter + WindowAgeAtStart;
    }

    public async Task<DemoOutcome> RunAsync(CancellationToken ct)
    {
        var outDirectory = Path.GetFullPath(options.OutDirectory);
        Directory.CreateDirectory(outDirectory);
        var wallStart = wall.GetTimestamp();
        var clock = new ScaledTimeProvider(wall, MarketStart(wall.GetUtcNow()), options.Speed);
        var marketOptions = new SimulatedMarketsOptions { Clock = clock };
        marketOptions = options.Seed is { } seed ? marketOptions with { Seed = seed } : marketOptions;
        await using var markets = await SimulatedMarkets.StartAsync(marketOptions, ct).ConfigureAwait(false);
        var demoConfig = DemoConfig.For(config, markets, outDirectory);
        using var auth = new KalshiAuth(markets.KalshiKeyId, CopyOf(markets.KalshiPrivateKey), clock);
        var settings = new PaperSettings
        {
            OutDirectory = outDirectory,
            Duration = options.Duration * options.Speed,
            StatusInterval = options.ProgressInterval * options.Speed,
            DashboardPort = options.DashboardPort,
            KalshiAuth = auth,
            NewRun = true, // each demo is a new simulated world: a killed demo's positions belong to markets that no longer exist
        };

        await output.WriteLineAsync(string.Create(Inv,
            $"edgewise demo: simulated Coinbase, Kraken, Bitstamp, Binance.US and Kalshi on 127.0.0.1 (seed {marketOptions.Seed}), " +
            $"market time from {clock.Start:u} at {options.Speed}x; {Until()}")).ConfigureAwait(false);

        PaperOutcome outcome;
        await using (var terminal = new TerminalDashboardRun(output, Terminal, wall))
        {
            var session = new PaperSession(demoConfig, profile, settings, terminal.Output, clock);
            session.Started += live => terminal.Start(live.OutDirectory, live.View);
            outcome = await session.RunAsync(ct).ConfigureAwait(false);
            await terminal.StopAsync().ConfigureAwait(false);
            if (terminal.LogPath is { } log)
            {
                await output.WriteLineAsync($"session log: {log}").ConfigureAwait(false);
            }
        }

        var report = PaperRunReport.Write(demoConfig.Store.Path, outcome);
        var result = new DemoOutcome(outcome, report, markets.Stats, wall.GetElapsedTime(wallStart), clock.GetUtcNow() - clock.Start, demoConfig.Store.Path);
        await WriteSummaryAsync(result).ConfigureAwait(false);
        return result;
    }

    private string Until() => options.Duration is { } d
        ? string.Create(Inv, $"running for {Format(d)} of wall time ({Format(d * options.Speed)} of market time)")
        : "running until Ctrl+C";

    private async Task WriteSummaryAsync(DemoOutcome result)
    {
        var lines = new List<string>
        {
            string.Create(Inv, $"edgewise demo: stopped ({result.Paper.ExitReason}) after {Format(result.WallTime)} of wall time, {Format(result.MarketTime)} of market time"),
        };
        if (result.Report.Report is { } report)
        {
            var closed = report.Recorded;
            lines.Add(string.Create(Inv,
                $"  trades: {report.Trades.Count} ({closed.Closed} closed, {closed.Open} open); P&L of closed trades {ReportFormat.Money(closed.Pnl)} after fees; fees paid {ReportFormat.Money(report.FeesPaid)}"));
        }

        var stats = result.Faults;
        lines.Add(string.Create(Inv,
            $"  simulated: {stats.MarketsListed} market(s) listed, {stats.MarketsSettled} settled; faults injected: {stats.FlashCrashes} flash crash(es), {stats.FeedOutages} feed outage(s)"));
        lines.Add($"  results: {result.Paper.ResultsPath}");
        lines.Add($"  store: {Path.GetFullPath(result.StorePath)} (run {result.Paper.RunId.ToString(Inv)})");
        lines.Add("  " + PaperRunReport.Line(result.Report));
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static string Format(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\hmm\mss\s", Inv)
        : span.TotalMinutes >= 1 ? span.ToString(@"m\mss\s", Inv) : span.ToString(@"s\.f\s", Inv);

    /// <summary>The KalshiAuth disposes its key, and the simulator still needs its own: the session signs with a copy.</summary>
    private static RSA CopyOf(RSA key)
    {
        var copy = RSA.Create();
        copy.ImportParameters(key.ExportParameters(includePrivateParameters: true));
        return copy;
    }
}
