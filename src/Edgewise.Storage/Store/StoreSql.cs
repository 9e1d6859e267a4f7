// The store's write statements. Each is idempotent on its natural key, so a journal replayed after a crash, or a
// batch retried after a failed commit, never doubles a row: INSERT OR IGNORE for facts (events, fills, ledger
// entries, fill attempts), an upsert guarded by a growing revision for snapshots (orders, positions).
namespace Edgewise.Storage.Store;

internal static class StoreSql
{
    public const string RunStart =
        "INSERT INTO runs (profile, config_hash, started_at) VALUES ($profile, $hash, $started) RETURNING id;";

    public const string RunEnd =
        "UPDATE runs SET stopped_at = $stopped, exit_reason = $reason WHERE id = $id;";

    public const string Order = """
        INSERT INTO orders (client_order_id, run_id, strategy_id, venue, symbol, side, order_type, time_in_force, price,
            quantity, status, filled_quantity, average_fill_price, fees_paid, venue_order_id, status_reason, created_at,
            last_event_at, revision)
        VALUES ($id, $run, $strategy, $venue, $symbol, $side, $type, $tif, $price, $quantity, $status, $filled, $avg,
            $fees, $venue_id, $reason, $created, $last, $revision)
        ON CONFLICT (client_order_id) DO UPDATE SET
            status = excluded.status,
            filled_quantity = excluded.filled_quantity,
            average_fill_price = excluded.average_fill_price,
            fees_paid = excluded.fees_paid,
            venue_order_id = excluded.venue_order_id,
            status_reason = excluded.status_reason,
            last_event_at = excluded.last_event_at,
            revision = excluded.revision
        WHERE excluded.revision > orders.revision;
        """;

    public const string OrderEvent = """
        INSERT OR IGNORE INTO order_events (run_id, client_order_id, kind, trade_id, venue_order_id, reason, ts_event, ts_recv)
        VALUES ($run, $id, $kind, $trade, $venue_id, $reason, $ts_event, $ts_recv);
        """;

    public const string Fill = """
        INSERT OR IGNORE INTO fills (run_id, venue, symbol, trade_id, client_order_id, strategy_id, side, price, quantity,
            liquidity, fee, ts_event, ts_recv)
        VALUES ($run, $venue, $symbol, $trade, $id, $strategy, $side, $price, $quantity, $liquidity, $fee, $ts_event, $ts_recv);
        """;

    public const string Position = """
        INSERT INTO positions (run_id, venue, symbol, net_quantity, cost_basis, multiplier, realized_pnl, fees_paid, funding,
            opened_at, last_changed_at, ledger_seq)
        VALUES ($run, $venue, $symbol, $net, $cost, $multiplier, $realized, $fees, $funding, $opened, $changed, $seq)
        ON CONFLICT (run_id, venue, symbol) DO UPDATE SET
            net_quantity = excluded.net_quantity,
            cost_basis = excluded.cost_basis,
            multiplier = excluded.multiplier,
            realized_pnl = excluded.realized_pnl,
            fees_paid = excluded.fees_paid,
            funding = excluded.funding,
            opened_at = excluded.opened_at,
            last_changed_at = excluded.last_changed_at,
            ledger_seq = excluded.ledger_seq
        WHERE excluded.ledger_seq >= positions.ledger_seq;
        """;

    public const string Ledger = """
        INSERT OR IGNORE INTO ledger_entries (run_id, seq, ts, kind, venue, symbol, amount, balance_after, reference)
        VALUES ($run, $seq, $ts, $kind, $venue, $symbol, $amount, $balance, $reference);
        """;

    public const string FillAttempt = """
        INSERT OR IGNORE INTO fill_attempts (run_id, client_order_id, strategy_id, venue, symbol, side, order_type,
            time_in_force, price, size, best_bid, best_ask, submitted_at, acked_at, first_fill_at, finished_at,
            ack_latency_ns, first_fill_latency_ns, outcome, final_status, filled_size, maker_size)
        VALUES ($run, $id, $strategy, $venue, $symbol, $side, $type, $tif, $price, $size, $bid, $ask, $submitted, $acked,
            $first_fill, $finished, $ack_latency, $fill_latency, $outcome, $status, $filled, $maker);
        """;

    public const string StrategyState = """
        INSERT INTO strategy_state (run_id, strategy_id, ts, state_json) VALUES ($run, $strategy, $ts, $json)
        ON CONFLICT (run_id, strategy_id, ts) DO UPDATE SET state_json = excluded.state_json;
        """;
}
