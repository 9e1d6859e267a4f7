// `edgewise replay`: feeds capture files through the venue parsers, the venues' book syncs and the engine on a
// simulated clock, prints a summary (in all and per venue) and writes the final books. Each line is routed by the
// venue it names; --venue is the default for lines that name none (e.g. '<recv_ts_ns> <json>' Binance captures).
// Several files of one venue are read in the given order as one stream; files of different venues are merged by
// receive time (Replay/ReplayInputs). Kraken checksum precisions come from the configuration (--config), as for
// `edgewise record`. Without --input it replays the built-in sample capture (generated deterministically), which is
// the README's main command on a fresh machine.
using System.CommandLine;
using System.Diagnostics;
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Record;
using Edgewise.Cli.Replay;
using Edgewise.Cli.Samples;
using Spectre.Console;

namespace Edgewise.Cli.Commands;

internal static class ReplayCommand
{
    private const int SampleSeed = 20260101;

    public static Command Create()
    {
        var venue = new Option<string?>("--venue")
        {
            Description = $"Venue of the lines that do not name one ({string.Join(", ", ReplayPipeline.Venues)}); lines in the Edgewise capture format name their own.",
        };
        var inputs = new Option<string[]>("--input")
        {
            Description = "Capture file (JSON Lines or '<recv_ts_ns> <json>' lines, plain or gzip); repeat for several: one venue's files are read " +
                "in the given order as one stream, different venues' files are merged by receive time.",
            AllowMultipleArgumentsPerToken = false,
        };
        var booksOut = new Option<string?>("--books-out") { Description = "Write the final top 5 levels of every book to this JSON file." };
        var summaryOut = new Option<string?>("--summary-out") { Description = "Write the replay summary (without timings) to this JSON file." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not show a progress bar even on a terminal." };

        var command = new Command("replay", "Replay recorded frames through the parsers and the engine on a simulated clock.")
        {
            venue, inputs, booksOut, summaryOut, noProgress,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            new Request(parse.GetValue(venue), parse.GetValue(inputs) ?? [], parse.GetValue(booksOut), parse.GetValue(summaryOut), parse.GetValue(noProgress),
                parse.GetValue(GlobalOptions.Config)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct)));
        return command;
    }

    private sealed record Request(string? Venue, string[] Inputs, string? BooksOut, string? SummaryOut, bool NoProgress, string? ConfigPath);

    private static int Run(Request request, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (venue, inputs, booksOut, summaryOut, noProgress, configPath) = request;
        var loaded = ConfigLoader.Load(configPath);
        if (loaded.Config is not { } config)
        {
            foreach (var problem in loaded.Errors)
            {
                error.WriteLine($"edgewise replay: {loaded.Source}: {problem}");
            }

            return 1;
        }

        if (inputs.Length == 0)
        {
            (venue, inputs, booksOut) = PrepareSample(venue, booksOut, output, error);
        }

        ReplayPipeline pipeline;
        try
        {
            pipeline = ReplayPipeline.Create(venue, inputs, VenueSymbols.KrakenPrecisions(config));
        }
        catch (Exception ex) when (ex is FileNotFoundException or ArgumentException or InvalidDataException)
        {
            error.WriteLine($"edgewise replay: {ex.Message}");
            return 1;
        }

        using (pipeline)
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                RunWithProgress(pipeline, inputs, noProgress || !ReferenceEquals(output, Console.Out), ct);
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("edgewise replay: cancelled; the summary below covers the frames read so far.");
            }

            stopwatch.Stop();
            var summary = pipeline.Summarize();
            ReplaySummaryPrinter.Print(output, summary, stopwatch.Elapsed);
            if (booksOut is not null)
            {
                pipeline.WriteBooks(booksOut);
                output.WriteLine($"books written to {booksOut}");
            }

            if (summaryOut is not null)
            {
                ReplaySummaryPrinter.WriteJson(summaryOut, summary);
                output.WriteLine($"summary written to {summaryOut}");
            }

            return ct.IsCancellationRequested ? 130 : 0;
        }
    }

    private static (string Venue, string[] Inputs, string BooksOut) PrepareSample(string? venue, string? booksOut, TextWriter output, TextWriter error)
    {
        if (venue is not null && venue != SampleCapture.Venue)
        {
            error.WriteLine($"edgewise replay: no --input given; the built-in sample is a {SampleCapture.Venue} capture, ignoring --venue {venue}.");
        }

        var directory = Path.Combine(Directory.GetCurrentDirectory(), "out");
        var path = Path.Combine(directory, "sample-binanceus.jsonl.gz");
        var frames = new SampleCapture(SampleSeed).Write(path);
        output.WriteLine($"no --input: replaying the built-in sample capture ({frames:N0} frames, seed {SampleSeed}) written to {path}");
        return (SampleCapture.Venue, [path], booksOut ?? Path.Combine(directory, "sample-books.json"));
    }

    private static void RunWithProgress(ReplayPipeline pipeline, string[] inputs, bool noProgress, CancellationToken ct)
    {
        if (noProgress || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            pipeline.Run(null, ct);
            return;
        }

        // The bar follows bytes of input read (compressed bytes for gzip), which tracks frames closely enough.
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var (_, total) = pipeline.Progress;
                var task = context.AddTask($"replaying {inputs.Length} file(s)", maxValue: Math.Max(total, 1));
                pipeline.Run(counters =>
                {
                    task.Value = pipeline.Progress.Read;
                    task.Description = $"replaying: {counters.Frames:N0} frames";
                }, ct);
                task.Value = task.MaxValue;
                task.Description = $"replayed {pipeline.Counters.Frames:N0} frames";
            });
    }
}
