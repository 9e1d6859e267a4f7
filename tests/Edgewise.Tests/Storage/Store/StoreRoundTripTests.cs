using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;
using Microsoft.Data.Sqlite;

namespace Edgewise.Tests.Storage.Store;

public sealed class StoreRoundTripTests
{
    private static readonly InstrumentId Btc = StoreFixture.Btc;

    [Fact]
    public async Task Runs_BeginAndEnd_ReadBackExactly()
    {
        await using var fx = new StoreFixture();
        var store = fx.Open();
        var first = await store.BeginRunAsync("kalshi-btc-v6", "sha256:abc", 1_000, StoreFixture.Ct);
        var second = await store.BeginRunAsync("paper", "sha256:def", 2_000, StoreFixture.Ct);
        store.EndRun(first, 1_500, "stopped by operator");
        await store.FlushAsync(StoreFixture.Ct);

        using var reader = fx.Reader();

        Assert.Equal(first + 1, second);
        Assert.Equal(
            [
                new RunInfo(first, "kalshi-btc-v6", "sha256:abc", 1_000, 1_500, "stopped by operator"),
                new RunInfo(second, "paper", "sha256:def", 2_000, null, null),
            ],
            reader.LoadRuns());
        Assert.Equal(second, reader.LoadLastRun()!.Id);
    }

    [Fact]
    public async Task Orders_Snapshot_ReadsBackAndOnlyNewerRevisionsReplaceIt()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var accepted = Order(run, OrderStatus.Accepted, filled: 0, revision: 1);
        var partial = accepted with
        {
            Status = OrderStatus.PartiallyFilled,
            FilledQuantity = Quantity.Parse("0.4"),
            AverageFillPrice = 100.25m,
            FeesPaid = 0.0125m,
            LastEventAt = 30,
            Revision = 2,
        };
        store.Enqueue(accepted);
        store.Enqueue(partial);
        store.Enqueue(accepted); // a late replay of the older snapshot must not roll the order back
        await store.FlushAsync(StoreFixture.Ct);

        using var reader = fx.Reader();

