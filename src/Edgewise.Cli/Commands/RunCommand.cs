// `edgewise run --profile NAME [--live] [--duration TIMESPAN] [--out DIR] [--port N] [--no-dashboard] [--no-tui]
//   [--status-every TIMESPAN] [--checkpoint-every TIMESPAN] [--new-run]`: runs a BTC binary profile on live market data
// with simulated fills (PaperSession), or with real Kalshi orders when --live is given (or the configuration's mode is "live").
// Live needs Kalshi credentials (the environment variables venues.kalshi.credentials names): without them the run is
// refused before anything starts, because a run that looked live but was not would be worse than none. A run the store
// holds unfinished (killed, crashed) is resumed unless --new-run. On a terminal the terminal dashboard is shown (the
// session's lines go to <out>/session.log meanwhile) unless --no-tui; at the end report.html is written beside results.json.
// Exit codes: 0 stopped normally (Ctrl+C or --duration), 1 bad arguments, configuration, profile or a taken port, 2 live refused.
using System.CommandLine;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Dashboard;
using Edgewise.Cli.Run;
using Edgewise.Cli.Terminal;
using Edgewise.Strategies.BtcBinary.Profiles;
using Spectre.Console;

namespace Edgewise.Cli.Commands;

internal static class RunCommand
{
    public const int FailExitCode = 1;
    public const int LiveRefusedExitCode = 2;

    public static Command Create()
    {
        var profile = new Option<string?>("--profile") { Description = "Strategy profile: a name in profiles/ (kalshi-btc-v6) or a file; the configuration's when omitted." };
        var live = new Option<bool>("--live") { Description = "Send real orders to Kalshi (needs the credentials' environment variables)." };
        var duration = new Option<TimeSpan?>("--duration") { Description = "Stop after this long (hh:mm:ss); runs until Ctrl+C when omitted." };
        var outDirectory = new Option<string?>("--out") { Description = "Directory for checkpoint.json and results.json (default out/run-<run id>)." };
        var port = new Option<int?>("--port") { Description = "Dashboard port (the configuration's dashboard.port when omitted)." };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "Do not start the dashboard." };
        var noTui = new Option<bool>("--no-tui") { Description = "Do not show the terminal dashboard (it is shown when the output is a terminal)." };
        var newRun = new Option<bool>("--new-run")
        {
            Description = "Start a new run even if the store's last run did not end cleanly (it is closed as abandoned instead of resumed).",
        };
        var statusEvery = new Option<TimeSpan>("--status-every")
        {
            Description = "How often a status line is printed (hh:mm:ss).",
            DefaultValueFactory = _ => PaperSettings.DefaultStatusInterval,
        };
        var checkpointEvery = new Option<TimeSpan>("--checkpoint-every")
        {
            Description = "How often the state is checkpointed (hh:mm:ss).",
            DefaultValueFactory = _ => PaperSettings.DefaultCheckpointInterval,
        };

        var command = new Command("run", "Run a strategy profile on live data, on paper unless --live.")
        {
            profile, live, duration, outDirectory, port, noDashboard, noTui, statusEvery, checkpointEvery, newRun,
        };
        command.SetAction((parse, ct) => RunAsync(
            new Request(parse.GetValue(GlobalOptions.Config), parse.GetValue(profile), parse.GetValue(live), new PaperSettings
            {
                OutDirectory = parse.GetValue(outDirectory),
                Duration = parse.GetValue(duration),
                StatusInterval = parse.GetValue(statusEvery),
                CheckpointInterval = parse.GetValue(checkpointEvery),
                Dashboard = !parse.GetValue(noDashboard),
                DashboardPort = parse.GetValue(port),
                NewRun = parse.GetValue(newRun),
            }, TerminalFor(parse.InvocationConfiguration.Output, parse.GetValue(noTui))),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, TimeProvider.System, ct));
        return command;
    }

    /// <summary>What `run` was asked for; Terminal is where to draw the terminal dashboard (null for none).</summary>
    internal sealed record Request(string? ConfigPath, string? Profile, bool Live, PaperSettings Settings, IAnsiConsole? Terminal = null);

    /// <summary>The process console when <paramref name="output"/> is it, it is a terminal and --no-tui was not given; otherwise null.</summary>
    internal static IAnsiConsole? TerminalFor(TextWriter output, bool noTui) =>
        ReferenceEquals(output, Console.Out) && TerminalDashboardHost.ShouldShowOnConsole(noTui) ? AnsiConsole.Console : null;

    internal static async Task<int> RunAsync(Request request, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var loaded = ConfigLoader.Load(request.ConfigPath);
        var problems = new List<string>(loaded.Errors.Select(e => $"{loaded.Source}: {e}"));
        var settings = request.Settings;
        if (settings.Duration is { } d && d <= TimeSpan.Zero)
        {
            problems.Add("--duration: must be positive");
        }

        if (settings.StatusInterval <= TimeSpan.Zero || settings.CheckpointInterval <= TimeSpan.Zero)
        {
            problems.Add("--status-every and --checkpoint-every: must be positive");
        }

        if (settings.DashboardPort is { } p && (p < 0 || p > 65535))
        {
            problems.Add("--port: must be 0-65535");
        }

        BtcBinaryProfile? profile = null;
        if (loaded.Config is { } config)
        {
            if ((request.Live || string.Equals(config.Mode, "live", StringComparison.Ordinal)) && PaperSession.LiveCredentialsProblem(config) is { } refused)
            {
                await error.WriteLineAsync($"edgewise run: --live refused: {refused}").ConfigureAwait(false);
                return LiveRefusedExitCode;
            }

            settings = settings with { Live = request.Live || string.Equals(config.Mode, "live", StringComparison.Ordinal) };

            var name = request.Profile ?? config.Profile;
            if (name is null)
            {
                problems.Add("--profile: name a profile (e.g. kalshi-btc-v6) or set profile in the configuration");
            }
            else
            {
                try
                {
                    profile = ProfileLocator.Load(name, Environment.CurrentDirectory);
                }
                catch (Exception e) when (e is FileNotFoundException or InvalidProfileException)
                {
                    problems.Add($"--profile: {e.Message}");
                }
            }
        }

        if (loaded.Config is { } checkedConfig && problems.Count == 0 && settings.Dashboard && checkedConfig.Dashboard.Enabled
            && DashboardPort.Problem(checkedConfig.Dashboard.Bind, settings.DashboardPort ?? checkedConfig.Dashboard.Port) is { } portProblem)
        {
            problems.Add(portProblem);
        }

        if (problems.Count > 0 || profile is null || loaded.Config is null)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"edgewise run: {problem}").ConfigureAwait(false);
            }

            return FailExitCode;
        }

        try
        {
            PaperOutcome outcome;
            await using (var terminal = new TerminalDashboardRun(output, request.Terminal, clock))
            {
                var session = new PaperSession(loaded.Config, profile, settings, terminal.Output, clock);
                session.Started += live => terminal.Start(live.OutDirectory, live.View);
                outcome = await session.RunAsync(ct).ConfigureAwait(false);
                await terminal.StopAsync().ConfigureAwait(false);
                if (terminal.LogPath is { } log)
                {
                    await output.WriteLineAsync($"edgewise run: stopped ({outcome.ExitReason}); results in {outcome.ResultsPath}; log in {log}").ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync(PaperRunReport.Line(PaperRunReport.Write(loaded.Config.Store.Path, outcome))).ConfigureAwait(false);
            return 0;
        }
        catch (PaperSetupException e)
        {
            await error.WriteLineAsync($"edgewise run: {e.Message}").ConfigureAwait(false);
            return FailExitCode;
        }
    }
}
