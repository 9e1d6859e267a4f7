// The live health of a recording: on a terminal a Spectre live table redrawn every second; otherwise (a pipe, a
// log file, a test) one plain line every few seconds. Both show, per feed: connected, age of the last message,
// messages per second, gaps, checksum failures, resyncs, reconnects, malformed frames, frames written, book health.
// Waits run on the session's clock and end when the recording does.
using System.Globalization;
using Edgewise.Venues.Common;
using Spectre.Console;

namespace Edgewise.Cli.Record;

internal static class RecordStatusView
{
    public static readonly TimeSpan LiveRefresh = TimeSpan.FromSeconds(1);

    private static readonly string[] Columns = ["feed", "connected", "last msg", "msg/s", "gaps", "checksum", "resyncs", "reconnects", "malformed", "written", "books"];

    /// <summary>Shows the status until <paramref name="recording"/> completes.</summary>
    public static async Task ShowAsync(RecordSession session, BookHealthBoard board, TextWriter output, bool terminal, TimeSpan plainEvery,
        TimeProvider clock, Task recording, CancellationToken ct)
    {
        if (terminal)
        {
            var table = new Table();
            table.AddColumns(Columns);
            await AnsiConsole.Live(table).StartAsync(async context =>
            {
                do
                {
                    Fill(table, session, board);
                    context.Refresh();
                }
                while (!await EndedWithinAsync(recording, LiveRefresh, clock, ct).ConfigureAwait(false));

                Fill(table, session, board);
                context.Refresh();
            }).ConfigureAwait(false);
            return;
        }

        while (!await EndedWithinAsync(recording, plainEvery, clock, ct).ConfigureAwait(false))
        {
            await output.WriteLineAsync(PlainLine(session, board, clock)).ConfigureAwait(false);
        }
    }

    /// <summary>One line for all feeds: "12:00:10 coinbase connected last 0.2s 12.5/s gaps 0 checksum 0 resyncs 0 reconnects 0 malformed 0 written 1234 healthy | kraken ...".</summary>
    public static string PlainLine(RecordSession session, BookHealthBoard board, TimeProvider clock)
    {
        var inv = CultureInfo.InvariantCulture;
        var feeds = session.Health().Zip(session.Recorders).Select(pair =>
        {
            var (h, recorder) = pair;
            return string.Create(inv,
                $"{h.Feed} {StateOf(h)} last {Age(h)} {h.MessagesPerSecond:0.0}/s gaps {h.Gaps} checksum {h.ChecksumFailures} resyncs {h.Resyncs} reconnects {h.Reconnects} malformed {h.MalformedFrames} written {recorder.FramesWritten} {board.Describe(h.Feed)}");
        });
        return clock.GetUtcNow().ToString("HH:mm:ss", inv) + " " + string.Join(" | ", feeds);
    }

    private static void Fill(Table table, RecordSession session, BookHealthBoard board)
    {
        var inv = CultureInfo.InvariantCulture;
        table.Rows.Clear();
        foreach (var (h, recorder) in session.Health().Zip(session.Recorders))
        {
            table.AddRow(
                Markup.Escape(h.Feed),
                h.Connected ? "[green]yes[/]" : $"[red]{StateOf(h)}[/]",
                Age(h),
                h.MessagesPerSecond.ToString("0.0", inv),
                h.Gaps.ToString(inv),
                h.ChecksumFailures.ToString(inv),
                h.Resyncs.ToString(inv),
                h.Reconnects.ToString(inv),
                h.MalformedFrames.ToString(inv),
                recorder.FramesWritten.ToString("N0", inv),
                Markup.Escape(board.Describe(h.Feed)));
        }
    }

    private static string StateOf(FeedHealth h) => h.State switch
    {
        FeedState.Connected => "connected",
        FeedState.Connecting => "connecting",
        FeedState.WaitingToReconnect => "reconnecting",
        _ => "stopped",
    };

    private static string Age(FeedHealth h) =>
        h.LastMessageAge is { } age ? age.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "-";

    /// <summary>True when <paramref name="recording"/> completed within <paramref name="wait"/> (or the view was canceled).</summary>
    private static async Task<bool> EndedWithinAsync(Task recording, TimeSpan wait, TimeProvider clock, CancellationToken ct)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(wait, clock, tick.Token);
        var first = await Task.WhenAny(recording, delay).ConfigureAwait(false);
        await tick.CancelAsync().ConfigureAwait(false);
        return first == recording || ct.IsCancellationRequested;
    }
}
