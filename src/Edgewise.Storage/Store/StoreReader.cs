// Reads the store back for restart recovery, reports and tests. Opens its own read-only connection, so it can run
// beside a live WriteBehindStore (WAL: a reader sees the last committed state and never blocks the writer). The
// database must already be at this build's schema (the writer migrates; a reader never changes the file).
// Values come back exactly as written: money from decimal text, prices and sizes from fixed-point integers.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Microsoft.Data.Sqlite;

namespace Edgewise.Storage.Store;

public sealed partial class StoreReader : IDisposable
{
    private const string OrderColumns = """
        client_order_id, run_id, strategy_id, venue, symbol, side, order_type, time_in_force, price, quantity, status,
        filled_quantity, average_fill_price, fees_paid, venue_order_id, status_reason, created_at, last_event_at, revision
        """;

    private const string FillColumns = """
        run_id, venue, symbol, trade_id, client_order_id, strategy_id, side, price, quantity, liquidity, fee, ts_event, ts_recv
        """;

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _snapshot;

    private StoreReader(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public static StoreReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        var connection = StoreConnection.OpenReader(full);
        try
        {
            StoreMigrator.EnsureCurrent(connection, StoreMigrations.All, full);
            return new StoreReader(full, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public string Path { get; }

    public IReadOnlyList<RunInfo> LoadRuns() =>
        Query("SELECT id, profile, config_hash, started_at, stopped_at, exit_reason FROM runs ORDER BY id;", ReadRun);

    public RunInfo? LoadRun(long id) =>
        Query("SELECT id, profile, config_hash, started_at, stopped_at, exit_reason FROM runs WHERE id = $a;", ReadRun, id)
            .SingleOrDefault();

    /// <summary>The most recently started run, or null in an empty store.</summary>
    public RunInfo? LoadLastRun() =>
        Query("SELECT id, profile, config_hash, started_at, stopped_at, exit_reason FROM runs ORDER BY id DESC LIMIT 1;", ReadRun)
            .SingleOrDefault();

    /// <summary>Orders not in a terminal status, of one run or (null) of every run, oldest first.</summary>
    public IReadOnlyList<OrderRecord> LoadOpenOrders(long? runId = null) => Query(
        $"SELECT {OrderColumns} FROM orders WHERE status IN ('New', 'Accepted', 'PartiallyFilled') " +
        "AND ($a IS NULL OR run_id = $a) ORDER BY created_at, client_order_id;", ReadOrder, runId);

    public IReadOnlyList<OrderRecord> LoadOrders(long runId) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE run_id = $a ORDER BY created_at, client_order_id;", ReadOrder, runId);

    public OrderRecord? LoadOrder(string clientOrderId) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE client_order_id = $a;", ReadOrder, clientOrderId).SingleOrDefault();

    /// <summary>An order's events in the order they were recorded.</summary>
    public IReadOnlyList<OrderEventRecord> LoadOrderEvents(string clientOrderId) => Query(
        "SELECT run_id, client_order_id, kind, trade_id, venue_order_id, reason, ts_event, ts_recv FROM order_events " +
        "WHERE client_order_id = $a ORDER BY id;",
        r => new OrderEventRecord(r.GetInt64(0), r.GetString(1), Enum<OrderEventKind>(r, 2), r.GetString(3), Text(r, 4), Text(r, 5),
            r.GetInt64(6), r.GetInt64(7)),
        clientOrderId);

    /// <summary>A run's fills in the order they were recorded.</summary>
    public IReadOnlyList<FillRecord> LoadFills(long runId) =>
        Query($"SELECT {FillColumns} FROM fills WHERE run_id = $a ORDER BY id;", ReadFill, runId);

    /// <summary>Every position row of a run, flat ones included (<see cref="PositionRecord.IsFlat"/>).</summary>
    public IReadOnlyList<PositionRecord> LoadPositions(long runId) => Query(
        "SELECT run_id, venue, symbol, net_quantity, cost_basis, multiplier, realized_pnl, fees_paid, funding, opened_at, " +
        "last_changed_at, ledger_seq FROM positions WHERE run_id = $a ORDER BY venue, symbol;",
        r => new PositionRecord(r.GetInt64(0), new InstrumentId(r.GetString(1), r.GetString(2)), new Quantity(r.GetInt64(3)),
            Money(r, 4, "positions.cost_basis"), Money(r, 5, "positions.multiplier"), Money(r, 6, "positions.realized_pnl"),
            Money(r, 7, "positions.fees_paid"), Money(r, 8, "positions.funding"), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11)),
        runId);

    /// <summary>A run's ledger in sequence order.</summary>
    public IReadOnlyList<LedgerEntryRecord> LoadLedger(long runId) => Query(
        "SELECT run_id, seq, ts, kind, venue, symbol, amount, balance_after, reference FROM ledger_entries " +
        "WHERE run_id = $a ORDER BY seq;",
        r => new LedgerEntryRecord(r.GetInt64(0), r.GetInt64(1), new LedgerEntry(
            r.GetInt64(2),
            Enum<LedgerEntryKind>(r, 3),
            r.IsDBNull(4) ? null : new InstrumentId(r.GetString(4), r.GetString(5)),
            Money(r, 6, "ledger_entries.amount"),
            Money(r, 7, "ledger_entries.balance_after"),
            Text(r, 8))),
        runId);

    public IReadOnlyList<FillAttemptRecord> LoadFillAttempts(long runId) => Query(
        "SELECT run_id, client_order_id, strategy_id, venue, symbol, side, order_type, time_in_force, price, size, best_bid, " +
        "best_ask, submitted_at, acked_at, first_fill_at, finished_at, outcome, final_status, filled_size, maker_size " +
        "FROM fill_attempts WHERE run_id = $a ORDER BY id;",
        r => new FillAttemptRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), new InstrumentId(r.GetString(3), r.GetString(4)),
            Enum<OrderSide>(r, 5), Enum<OrderType>(r, 6), Enum<TimeInForce>(r, 7), new Price(r.GetInt64(8)), new Quantity(r.GetInt64(9)),
            r.IsDBNull(10) ? null : new Price(r.GetInt64(10)), r.IsDBNull(11) ? null : new Price(r.GetInt64(11)),
            r.GetInt64(12), Long(r, 13), Long(r, 14), r.GetInt64(15), Enum<FillAttemptOutcome>(r, 16), Enum<OrderStatus>(r, 17),
            new Quantity(r.GetInt64(18)), new Quantity(r.GetInt64(19))),
        runId);

