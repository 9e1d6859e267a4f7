// Records one venue's frames into hourly capture files in a directory, named <venue>-yyyyMMddTHH.jsonl.gz after the
// UTC hour of each frame's receive time (the receive clock, so a recording replayed or run on a test clock rotates
// the same way). A frame of a later hour closes the current file (flushing and ending its gzip stream) and opens the
// next; a frame stamped earlier than the current file's hour (a REST reply received just before the hour but written
// just after a frame of the new hour) goes into the current file: files only move forward, so each holds frames in
// the order they were written. An existing file is never overwritten: a second recording within the same hour gets
// <venue>-yyyyMMddTHH_002.jsonl.gz, _003 and so on, names that sort after the first file of their hour and before
// the next hour's. Not thread-safe: each venue client has its own writer and calls it under its own lock. Write and
// Dispose throw when the disk does (full, gone): the caller must stop recording, never carry on with a hole.
using System.Globalization;
using Edgewise.Core.Contracts;

namespace Edgewise.Storage.Capture;

public sealed class RotatingCaptureWriter : IFrameSink
{
    public const string Extension = ".jsonl.gz";

    private const long NsPerHour = 3_600_000_000_000;

    private readonly string _directory;
    private readonly string _venue;
    private readonly Func<string, Stream> _open;
    private readonly List<string> _paths = [];
    private CaptureWriter? _current;
    private long _currentHour = long.MinValue;

    /// <param name="directory">Created when missing.</param>
    /// <param name="venue">Every frame written must be of this venue (it names the files).</param>
    /// <param name="open">Opens a new file for writing (tests inject failing streams); gzip files that never overwrite when null.</param>
    public RotatingCaptureWriter(string directory, string venue, Func<string, Stream>? open = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(venue);
        if (venue.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"The venue name '{venue}' cannot be part of a file name.", nameof(venue));
        }

        Directory.CreateDirectory(directory);
        _directory = directory;
        _venue = venue;
        _open = open ?? (path => CaptureFile.OpenWrite(path, overwrite: false));
    }

    public string Venue => _venue;

    /// <summary>The files opened so far, in order (the last one is being written).</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>The file being written; null before the first frame and after Dispose.</summary>
    public string? CurrentPath => _current is null ? null : _paths[^1];

    public long FramesWritten { get; private set; }

    /// <summary>The file name of a venue's hour: coinbase-20260101T13.jsonl.gz.</summary>
    public static string FileName(string venue, long recvTsNs, int part = 1)
    {
        var hour = DateTimeOffset.UnixEpoch.AddTicks(HourOf(recvTsNs) * (NsPerHour / 100));
        var name = string.Create(CultureInfo.InvariantCulture, $"{venue}-{hour:yyyyMMdd'T'HH}");
        return part == 1 ? name + Extension : string.Create(CultureInfo.InvariantCulture, $"{name}_{part:D3}{Extension}");
    }

    public void Write(in RawFrame frame)
    {
        if (!string.Equals(frame.Venue, _venue, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A {frame.Venue} frame was given to the {_venue} capture writer.", nameof(frame));
        }

        var hour = HourOf(frame.RecvTsNs);
        if (_current is null || hour > _currentHour)
        {
            Rotate(hour, frame.RecvTsNs);
        }

        _current!.Write(frame);
        FramesWritten++;
    }

    public void Flush() => _current?.Flush();

    /// <summary>Flushes and closes the current file (its gzip stream ends properly); throws if the disk refuses.</summary>
    public void Dispose()
    {
        var current = _current;
        _current = null;
        current?.Dispose();
    }

    private void Rotate(long hour, long recvTsNs)
    {
        var previous = _current;
        _current = null;
        previous?.Dispose(); // closing may throw (disk full): the next file is not opened then

        var part = 1;
        string path;
        do
        {
            path = Path.Combine(_directory, FileName(_venue, recvTsNs, part++));
        }
        while (File.Exists(path));

        _current = new CaptureWriter(_open(path));
        _currentHour = hour;
        _paths.Add(path);
    }

    private static long HourOf(long recvTsNs) => recvTsNs >= 0 ? recvTsNs / NsPerHour : ((recvTsNs + 1) / NsPerHour) - 1;
}
