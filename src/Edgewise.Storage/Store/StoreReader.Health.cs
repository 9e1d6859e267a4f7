// Whole-file checks for restart recovery, `edgewise verify` and the fault-injection suite: SQLite's own structural
// check (quick_check: pages, b-trees, records; not the slower index-content comparison of integrity_check) and the
// row count of every table, read on one snapshot.
namespace Edgewise.Storage.Store;

public sealed partial class StoreReader
{
    /// <summary>The store's tables, in schema order.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["runs", "orders", "order_events", "fills", "positions", "ledger_entries", "fill_attempts", "strategy_state"];

    /// <summary>SQLite's quick_check: empty when the file is structurally sound, else one line per problem found.</summary>
    public IReadOnlyList<string> QuickCheck()
    {
        var rows = Query("PRAGMA quick_check;", static r => r.GetString(0));
        return rows is ["ok"] ? [] : rows;
    }

    /// <summary>Rows per table (every table of <see cref="Tables"/>), counted on one snapshot.</summary>
    public IReadOnlyDictionary<string, long> CountRows()
    {
        using var snapshot = _connection.BeginTransaction(deferred: true);
        _snapshot = snapshot;
        try
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in Tables)
            {
                counts[table] = Query($"SELECT count(*) FROM {table};", static r => r.GetInt64(0))[0];
            }

            return counts;
        }
        finally
        {
            _snapshot = null;
        }
    }
}
