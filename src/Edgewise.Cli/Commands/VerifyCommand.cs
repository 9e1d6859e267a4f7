// `edgewise verify [--config FILE]`: the pre-flight check. Prints a PASS / WARN / FAIL table and exits 1 on any FAIL.
using System.CommandLine;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Verify;
using Spectre.Console;

namespace Edgewise.Cli.Commands;

internal static class VerifyCommand
{
    public const int FailExitCode = 1;

    public static Command Create()
    {
        var timeout = new Option<TimeSpan>("--connect-timeout")
        {
            Description = "How long to wait for each feed's host to accept a connection (hh:mm:ss).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(3),
        };
        var command = new Command("verify", "Pre-flight check: configuration, credentials, clock, store, feeds, risk limits and kill switch.") { timeout };
        command.SetAction(async (parse, ct) =>
        {
            var loaded = ConfigLoader.Load(parse.GetValue(GlobalOptions.Config));
            var checks = new PreflightChecks(TimeProvider.System, Environment.GetEnvironmentVariable, parse.GetValue(timeout));
            var rows = await checks.RunAsync(loaded, ct);
            Print(parse.InvocationConfiguration.Output, rows);
            return rows.Any(r => r.Status == CheckStatus.Fail) ? FailExitCode : 0;
        });
        return command;
    }

    private static void Print(TextWriter output, IReadOnlyList<CheckResult> rows)
    {
        // Colours only on a terminal; a pipe or a file gets plain text, wide enough not to wrap details.
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        var table = new Table().AddColumns("check", "status", "detail");
        foreach (var row in rows)
        {
            var status = row.Status switch
            {
                CheckStatus.Pass => "[green]PASS[/]",
                CheckStatus.Warn => "[yellow]WARN[/]",
                _ => "[red]FAIL[/]",
            };
            table.AddRow(Markup.Escape(row.Check), status, Markup.Escape(row.Detail));
        }

        console.Write(table);
        var fails = rows.Count(r => r.Status == CheckStatus.Fail);
        var warns = rows.Count(r => r.Status == CheckStatus.Warn);
        console.WriteLine(fails > 0 ? $"verify: FAIL ({fails} failed, {warns} warnings)" : $"verify: PASS ({warns} warnings)");
    }
}
