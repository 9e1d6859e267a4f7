using System.Globalization;
using System.Text.Json;

namespace Edgewise.Cli.Replay;

/// <summary>Prints a replay summary for people and writes it as JSON for scripts.</summary>
internal static class ReplaySummaryPrinter
{
    public static void Print(TextWriter output, ReplaySummary s, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(s);
        var inv = CultureInfo.InvariantCulture;
        var rate = elapsed.TotalSeconds > 0 ? s.Frames / elapsed.TotalSeconds : 0;
        output.WriteLine(string.Create(inv, $"replay of {s.Venue}"));
        output.WriteLine(string.Create(inv, $"  frames            {s.Frames,12:N0}  (control {s.ControlFrames:N0}, ignored {s.IgnoredFrames:N0})"));
        output.WriteLine(string.Create(inv, $"  events            {s.Events,12:N0}  (book updates {s.BookUpdates:N0}, trades {s.Trades:N0}, quotes {s.Quotes:N0})"));
        output.WriteLine(string.Create(inv, $"  instruments       {s.Instruments,12:N0}"));
        output.WriteLine(string.Create(inv, $"  gaps              {s.Gaps,12:N0}"));
        output.WriteLine(string.Create(inv, $"  resyncs           {s.Resyncs,12:N0}"));
        output.WriteLine(string.Create(inv, $"  checksum failures {s.ChecksumFailures,12:N0}"));
        output.WriteLine(string.Create(inv, $"  unhealthy books   {s.UnhealthyBooks,12:N0}"));
        output.WriteLine(string.Create(inv, $"  malformed         {s.MalformedFrames,12:N0} frames, {s.MalformedLines:N0} lines"));
        if (s.UnroutedFrames > 0)
        {
            output.WriteLine(string.Create(inv, $"  unrouted          {s.UnroutedFrames,12:N0}  (frames of a venue replay does not read)"));
        }

        if (s.PerVenue.Count > 0)
        {
            output.WriteLine(string.Create(inv, $"  {"venue",-12}{"frames",12}{"gaps",8}{"resyncs",9}{"checksum",10}{"unhealthy",11}{"malformed",11}"));
            foreach (var v in s.PerVenue)
            {
                output.WriteLine(string.Create(inv,
                    $"  {v.Venue,-12}{v.Frames,12:N0}{v.Gaps,8:N0}{v.Resyncs,9:N0}{v.ChecksumFailures,10:N0}{v.UnhealthyBooks,11:N0}{v.MalformedFrames,11:N0}"));
            }
        }

        if (s.FirstProblem is not null)
        {
            output.WriteLine(string.Create(inv, $"  first problem     {s.FirstProblem}"));
        }

        output.WriteLine(string.Create(inv, $"  throughput        {rate,12:N0} frames/s ({elapsed.TotalMilliseconds:N0} ms)"));
    }

    public static void WriteJson(string path, ReplaySummary summary)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, summary, SummaryJson.Default.ReplaySummary);
    }
}
