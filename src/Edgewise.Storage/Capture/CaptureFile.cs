// Opening capture files: plain or gzip (detected by the gzip magic bytes, not the file name), with a
// clear error naming the path when the file is missing.
using System.IO.Compression;

namespace Edgewise.Storage.Capture;

public static class CaptureFile
{
    /// <summary>Opens a capture for reading, decompressing gzip transparently.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names the path).</exception>
    public static Stream OpenRead(string path) => OpenRead(path, out _);

    /// <summary>Opens a capture for reading and also returns the underlying file, whose position tells how far reading got.</summary>
    public static Stream OpenRead(string path, out FileStream file)
    {
        ArgumentNullException.ThrowIfNull(path);
        EnsureExists(path);
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var n = file.Read(magic);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
    }

    /// <summary>Throws <see cref="FileNotFoundException"/> naming the full path when the capture file does not exist.</summary>
    public static void EnsureExists(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Capture file not found: {Path.GetFullPath(path)}", path);
        }
    }

    /// <summary>Opens a capture for writing, replacing any file of that name; gzip when the name ends in ".gz".</summary>
    public static Stream OpenWrite(string path) => OpenWrite(path, overwrite: true);

    /// <summary>Opens a capture for writing; gzip when the name ends in ".gz".</summary>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false.</exception>
    public static Stream OpenWrite(string path, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var file = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest)
            : file;
    }
}
