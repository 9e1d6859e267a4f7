// Brings a database to this build's schema, or refuses it. Each pending migration runs in its own
// BEGIN IMMEDIATE transaction together with its schema_migrations row, so a crash mid-migration leaves the
// previous version intact, and two processes opening the same file cannot both apply a step (the second
// re-reads the applied list inside its write lock and finds nothing to do). Before anything is applied the
// applied list is checked against the build's: a version beyond the newest known means a newer binary wrote
// the file, and an older binary must stop rather than write rows into tables it does not understand.
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Edgewise.Storage.Store;

internal static class StoreMigrator
{
    private const string CreateMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        );
        """;

    /// <summary>Applies every pending migration; returns the schema version reached.</summary>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<StoreMigration> migrations, long nowNs, string path)
    {
        EnsureWellFormed(migrations);
        StoreConnection.Execute(connection, CreateMigrationsTable);
        while (true)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var applied = ReadApplied(connection, transaction);
            EnsureCompatible(applied, migrations, path);
            var next = migrations.FirstOrDefault(m => !applied.ContainsKey(m.Version));
            if (next is null)
            {
                transaction.Commit();
                return migrations[^1].Version;
            }

            StoreConnection.Execute(connection, next.Sql, transaction);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at);";
            insert.Parameters.AddWithValue("$version", next.Version);
            insert.Parameters.AddWithValue("$name", next.Name);
            insert.Parameters.AddWithValue("$at", nowNs);
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>For read-only users: the database must be at exactly this build's version.</summary>
    public static void EnsureCurrent(SqliteConnection connection, IReadOnlyList<StoreMigration> migrations, string path)
    {
        var exists = StoreConnection.Scalar(connection,
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';");
        var applied = Convert.ToInt64(exists, CultureInfo.InvariantCulture) == 0
            ? new Dictionary<int, string>()
            : ReadApplied(connection, null);
        EnsureCompatible(applied, migrations, path);
        if (applied.Count < migrations.Count)
        {
            throw new StoreSchemaException(
                $"SQLite store {path} is at schema version {applied.Count}, this build needs {migrations[^1].Version}: " +
                "open it with the writing store first, which migrates it.");
        }
    }

    private static Dictionary<int, string> ReadApplied(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, name FROM schema_migrations ORDER BY version;";
        using var reader = command.ExecuteReader();
        var applied = new Dictionary<int, string>();
        while (reader.Read())
        {
            applied.Add(reader.GetInt32(0), reader.GetString(1));
        }

        return applied;
    }

    private static void EnsureCompatible(Dictionary<int, string> applied, IReadOnlyList<StoreMigration> migrations, string path)
    {
        var latest = migrations[^1].Version;
        var newest = applied.Count == 0 ? 0 : applied.Keys.Max();
        if (newest > latest)
        {
            throw new StoreSchemaException(
                $"SQLite store {path} has schema version {newest}, newer than the {latest} this build knows: it was written by a " +
                "newer Edgewise. Run that version, or point this one at another database; the file was left unchanged.");
        }

        foreach (var (version, name) in applied)
        {
            var known = version >= 1 ? migrations[version - 1].Name : "(none)";
            if (!string.Equals(known, name, StringComparison.Ordinal))
            {
                throw new StoreSchemaException(
                    $"SQLite store {path}: applied migration {version} is '{name}', but this build's migration {version} is " +
                    $"'{known}'. The database did not come from this project's history; refusing to touch it.");
            }
        }

        if (newest != applied.Count)
        {
            throw new StoreSchemaException(
                $"SQLite store {path}: applied migrations have a gap (highest {newest}, count {applied.Count}); refusing to touch it.");
        }
    }

    private static void EnsureWellFormed(IReadOnlyList<StoreMigration> migrations)
    {
        if (migrations.Count == 0)
        {
            throw new ArgumentException("At least one migration is needed.", nameof(migrations));
        }

        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new ArgumentException(
                    $"Migration versions must be 1, 2, 3… in order; position {i} has version {migrations[i].Version}.", nameof(migrations));
            }
        }
    }
}