    /// <summary>The strategy's latest saved state across runs (latest time; the later run on a tie), or null.</summary>
    public StrategyStateRecord? LoadLastStrategyState(string strategyId) => Query(
        "SELECT run_id, strategy_id, ts, state_json FROM strategy_state WHERE strategy_id = $a ORDER BY ts DESC, run_id DESC LIMIT 1;",
        r => new StrategyStateRecord(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3)),
        strategyId).SingleOrDefault();

    public void Dispose()
    {
        _snapshot?.Dispose();
        _connection.Dispose();
    }

    private static RunInfo ReadRun(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), Long(r, 4), Text(r, 5));

    private static OrderRecord ReadOrder(SqliteDataReader r) => new(
        r.GetInt64(1), r.GetString(0), r.GetString(2), new InstrumentId(r.GetString(3), r.GetString(4)),
        Enum<OrderSide>(r, 5), Enum<OrderType>(r, 6), Enum<TimeInForce>(r, 7), new Price(r.GetInt64(8)), new Quantity(r.GetInt64(9)),
        Enum<OrderStatus>(r, 10), new Quantity(r.GetInt64(11)), Money(r, 12, "orders.average_fill_price"),
        Money(r, 13, "orders.fees_paid"), Text(r, 14), Text(r, 15), r.GetInt64(16), r.GetInt64(17), r.GetInt32(18));

    private static FillRecord ReadFill(SqliteDataReader r) => new(
        r.GetInt64(0), new InstrumentId(r.GetString(1), r.GetString(2)), r.GetString(3), r.GetString(4), r.GetString(5),
        Enum<OrderSide>(r, 6), new Price(r.GetInt64(7)), new Quantity(r.GetInt64(8)), Enum<LiquiditySide>(r, 9),
        Money(r, 10, "fills.fee"), r.GetInt64(11), r.GetInt64(12));

    private static string? Text(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static long? Long(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);

    private static decimal Money(SqliteDataReader r, int ordinal, string column) => StoreText.ParseMoney(r.GetString(ordinal), column);

    private static TEnum Enum<TEnum>(SqliteDataReader r, int ordinal)
        where TEnum : struct, Enum => StoreText.ParseName<TEnum>(r.GetString(ordinal), r.GetName(ordinal));

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, object? argument = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _snapshot;
        if (sql.Contains("$a", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$a", argument ?? DBNull.Value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
