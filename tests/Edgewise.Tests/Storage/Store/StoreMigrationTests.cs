using Edgewise.Storage.Store;
using Microsoft.Data.Sqlite;

namespace Edgewise.Tests.Storage.Store;

public sealed class StoreMigrationTests
{
    private static readonly string[] Tables =
        ["fill_attempts", "fills", "ledger_entries", "order_events", "orders", "positions", "runs", "schema_migrations", "strategy_state"];

    [Fact]
    public async Task Open_EmptyDirectory_CreatesEveryTableInWalMode()
    {
        await using var fx = new StoreFixture();

        await using (var store = fx.Open())
        {
            Assert.Equal(1, store.SchemaVersion);
        }

        var tables = ((string)fx.Sql(
            "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' " +
            "AND name NOT LIKE 'sqlite_%' ORDER BY name);")!).Split(',');
        Assert.Equal(Tables, tables);
        Assert.Equal("wal", fx.Sql("PRAGMA journal_mode;"));
        Assert.Equal("1|initial schema", fx.Sql("SELECT group_concat(version || '|' || name) FROM schema_migrations;"));
    }

    [Fact]
    public async Task Open_ExistingCurrentDatabase_AppliesNothingAndKeepsData()
    {
        await using var fx = new StoreFixture();
        await using (var first = fx.Open())
        {
            await first.BeginRunAsync("p", "h", 1, StoreFixture.Ct);
        }

        var appliedAt = fx.Sql("SELECT applied_at FROM schema_migrations WHERE version = 1;");
        fx.Clock.Advance(TimeSpan.FromHours(1));

        await using (var second = fx.Open())
        {
            Assert.Equal(1, second.SchemaVersion);
        }

        Assert.Equal(1L, fx.Count("schema_migrations"));
        Assert.Equal(appliedAt, fx.Sql("SELECT applied_at FROM schema_migrations WHERE version = 1;"));
        Assert.Equal(1L, fx.Count("runs"));
    }

    [Fact]
    public async Task Open_DatabaseFromNewerSchema_ThrowsClearErrorAndChangesNothing()
    {
        await using var fx = new StoreFixture();
        await using (fx.Open())
        {
        }

        fx.Sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (2, 'from the future', 0);");

        var error = Assert.Throws<StoreSchemaException>(() => fx.Open());

        Assert.Contains("schema version 2, newer than the 1 this build knows", error.Message, StringComparison.Ordinal);
        Assert.Contains(fx.DbPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(2L, fx.Count("schema_migrations"));
        Assert.Throws<StoreSchemaException>(fx.Reader);
    }

    [Fact]
    public async Task Open_AppliedMigrationWithAnotherName_Throws()
    {
        await using var fx = new StoreFixture();
        await using (fx.Open())
        {
        }

        fx.Sql("UPDATE schema_migrations SET name = 'someone else''s schema' WHERE version = 1;");

        var error = Assert.Throws<StoreSchemaException>(() => fx.Open());
        Assert.Contains("'someone else's schema'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_NewStepAfterCurrent_AppliesOnlyTheNewStep()
    {
        await using var fx = new StoreFixture();
        await using (fx.Open())
        {
        }

        StoreMigration[] next = [.. StoreMigrations.All, new(2, "add notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);")];
        using var connection = StoreConnection.OpenWriter(fx.DbPath);

        var version = StoreMigrator.Migrate(connection, next, 42, fx.DbPath);

        Assert.Equal(2, version);
        Assert.Equal("1,2", fx.Sql("SELECT group_concat(version) FROM (SELECT version FROM schema_migrations ORDER BY version);"));
        Assert.Equal(42L, fx.Sql("SELECT applied_at FROM schema_migrations WHERE version = 2;"));
        Assert.Equal(0L, fx.Count("notes"));
    }

    [Fact]
    public async Task Migrate_StepFailsHalfway_RollsBackTheWholeStep()
    {
        await using var fx = new StoreFixture();
        await using (fx.Open())
        {
        }

        // The first statement would succeed; the second fails, so the step must leave no trace.
        StoreMigration[] next = [.. StoreMigrations.All, new(2, "broken", "CREATE TABLE half (id INTEGER); INSERT INTO missing VALUES (1);")];
        using var connection = StoreConnection.OpenWriter(fx.DbPath);

        Assert.Throws<SqliteException>(() => StoreMigrator.Migrate(connection, next, 0, fx.DbPath));

        Assert.Equal(0L, fx.Sql("SELECT count(*) FROM sqlite_master WHERE name = 'half';"));
        Assert.Equal(1L, fx.Count("schema_migrations"));
    }

    [Fact]
    public void Migrate_VersionsOutOfOrder_RefusesTheList()
    {
        StoreMigration[] wrong = [new(1, "a", "SELECT 1;"), new(3, "c", "SELECT 1;")];
        using var connection = new SqliteConnection("Data Source=:memory:");

        var error = Assert.Throws<ArgumentException>(() => StoreMigrator.Migrate(connection, wrong, 0, ":memory:"));
        Assert.Contains("position 1 has version 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderOpen_DatabaseNeverMigrated_ThrowsAndExplains()
    {
        await using var fx = new StoreFixture();
        fx.Sql("CREATE TABLE unrelated (x INTEGER);");

        var error = Assert.Throws<StoreSchemaException>(fx.Reader);
        Assert.Contains("schema version 0, this build needs 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReaderOpen_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgewise-missing-{Guid.NewGuid():N}.db");

        Assert.Throws<FileNotFoundException>(() => StoreReader.Open(path));
        Assert.False(File.Exists(path));
    }
}
