// `edgewise report RUN_ID [--out FILE]`: writes the self-contained HTML report of a stored run, read from the store
// the configuration names (store.path, default data/edgewise.db). A bad configuration, a missing store or an unknown
// run is one error line on stderr and exit code 1.
using System.CommandLine;
using System.Globalization;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Reports;

namespace Edgewise.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create()
    {
        var runId = new Argument<long>("RUN_ID") { Description = "The run's id in the store (see the runs table)." };
        var output = new Option<string?>("--out") { Description = "HTML file to write (default out/report-run-<RUN_ID>.html)." };
        var command = new Command("report", "Write the self-contained HTML report of a stored run.") { runId, output };
        command.SetAction(parse => Run(parse.GetValue(runId), parse.GetValue(output), parse.GetValue(GlobalOptions.Config),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(long runId, string? outPath, string? configPath, TextWriter output, TextWriter error)
    {
        var loaded = ConfigLoader.Load(configPath);
        if (loaded.Config is not { } config)
        {
            foreach (var problem in loaded.Errors)
            {
                error.WriteLine($"edgewise report: {loaded.Source}: {problem}");
            }

            return 1;
        }

        var path = outPath ?? Path.Combine("out", string.Create(CultureInfo.InvariantCulture, $"report-run-{runId}.html"));
        var result = RunReportFiles.WriteForRun(config.Store.Path, runId, path);
        if (!result.Written)
        {
            error.WriteLine($"edgewise report: {result.Error}");
            return 1;
        }

        output.WriteLine($"written {result.Path}");
        return 0;
    }
}
