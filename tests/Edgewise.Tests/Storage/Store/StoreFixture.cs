using Edgewise.Core.Instruments;
using Edgewise.Storage.Store;
using Edgewise.TestKit;
using Microsoft.Data.Sqlite;

namespace Edgewise.Tests.Storage.Store;

/// <summary>
/// A temporary directory holding one store database, deleted afterwards. Gives the writing store (manual clock), a
/// reader, raw SQL access for checks the public API does not offer, and a writer pause built on the store's test hook.
/// </summary>
internal sealed class StoreFixture : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-store-").FullName;
    private readonly List<IAsyncDisposable> _stores = [];

    public StoreFixture() => DbPath = Path.Combine(_dir, "edgewise.db");

    public static InstrumentId Btc { get; } = new("testvenue", "BTCUSD");

    public string DbPath { get; }

    public string Dir => _dir;

    public ManualTimeProvider Clock { get; } = new();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public WriteBehindStore Open(StoreOptions? options = null)
    {
        var store = WriteBehindStore.Open(DbPath, options, Clock);
        _stores.Add(store);
        return store;
    }

    public StoreReader Reader() => StoreReader.Open(DbPath);

    public async Task<(WriteBehindStore Store, long RunId)> OpenWithRunAsync(StoreOptions? options = null)
    {
        var store = Open(options);
        var runId = await store.BeginRunAsync("test-profile", "hash-1", Clock.UnixNs, Ct);
        return (store, runId);
    }

    /// <summary>Runs one SQL statement on a separate connection; returns the first column of the first row.</summary>
    public object? Sql(string sql)
    {
        SQLitePCL.Batteries_V2.Init();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public long Count(string table) => (long)Sql($"SELECT count(*) FROM {table};")!;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }
}
