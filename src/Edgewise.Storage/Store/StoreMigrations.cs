// The store's schema, as ordered migrations. Column conventions (every table):
//  - money (cash, fees, P&L, cost basis, multipliers) is TEXT holding the exact decimal in invariant culture
//    ("-997.30"): REAL would round, and decimal's 28 digits do not fit an INTEGER. Sums are done in C# decimal,
//    never with SQL SUM (which would go through REAL);
//  - prices and quantities are INTEGER at the engine's fixed-point scale (value × 10^9, Core/Numerics/FixedPoint),
//    exact and ordered;
//  - timestamps are INTEGER Unix nanoseconds;
//  - enums are TEXT member names, readable from the sqlite3 shell.
// CHECK (typeof(...)) guards keep a REAL out of integer columns even if a caller binds a double by mistake.
// Natural keys make replays idempotent (fills by venue + symbol + trade id + order, order events by order + kind +
// trade id, ledger entries by run + sequence); positions always carry opened_at.
namespace Edgewise.Storage.Store;

internal static class StoreMigrations
{
    private const string InitialSchema = """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            profile TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            started_at INTEGER NOT NULL CHECK (typeof(started_at) = 'integer'),
            stopped_at INTEGER CHECK (stopped_at IS NULL OR typeof(stopped_at) = 'integer'),
            exit_reason TEXT
        );

        CREATE TABLE orders (
            client_order_id TEXT PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            strategy_id TEXT NOT NULL,
            venue TEXT NOT NULL,
            symbol TEXT NOT NULL,
            side TEXT NOT NULL,
            order_type TEXT NOT NULL,
            time_in_force TEXT NOT NULL,
            price INTEGER NOT NULL CHECK (typeof(price) = 'integer'),
            quantity INTEGER NOT NULL CHECK (typeof(quantity) = 'integer'),
            status TEXT NOT NULL,
            filled_quantity INTEGER NOT NULL CHECK (typeof(filled_quantity) = 'integer'),
            average_fill_price TEXT NOT NULL,
            fees_paid TEXT NOT NULL,
            venue_order_id TEXT,
            status_reason TEXT,
            created_at INTEGER NOT NULL CHECK (typeof(created_at) = 'integer'),
            last_event_at INTEGER NOT NULL CHECK (typeof(last_event_at) = 'integer'),
            revision INTEGER NOT NULL
        );
        CREATE INDEX orders_open ON orders (status) WHERE status IN ('New', 'Accepted', 'PartiallyFilled');
        CREATE INDEX orders_run ON orders (run_id);

        CREATE TABLE order_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            client_order_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            trade_id TEXT NOT NULL DEFAULT '',
            venue_order_id TEXT,
            reason TEXT,
            ts_event INTEGER NOT NULL CHECK (typeof(ts_event) = 'integer'),
            ts_recv INTEGER NOT NULL CHECK (typeof(ts_recv) = 'integer'),
            UNIQUE (client_order_id, kind, trade_id)
        );

        CREATE TABLE fills (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            venue TEXT NOT NULL,
            symbol TEXT NOT NULL,
            trade_id TEXT NOT NULL,
            client_order_id TEXT NOT NULL,
            strategy_id TEXT NOT NULL,
            side TEXT NOT NULL,
            price INTEGER NOT NULL CHECK (typeof(price) = 'integer'),
            quantity INTEGER NOT NULL CHECK (typeof(quantity) = 'integer'),
            liquidity TEXT NOT NULL,
            fee TEXT NOT NULL,
            ts_event INTEGER NOT NULL CHECK (typeof(ts_event) = 'integer'),
            ts_recv INTEGER NOT NULL CHECK (typeof(ts_recv) = 'integer'),
            UNIQUE (venue, symbol, trade_id, client_order_id)
        );
        CREATE INDEX fills_run ON fills (run_id);

        CREATE TABLE positions (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            venue TEXT NOT NULL,
            symbol TEXT NOT NULL,
            net_quantity INTEGER NOT NULL CHECK (typeof(net_quantity) = 'integer'),
            cost_basis TEXT NOT NULL,
            multiplier TEXT NOT NULL,
            realized_pnl TEXT NOT NULL,
            fees_paid TEXT NOT NULL,
            funding TEXT NOT NULL,
            opened_at INTEGER NOT NULL CHECK (typeof(opened_at) = 'integer'),
            last_changed_at INTEGER NOT NULL CHECK (typeof(last_changed_at) = 'integer'),
            ledger_seq INTEGER NOT NULL,
            PRIMARY KEY (run_id, venue, symbol)
        );

        CREATE TABLE ledger_entries (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            seq INTEGER NOT NULL,
            ts INTEGER NOT NULL CHECK (typeof(ts) = 'integer'),
            kind TEXT NOT NULL,
            venue TEXT,
            symbol TEXT,
            amount TEXT NOT NULL,
            balance_after TEXT NOT NULL,
            reference TEXT,
            PRIMARY KEY (run_id, seq)
        );

        CREATE TABLE fill_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            client_order_id TEXT NOT NULL UNIQUE,
            strategy_id TEXT NOT NULL,
            venue TEXT NOT NULL,
            symbol TEXT NOT NULL,
            side TEXT NOT NULL,
            order_type TEXT NOT NULL,
            time_in_force TEXT NOT NULL,
            price INTEGER NOT NULL CHECK (typeof(price) = 'integer'),
            size INTEGER NOT NULL CHECK (typeof(size) = 'integer'),
            best_bid INTEGER CHECK (best_bid IS NULL OR typeof(best_bid) = 'integer'),
            best_ask INTEGER CHECK (best_ask IS NULL OR typeof(best_ask) = 'integer'),
            submitted_at INTEGER NOT NULL CHECK (typeof(submitted_at) = 'integer'),
            acked_at INTEGER,
            first_fill_at INTEGER,
            finished_at INTEGER NOT NULL CHECK (typeof(finished_at) = 'integer'),
            ack_latency_ns INTEGER,
            first_fill_latency_ns INTEGER,
            outcome TEXT NOT NULL,
            final_status TEXT NOT NULL,
            filled_size INTEGER NOT NULL CHECK (typeof(filled_size) = 'integer'),
            maker_size INTEGER NOT NULL CHECK (typeof(maker_size) = 'integer')
        );
        CREATE INDEX fill_attempts_instrument ON fill_attempts (venue, symbol, side);

        CREATE TABLE strategy_state (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            strategy_id TEXT NOT NULL,
            ts INTEGER NOT NULL CHECK (typeof(ts) = 'integer'),
            state_json TEXT NOT NULL,
            PRIMARY KEY (run_id, strategy_id, ts)
        );
        CREATE INDEX strategy_state_latest ON strategy_state (strategy_id, ts);
        """;

    /// <summary>Every migration this build knows, in order.</summary>
    public static IReadOnlyList<StoreMigration> All { get; } =
    [
        new(1, "initial schema", InitialSchema),
    ];

    public static int LatestVersion => All[^1].Version;
}
