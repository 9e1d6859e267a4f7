// `edgewise demo [--duration 60s] [--speed 10] [--seed N] [--profile NAME] [--port P] [--out DIR] [--no-tui] [--config FILE]`:
// the whole system on simulated venues that speak the real protocols (DemoSession). --duration is wall time and --speed
// multiplies it (60s at speed 10 simulates 10 minutes); without --duration it runs until Ctrl+C. The profile is --profile,
// else the configuration's, else kalshi-btc-v6. Exit codes: 0 stopped normally (Ctrl+C or --duration), 1 bad arguments,
// configuration, profile or a taken dashboard port.
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Edgewise.Cli.Backtest;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Dashboard;
using Edgewise.Cli.Demo;
using Edgewise.Cli.Run;
using Edgewise.Strategies.BtcBinary.Profiles;
using Spectre.Console;

namespace Edgewise.Cli.Commands;

internal static class DemoCommand
{
    public const int FailExitCode = 1;
    public const string DefaultProfile = "kalshi-btc-v6";

    public static Command Create()
    {
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = $"Stop after this much wall time ({DurationText.Examples}); runs until Ctrl+C when omitted.",
            CustomParser = ParseDuration,
        };
        var speed = new Option<double>("--speed")
        {
            Description = $"Market seconds per wall second, more than 0 and at most {DemoOptions.MaxSpeed.ToString(CultureInfo.InvariantCulture)}.",
            DefaultValueFactory = _ => DemoOptions.DefaultSpeed,
        };
        var seed = new Option<int?>("--seed") { Description = "Seed of the simulated markets: the same seed gives the same market path." };
        var profile = new Option<string?>("--profile") { Description = $"Strategy profile: a name in profiles/ or a file (default: the configuration's, else {DefaultProfile})." };
        var port = new Option<int?>("--port") { Description = "Dashboard port (the configuration's dashboard.port, 5000, when omitted; 0 picks a free one)." };
        var outDirectory = new Option<string>("--out")
        {
            Description = "Directory for the store, results.json, report.html and the session log.",
            DefaultValueFactory = _ => DemoOptions.DefaultOutDirectory,
        };
        var noTui = new Option<bool>("--no-tui") { Description = "Do not show the terminal dashboard (it is shown when the output is a terminal)." };

        var command = new Command("demo", "Run the whole system on simulated venues: market generator, real adapters, paper trading, dashboards, report.")
        {
            duration, speed, seed, profile, port, outDirectory, noTui,
        };
        command.SetAction((parse, ct) => RunAsync(
            new Request(parse.GetValue(GlobalOptions.Config), parse.GetValue(profile), new DemoOptions
            {
                Duration = parse.GetValue(duration),
                Speed = parse.GetValue(speed),
                Seed = parse.GetValue(seed),
                DashboardPort = parse.GetValue(port),
                OutDirectory = parse.GetValue(outDirectory) ?? DemoOptions.DefaultOutDirectory,
            }, RunCommand.TerminalFor(parse.InvocationConfiguration.Output, parse.GetValue(noTui))),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, TimeProvider.System, ct));
        return command;
    }

    /// <summary>What `demo` was asked for; Terminal is where to draw the terminal dashboard (null for none).</summary>
    internal sealed record Request(string? ConfigPath, string? Profile, DemoOptions Options, IAnsiConsole? Terminal = null);

    /// <summary>Checks the request and runs the demo; <paramref name="wall"/> is the real clock, which the market clock outpaces by the speed.</summary>
    internal static async Task<int> RunAsync(Request request, TextWriter output, TextWriter error, TimeProvider wall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = request.Options;
        var loaded = ConfigLoader.Load(request.ConfigPath);
        var problems = new List<string>(loaded.Errors.Select(e => $"{loaded.Source}: {e}"));
        if (!double.IsFinite(options.Speed) || options.Speed <= 0 || options.Speed > DemoOptions.MaxSpeed)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--speed: must be more than 0 and at most {DemoOptions.MaxSpeed}"));
        }

        if (options.Duration is { } d && d <= TimeSpan.Zero)
        {
            problems.Add("--duration: must be positive");
        }

        if (options.DashboardPort is { } p && (p < 0 || p > 65535))
        {
            problems.Add("--port: must be 0-65535");
        }

        BtcBinaryProfile? profile = null;
        if (loaded.Config is { } config)
        {
            try
            {
                profile = ProfileLocator.Load(request.Profile ?? config.Profile ?? DefaultProfile, Environment.CurrentDirectory);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidProfileException)
            {
                problems.Add($"--profile: {e.Message}");
            }

            if (problems.Count == 0 && config.Dashboard.Enabled
                && DashboardPort.Problem(config.Dashboard.Bind, options.DashboardPort ?? config.Dashboard.Port) is { } portProblem)
            {
                problems.Add(portProblem);
            }
        }

        if (problems.Count > 0 || profile is null || loaded.Config is null)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"edgewise demo: {problem}").ConfigureAwait(false);
            }

            return FailExitCode;
        }

        try
        {
            await new DemoSession(loaded.Config, profile, options, output, wall) { Terminal = request.Terminal }.RunAsync(ct).ConfigureAwait(false);
            return 0;
        }
        catch (PaperSetupException e)
        {
            await error.WriteLineAsync($"edgewise demo: {e.Message}").ConfigureAwait(false);
            return FailExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await output.WriteLineAsync("edgewise demo: canceled while starting the simulated venues").ConfigureAwait(false);
            return 0;
        }
    }

    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (DurationText.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"--duration: '{text}' is not a positive duration; write e.g. {DurationText.Examples}");
        return null;
    }
}
