// Opens SQLite connections the way the store needs them. The native library is initialised once per process
// (SQLitePCL.Batteries_V2.Init; Microsoft.Data.Sqlite.Core does not do it itself). The writer's connection uses
// WAL (readers never block the writer and vice versa) with synchronous=FULL, so a committed transaction is on
// disk when Commit returns: the write-behind flush promises durability, not just "handed to the OS".
// Pooling is off: the store keeps one long-lived writer connection, and a pooled handle would keep the file
// open after Dispose (tests delete their temp directories).
using Microsoft.Data.Sqlite;

namespace Edgewise.Storage.Store;

internal static class StoreConnection
{
    /// <summary>How long a statement waits on another connection's lock before failing with SQLITE_BUSY.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    private static readonly Lazy<bool> NativeReady = new(static () =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    public static SqliteConnection OpenWriter(string path) => OpenWriter(path, DefaultBusyTimeout);

    public static SqliteConnection OpenWriter(string path, TimeSpan busyTimeout)
    {
        var connection = Open(path, SqliteOpenMode.ReadWriteCreate, busyTimeout);
        try
        {
            var mode = Scalar(connection, "PRAGMA journal_mode=WAL;") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite store {path}: WAL journal mode could not be enabled (got '{mode}').");
            }

            Execute(connection, "PRAGMA synchronous=FULL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static SqliteConnection OpenReader(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"SQLite store {path} does not exist.", path);
        }

        return Open(path, SqliteOpenMode.ReadOnly, DefaultBusyTimeout);
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _ = NativeReady.Value;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries a busy statement itself until the command timeout (whole seconds, 0 = forever).
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout={Math.Max(1000L, (long)busyTimeout.TotalMilliseconds)};"));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
