// `edgewise record --symbols BTC-USD --out DIR [--venues coinbase,kraken,bitstamp,binanceus] [--duration TIMESPAN]`:
// records the venues' raw market data (every WebSocket message and REST snapshot, as received, with its receive time)
// into hourly gzip capture files per venue, which `edgewise replay` reads. URLs and per-venue symbol overrides come
// from the configuration (--config). Health is shown live; Ctrl+C or the duration stops it, and the files are
// flushed and closed before it exits. Exit codes: 0 stopped normally, 1 bad arguments or configuration, or a
// write failure (the error says which file and what happened; recording stops rather than leave a hole).
using System.CommandLine;
using System.Globalization;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Record;
using Spectre.Console;

namespace Edgewise.Cli.Commands;

internal static class RecordCommand
{
    public const int FailExitCode = 1;

    public static Command Create()
    {
        var venues = new Option<string?>("--venues")
        {
            Description = $"Comma-separated venues to record ({string.Join(",", VenueSymbols.Venues)}); every enabled one when omitted.",
        };
        var symbols = new Option<string>("--symbols") { Description = "Comma-separated pairs as BASE-QUOTE (BTC-USD); each venue gets its own spelling.", Required = true };
        var outDirectory = new Option<string>("--out") { Description = "Directory for the capture files (<venue>-YYYYMMDDTHH.jsonl.gz).", Required = true };
        var duration = new Option<TimeSpan?>("--duration") { Description = "Stop after this long (hh:mm:ss); runs until Ctrl+C when omitted." };
        var statusEvery = new Option<TimeSpan>("--status-every")
        {
            Description = "How often a status line is printed when the output is not a terminal (hh:mm:ss).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
        };

        var command = new Command("record", "Record venue feeds to capture files.") { venues, symbols, outDirectory, duration, statusEvery };
        command.SetAction((parse, ct) => RunAsync(
            new Request(parse.GetValue(GlobalOptions.Config), SplitList(parse.GetValue(venues)), SplitList(parse.GetValue(symbols)) ?? [],
                parse.GetValue(outDirectory) ?? string.Empty, parse.GetValue(duration), parse.GetValue(statusEvery)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, TimeProvider.System, ct));
        return command;
    }

    internal sealed record Request(string? ConfigPath, IReadOnlyList<string>? Venues, IReadOnlyList<string> Symbols, string OutDirectory,
        TimeSpan? Duration, TimeSpan StatusEvery);

    internal static async Task<int> RunAsync(Request request, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        var loaded = ConfigLoader.Load(request.ConfigPath);
        var problems = new List<string>(loaded.Errors.Select(e => $"{loaded.Source}: {e}"));
        if (request.Duration is { } d && d <= TimeSpan.Zero)
        {
            problems.Add("--duration: must be positive");
        }

        if (request.StatusEvery <= TimeSpan.Zero)
        {
            problems.Add("--status-every: must be positive");
        }

        RecordPlan? plan = null;
        if (loaded.Config is { } config)
        {
            (plan, var planErrors) = RecordPlanner.Plan(config, request.Venues, request.Symbols, request.OutDirectory);
            problems.AddRange(planErrors);
        }

        if (problems.Count > 0 || plan is null)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"edgewise record: {problem}").ConfigureAwait(false);
            }

            return FailExitCode;
        }

        var board = new BookHealthBoard();
        using var session = new RecordSession(plan, board, clock);
        var inv = CultureInfo.InvariantCulture;
        var venues = string.Join(", ", plan.Venues.Select(v => $"{v.Name} {string.Join(",", v.Symbols)}"));
        var until = request.Duration is { } limit ? string.Create(inv, $"for {limit}") : "until Ctrl+C";
        await output.WriteLineAsync($"recording {venues} to {Path.GetFullPath(plan.OutDirectory)} {until}").ConfigureAwait(false);

        var recording = session.RunAsync(request.Duration, ct);
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        await RecordStatusView.ShowAsync(session, board, output, terminal, request.StatusEvery, clock, recording, CancellationToken.None).ConfigureAwait(false);
        var outcome = await recording.ConfigureAwait(false);

        foreach (var venue in outcome.Venues)
        {
            await output.WriteLineAsync(string.Create(inv,
                $"{venue.Venue}: {venue.Frames} frames in {venue.Files.Count} file(s){(venue.Files.Count > 0 ? ": " + string.Join(", ", venue.Files.Select(Path.GetFileName)) : string.Empty)}"))
                .ConfigureAwait(false);
        }

        if (outcome.Error is not null)
        {
            await error.WriteLineAsync($"edgewise record: {outcome.Error}").ConfigureAwait(false);
            return FailExitCode;
        }

        return 0;
    }

    private static List<string>? SplitList(string? text) =>
        text is null ? null : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
