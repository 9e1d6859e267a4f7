// How `edgewise replay --input A --input B ...` reads its files. Every line names its venue (the capture format
// carries it; --venue is the default for lines that do not). Files are grouped by the venue of their first frame:
//   - the files of one venue are read in the order given, one after another, as one stream (the hourly files of
//     one recording: coinbase-...T00, coinbase-...T01), exactly as the foundation issue's rule for several inputs;
//   - the streams of different venues are merged by recv_ts_ns (MergedFrameSource: a stable k-way merge, ties to
//     the venue whose file was given first), so several venues recorded side by side replay on one clock.
// A file with no readable frame joins the --venue group, else the first group (its malformed lines still count).
// A file whose lines name no venue while --venue is not given is refused with one error naming the file.
using Edgewise.Storage.Capture;

namespace Edgewise.Cli.Replay;

internal static class ReplayInputs
{
    /// <summary>The input paths grouped by venue (groups in order of first appearance, files in the given order).</summary>
    /// <exception cref="FileNotFoundException">An input is missing (named in the message).</exception>
    /// <exception cref="InvalidDataException">A file's lines name no venue and no default was given.</exception>
    public static IReadOnlyList<(string? Venue, IReadOnlyList<string> Paths)> Group(IReadOnlyList<string> inputs, string? defaultVenue)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var groups = new List<(string? Venue, List<string> Paths)>();
        var unplaced = new List<string>();
        foreach (var path in inputs)
        {
            var venue = FirstVenue(path, defaultVenue);
            if (venue is null)
            {
                unplaced.Add(path);
                continue;
            }

            var index = groups.FindIndex(g => g.Venue == venue);
            if (index < 0)
            {
                groups.Add((venue, [path]));
            }
            else
            {
                groups[index].Paths.Add(path);
            }
        }

        if (unplaced.Count > 0)
        {
            var index = groups.FindIndex(g => g.Venue == defaultVenue);
            if (index < 0 && groups.Count == 0)
            {
                groups.Add((defaultVenue, []));
                index = 0;
            }

            groups[Math.Max(index, 0)].Paths.AddRange(unplaced);
        }

        return [.. groups.Select(g => (g.Venue, (IReadOnlyList<string>)g.Paths))];
    }

    private static string? FirstVenue(string path, string? defaultVenue)
    {
        using var reader = new CaptureReader(path, defaultVenue);
        if (reader.TryRead(out var frame))
        {
            return frame.Venue;
        }

        if (defaultVenue is null && reader.MalformedLines > 0 && HasFramesWithoutVenue(path))
        {
            throw new InvalidDataException($"{path}: its lines do not name their venue; give --venue (e.g. --venue binanceus).");
        }

        return null;
    }

    /// <summary>True when the file holds frames that only lack a venue (they read once any default venue is given).</summary>
    private static bool HasFramesWithoutVenue(string path)
    {
        using var reader = new CaptureReader(path, defaultVenue: "?");
        return reader.TryRead(out _);
    }
}