        Assert.Equal(partial, reader.LoadOrder("c-1"));
        Assert.Equal([partial], reader.LoadOpenOrders());
        Assert.Equal([partial], reader.LoadOpenOrders(run));
        Assert.Empty(reader.LoadOpenOrders(run + 1));
        Assert.Equal(1, store.Lag.DuplicatesIgnored);
    }

    [Fact]
    public async Task Orders_TerminalOrder_IsNotOpen()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        store.Enqueue(Order(run, OrderStatus.Canceled, filled: 0, revision: 2) with { VenueOrderId = null, StatusReason = null });
        store.Enqueue(Order(run, OrderStatus.New, filled: 0, revision: 0) with { ClientOrderId = "c-2", VenueOrderId = null });
        await store.FlushAsync(StoreFixture.Ct);

        using var reader = fx.Reader();

        Assert.Equal(["c-2"], reader.LoadOpenOrders().Select(o => o.ClientOrderId));
        Assert.Null(reader.LoadOrder("c-1")!.VenueOrderId);
        Assert.Equal(2, reader.LoadOrders(run).Count);
    }

    [Fact]
    public async Task OrderEvents_EveryKind_ReadBackInOrder()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var fill = new Fill("t-9", Price.Parse("100"), Quantity.Parse("1"), LiquiditySide.Maker, 0m, 20);
        OrderEvent[] events =
        [
            new OrderAccepted("c-1", "v-77", 10, 11),
            new OrderFilled("c-1", fill, 21),
            new OrderCanceled("c-1", 30, 31),
            new OrderExpired("c-2", 40, 41),
            new OrderRejected("c-3", "insufficient balance", 50, 51),
            new OrderDenied("c-4", DenialReason.MaxOrderQuantity, "quantity 2 > 1", 60, 60),
        ];
        foreach (var e in events)
        {
            store.Enqueue(OrderEventRecord.From(run, e));
        }

        await store.FlushAsync(StoreFixture.Ct);
        using var reader = fx.Reader();

        Assert.Equal(
            [
                new OrderEventRecord(run, "c-1", OrderEventKind.Accepted, "", "v-77", null, 10, 11),
                new OrderEventRecord(run, "c-1", OrderEventKind.Filled, "t-9", null, null, 20, 21),
                new OrderEventRecord(run, "c-1", OrderEventKind.Canceled, "", null, null, 30, 31),
            ],
            reader.LoadOrderEvents("c-1"));
        Assert.Equal(OrderEventKind.Expired, reader.LoadOrderEvents("c-2").Single().Kind);
        Assert.Equal("insufficient balance", reader.LoadOrderEvents("c-3").Single().Reason);
        Assert.Equal("MaxOrderQuantity: quantity 2 > 1", reader.LoadOrderEvents("c-4").Single().Reason);
    }

    [Fact]
    public async Task Fills_ExactMoneyAndFixedPoint_ReadBackExactly()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        // 28 significant digits and a trailing zero: REAL would round the first and drop the second.
        var fill = new FillRecord(run, Btc, "t-1", "c-1", "s1", OrderSide.Sell, Price.Parse("64123.987654321"),
            Quantity.Parse("0.000000001"), LiquiditySide.Taker, -1234567890.123456789012345678m, 100, 101);
        var rebate = fill with { TradeId = "t-2", Fee = 1.50m, Liquidity = LiquiditySide.Maker };
        store.Enqueue(fill);
        store.Enqueue(rebate);
        await store.FlushAsync(StoreFixture.Ct);

        using var reader = fx.Reader();
        var back = reader.LoadFills(run);

        Assert.Equal([fill, rebate], back);
        Assert.Equal("1.50", back[1].Fee.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("text", fx.Sql("SELECT typeof(fee) FROM fills WHERE trade_id = 't-1';"));
        Assert.Equal("-1234567890.123456789012345678", fx.Sql("SELECT fee FROM fills WHERE trade_id = 't-1';"));
        // 64123.987654321 × 10^9 = 64123987654321
        Assert.Equal(64_123_987_654_321L, fx.Sql("SELECT price FROM fills WHERE trade_id = 't-1';"));
    }

    [Fact]
    public async Task Positions_Snapshot_ReadsBackAndOlderLedgerSeqDoesNotReplace()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var open = new PositionRecord(run, Btc, Quantity.Parse("2"), 200m, 1m, 0m, 0.2m, 0m, OpenedAt: 10, LastChangedAt: 10, LedgerSeq: 3);
        var flat = open with { NetQuantity = Quantity.Zero, CostBasis = 0m, RealizedPnl = 20m, LastChangedAt = 50, LedgerSeq = 5 };
        store.Enqueue(open);
        store.Enqueue(flat);
        store.Enqueue(open);
        await store.FlushAsync(StoreFixture.Ct);

        using var reader = fx.Reader();
        var back = Assert.Single(reader.LoadPositions(run));

        Assert.Equal(flat, back);
        Assert.True(back.IsFlat);
        Assert.Equal(10, back.OpenedAt);
    }

    [Fact]
    public async Task Ledger_Entries_ReadBackInSequence()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        LedgerEntryRecord[] entries =
        [
            new(run, 0, new LedgerEntry(1, LedgerEntryKind.Deposit, null, 1000m, 1000m, "initial")),
            new(run, 1, new LedgerEntry(2, LedgerEntryKind.TradeCash, Btc, -400.000000001m, 599.999999999m, "c-1")),
            new(run, 2, new LedgerEntry(2, LedgerEntryKind.Fee, Btc, -0.1m, 599.899999999m, null)),
        ];
        foreach (var entry in entries.Reverse())
        {
            store.Enqueue(entry);
        }

        await store.FlushAsync(StoreFixture.Ct);
        using var reader = fx.Reader();

        Assert.Equal(entries, reader.LoadLedger(run));
    }

    [Fact]
    public async Task FillAttempts_AllFields_ReadBackWithLatencies()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var attempt = new FillAttemptRecord(run, "c-1", "s1", Btc, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc,
            Price.Parse("100"), Quantity.Parse("10"), Price.Parse("99.5"), null, SubmittedAt: 1_000, AckedAt: 1_250,
            FirstFillAt: 4_000, FinishedAt: 9_000, FillAttemptOutcome.PartiallyFilled, OrderStatus.Canceled,
            Quantity.Parse("4"), Quantity.Parse("4"));
        store.Enqueue(attempt);
        store.Enqueue(attempt with { ClientOrderId = "c-2", AckedAt = null, FirstFillAt = null, Outcome = FillAttemptOutcome.Unfilled });
        await store.FlushAsync(StoreFixture.Ct);

        using var reader = fx.Reader();
        var back = reader.LoadFillAttempts(run);

        Assert.Equal(attempt, back[0]);
        Assert.Equal(250L, fx.Sql("SELECT ack_latency_ns FROM fill_attempts WHERE client_order_id = 'c-1';"));
        Assert.Equal(3_000L, fx.Sql("SELECT first_fill_latency_ns FROM fill_attempts WHERE client_order_id = 'c-1';"));
        Assert.Null(back[1].AckLatencyNs);
        Assert.Equal(DBNull.Value, fx.Sql("SELECT ack_latency_ns FROM fill_attempts WHERE client_order_id = 'c-2';"));
    }

    [Fact]
    public async Task StrategyState_SeveralSnapshots_LatestWinsAcrossRuns()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var later = await store.BeginRunAsync("p", "h", 5, StoreFixture.Ct);
        store.Enqueue(new StrategyStateRecord(run, "s1", 100, """{"n":1}"""));
        store.Enqueue(new StrategyStateRecord(later, "s1", 300, """{"n":3}"""));
        store.Enqueue(new StrategyStateRecord(run, "s1", 200, """{"n":2}"""));
        store.Enqueue(new StrategyStateRecord(later, "s2", 900, """{"other":true}"""));
        store.Enqueue(new StrategyStateRecord(later, "s1", 300, """{"n":4}""")); // same instant: the newer write wins
        await store.FlushAsync(StoreFixture.Ct);

        using var reader = fx.Reader();

        Assert.Equal(new StrategyStateRecord(later, "s1", 300, """{"n":4}"""), reader.LoadLastStrategyState("s1"));
        Assert.Null(reader.LoadLastStrategyState("nobody"));
    }

    [Fact]
    public async Task Schema_PositionWithoutOpenedAt_IsRejected()
    {
        await using var fx = new StoreFixture();
        var (_, run) = await fx.OpenWithRunAsync();

        var error = Assert.Throws<SqliteException>(() => fx.Sql(
            "INSERT INTO positions (run_id, venue, symbol, net_quantity, cost_basis, multiplier, realized_pnl, fees_paid, funding, " +
            $"opened_at, last_changed_at, ledger_seq) VALUES ({run}, 'v', 's', 1, '1', '1', '0', '0', '0', NULL, 1, 0);"));

        Assert.Contains("NOT NULL constraint failed: positions.opened_at", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, fx.Count("positions"));
    }

    [Fact]
    public async Task Schema_RealInFixedPointColumn_IsRejected()
    {
        await using var fx = new StoreFixture();
        var (_, run) = await fx.OpenWithRunAsync();

        var error = Assert.Throws<SqliteException>(() => fx.Sql(
            "INSERT INTO fills (run_id, venue, symbol, trade_id, client_order_id, strategy_id, side, price, quantity, liquidity, fee, " +
            $"ts_event, ts_recv) VALUES ({run}, 'v', 's', 't', 'c', 's1', 'Buy', 100.5, 1, 'Taker', '0', 1, 1);"));

        Assert.Contains("CHECK constraint failed", error.Message, StringComparison.Ordinal);
    }

    private static OrderRecord Order(long run, OrderStatus status, int filled, int revision) => new(
        run, "c-1", "s1", Btc, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, Price.Parse("100.25"), Quantity.Parse("1"),
        status, Quantity.Parse(filled.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0m, 0m, "v-1", "why", 10, 20, revision);
}
