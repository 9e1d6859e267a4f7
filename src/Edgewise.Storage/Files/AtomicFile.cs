// Replaces a file so that a reader, or the process after a crash, sees either the old content or the new, never a
// mix or a truncated file. The new bytes go to a temporary file in the same directory (a rename is atomic only
// within one file system), are flushed to the device (Flush(true) is fsync), and the temporary file is then
// renamed over the target; finally the directory is fsynced so the rename itself survives a power cut (POSIX only:
// Windows has no directory handle to flush and journals the rename). A failure before the rename deletes the
// temporary file and leaves the target untouched; a crash can leave a stray temporary, which
// DeleteTemporaryFiles sweeps at the next start. For state files and results outside the SQLite store.
using System.Runtime.InteropServices;
using System.Text;

namespace Edgewise.Storage.Files;

public static partial class AtomicFile
{
    private const string TempSuffix = ".tmp";

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content) => Write(path, content, beforeRename: null);

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content), beforeRename: null);
    }

    /// <summary>Deletes temporary files a crashed write to <paramref name="path"/> left behind; returns how many.</summary>
    public static int DeleteTemporaryFiles(string path)
    {
        var (directory, name) = Split(path);
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var stray in Directory.EnumerateFiles(directory, $".{name}.*{TempSuffix}"))
        {
            File.Delete(stray);
            deleted++;
        }

        return deleted;
    }

    /// <summary>The write, with a hook between the durable temporary file and the rename (tests simulate a crash there).</summary>
    internal static void Write(string path, ReadOnlySpan<byte> content, Action<string>? beforeRename)
    {
        var (directory, name) = Split(path);
        var temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            beforeRename?.Invoke(temp);
            File.Move(temp, Path.Combine(directory, name), overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        SyncDirectory(directory);
    }

    private static (string Directory, string Name) Split(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var name = Path.GetFileName(full);
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"'{path}' names a directory, not a file.", nameof(path));
        }

        return (Path.GetDirectoryName(full)!, name);
    }

    private static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(directory, 0);
        if (fd < 0)
        {
            throw new IOException($"Could not open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Could not flush directory {directory} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Close(int fd);
}
