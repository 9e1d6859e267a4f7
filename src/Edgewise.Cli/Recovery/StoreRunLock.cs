// One process at a time per store: a run that is still going also has stopped_at null, and resuming it from a second
// process would write one account from two engines. The lock is an exclusive open of "<store>.lock" (an advisory
// flock on Unix, a share lock on Windows), which the operating system drops when the process dies however it dies, so
// a kill -9 never leaves a stale lock behind. The file holds the owner's process id, for the operator's eyes only.
using System.Globalization;
using System.Text;

namespace Edgewise.Cli.Recovery;

internal sealed class StoreRunLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreRunLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    /// <summary>Takes the lock of the store at <paramref name="storePath"/>; throws <see cref="RecoveryException"/> naming the lock file when another process holds it.</summary>
    public static StoreRunLock Acquire(string storePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        var path = System.IO.Path.GetFullPath(storePath) + ".lock";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new RecoveryException($"the store {System.IO.Path.GetFullPath(storePath)} is in use by another edgewise process (lock {path}: {e.Message})");
        }

        try
        {
            stream.SetLength(0);
            stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            stream.Flush();
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new StoreRunLock(path, stream);
    }

    /// <summary>True when another process holds the lock of the store at <paramref name="storePath"/> (creates nothing).</summary>
    public static bool IsHeldElsewhere(string storePath)
    {
        var path = System.IO.Path.GetFullPath(storePath) + ".lock";
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _stream.Dispose();
}
