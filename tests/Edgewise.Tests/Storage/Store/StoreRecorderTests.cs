using Edgewise.Cli.Persistence;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Risk;
using Edgewise.Storage.Store;
using Edgewise.Tests.Engine;

namespace Edgewise.Tests.Storage.Store;

public sealed class StoreRecorderTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public async Task Recorder_AcceptedThenFilledInTwoParts_RecordsEveryTableConsistently()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var h = Deposited(1000m);
        using var recorder = new StoreRecorder(h.Engine, store, run);
        h.Start();
        h.Book("99", "101");
        var t0 = h.Now;

        var order = h.Limit(OrderSide.Buy, "100", 10).Order!;
        h.Clock.Advance(TimeSpan.FromMilliseconds(2));
        h.Accept(order.ClientOrderId);
        h.Clock.Advance(TimeSpan.FromMilliseconds(3));
        h.Fill(order.ClientOrderId, 4, "100", fee: 0.1m);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        h.Fill(order.ClientOrderId, 6, "100");
        await store.FlushAsync(StoreFixture.Ct);
        using var reader = fx.Reader();
        var id = order.ClientOrderId;
        var btc = h.Btc.Id;

        Assert.Equal(
            new OrderRecord(run, id, "s1", btc, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, Price.Parse("100"), Qty(10),
                OrderStatus.Filled, Qty(10), 100m, 0.1m, "v-" + id, null, t0, t0 + (6 * Ms), Revision: 4),
            reader.LoadOrder(id));
        Assert.Equal(
            [(OrderEventKind.Accepted, ""), (OrderEventKind.Filled, "x1"), (OrderEventKind.Filled, "x2")],
            reader.LoadOrderEvents(id).Select(e => (e.Kind, e.TradeId)));
        Assert.Equal(
            [
                new FillRecord(run, btc, "x1", id, "s1", OrderSide.Buy, Price.Parse("100"), Qty(4), LiquiditySide.Taker, 0.1m, t0 + (5 * Ms), t0 + (5 * Ms)),
                new FillRecord(run, btc, "x2", id, "s1", OrderSide.Buy, Price.Parse("100"), Qty(6), LiquiditySide.Taker, 0m, t0 + (6 * Ms), t0 + (6 * Ms)),
            ],
            reader.LoadFills(run));
        // Deposit 1000; buy 4 × 100 = −400 → 600; fee −0.1 → 599.9; buy 6 × 100 = −600 → −0.1 (a zero fee posts no entry).
        Assert.Equal(
            [
                (LedgerEntryKind.Deposit, 1000m, 1000m),
                (LedgerEntryKind.TradeCash, -400m, 600m),
                (LedgerEntryKind.Fee, -0.1m, 599.9m),
                (LedgerEntryKind.TradeCash, -600m, -0.1m),
            ],
            reader.LoadLedger(run).Select(e => (e.Entry.Kind, e.Entry.Amount, e.Entry.BalanceAfter)));
        // Opened by the first fill (t0 + 5 ms); cost 400 + 600.
        Assert.Equal(
            new PositionRecord(run, btc, Qty(10), 1000m, 1m, 0m, 0.1m, 0m, OpenedAt: t0 + (5 * Ms), LastChangedAt: t0 + (6 * Ms), LedgerSeq: 4),
            Assert.Single(reader.LoadPositions(run)));
        var attempt = Assert.Single(reader.LoadFillAttempts(run));
        Assert.Equal((Price.Parse("99"), Price.Parse("101")), (attempt.BestBid!.Value, attempt.BestAsk!.Value));
        Assert.Equal((t0, 2 * Ms, 5 * Ms, t0 + (6 * Ms)), (attempt.SubmittedAt, attempt.AckLatencyNs!.Value, attempt.FirstFillLatencyNs!.Value, attempt.FinishedAt));
        Assert.Equal((FillAttemptOutcome.Filled, OrderStatus.Filled, Qty(10), Quantity.Zero), (attempt.Outcome, attempt.FinalStatus, attempt.FilledSize, attempt.MakerSize));
        Assert.Empty(reader.LoadOpenOrders());
        // Cash −0.1 + cost 1000 = 999.9 = deposits 1000 + realized 0 − fees 0.1.
        var report = reader.CheckConsistency(run);
        Assert.Empty(report.Problems);
        Assert.Equal((-0.1m, 0m), (report.Cash, report.ReconciliationDifference));
    }

    [Fact]
    public async Task Recorder_RoundTripClosed_FlatPositionKeepsItsOpeningTime()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var h = Deposited(1000m);
        using var recorder = new StoreRecorder(h.Engine, store, run);
        h.Start();
        h.Book("99", "101");
        var opened = h.Now;

        h.Trade(OrderSide.Buy, "100", 2);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        h.Trade(OrderSide.Sell, "110", 2);
        await store.FlushAsync(StoreFixture.Ct);
        using var reader = fx.Reader();

        var position = Assert.Single(reader.LoadPositions(run));
        Assert.True(position.IsFlat);
        Assert.Equal(opened, position.OpenedAt);
        Assert.Equal(opened + 1_000_000_000L, position.LastChangedAt);
        Assert.Equal(20m, position.RealizedPnl); // (110 − 100) × 2
        // Cash 1000 − 200 + 220 = 1020 = deposits 1000 + realized 20.
        var report = reader.CheckConsistency(run);
        Assert.True(report.IsConsistent, string.Join("; ", report.Problems));
        Assert.Equal(1020m, report.Cash);
        Assert.All(reader.LoadFillAttempts(run), a => Assert.Null(a.AckedAt)); // filled without a separate acknowledgement
    }

    [Fact]
    public async Task Recorder_AcceptedThenCanceled_OpenUntilCanceledThenUnfilledAttempt()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var h = Deposited(1000m);
        using var recorder = new StoreRecorder(h.Engine, store, run);
        h.Start();
        h.Book("99", "101");
        var id = h.Limit(OrderSide.Buy, "100", 1).Order!.ClientOrderId;
        h.Accept(id);
        await store.FlushAsync(StoreFixture.Ct);
        using (var reader = fx.Reader())
        {
            var open = Assert.Single(reader.LoadOpenOrders());
            Assert.Equal((id, OrderStatus.Accepted), (open.ClientOrderId, open.Status));
            Assert.Empty(reader.LoadFillAttempts(run));
        }

        Assert.Equal(CancelOutcome.Sent, h.Cancel(id));
        h.Engine.OnOrderEvent(new OrderCanceled(id, h.Now, h.Now));
        await store.FlushAsync(StoreFixture.Ct);

        using var after = fx.Reader();
        Assert.Empty(after.LoadOpenOrders());
        var attempt = Assert.Single(after.LoadFillAttempts(run));
        Assert.Equal((FillAttemptOutcome.Unfilled, OrderStatus.Canceled, Quantity.Zero), (attempt.Outcome, attempt.FinalStatus, attempt.FilledSize));
        Assert.Null(attempt.FirstFillAt);
    }

    [Fact]
    public async Task Recorder_DeniedOrder_RecordsOrderAndEventButNoAttempt()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var h = new EngineHarness(new RiskLimits { MaxOrderQuantity = 1m });
        using var recorder = new StoreRecorder(h.Engine, store, run);
        h.Start();
        h.Book("99", "101");

        var denied = h.Limit(OrderSide.Buy, "100", 2);
        await store.FlushAsync(StoreFixture.Ct);
        using var reader = fx.Reader();

        Assert.Equal(SubmitOutcome.Denied, denied.Outcome);
        Assert.Equal(OrderStatus.Denied, reader.LoadOrder(denied.Order!.ClientOrderId)!.Status);
        Assert.Equal("MaxOrderQuantity: quantity 2 > 1", Assert.Single(reader.LoadOrderEvents(denied.Order.ClientOrderId)).Reason);
        Assert.Empty(reader.LoadFillAttempts(run));
        Assert.Empty(h.Client.Submitted);
    }

    [Fact]
    public async Task CheckConsistency_FillAndLedgerEntryLost_ReportsEachDiscrepancy()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var h = Deposited(1000m);
        using var recorder = new StoreRecorder(h.Engine, store, run);
        h.Start();
        h.Book("99", "101");
        var id = h.Limit(OrderSide.Buy, "100", 10).Order!.ClientOrderId;
        h.Fill(id, 4, "100", fee: 0.1m);
        h.Fill(id, 6, "100");
        await store.FlushAsync(StoreFixture.Ct);

        fx.Sql("DELETE FROM fills WHERE trade_id = 'x2';");
        fx.Sql($"DELETE FROM ledger_entries WHERE run_id = {run} AND seq = 2;");
        using var reader = fx.Reader();
        var report = reader.CheckConsistency(run);

        Assert.False(report.IsConsistent);
        // Ledger left: deposit 1000 (1000), trade −400 (600), trade −600 (−0.1): the gap, and a balance that no longer
        // follows (600 − 600 = 0, stored −0.1). The position still says 10 bought at 1000 with fee 0.1, the fills only 4.
        Assert.Equal(
            [
                "ledger: entry 2 missing",
                "ledger: entry 3 has balance -0.1, running sum is 0",
                "fees: ledger fee entries total 0, positions total 0.1",
                "BTCUSD.testvenue: fills' trade cash totals -400, ledger has -1000",
                "BTCUSD.testvenue: fills add up to 4, position is 10",
                $"order {id}: filled 10, its fills add up to 4",
            ],
            report.Problems);
    }

    [Fact]
    public async Task Recorder_StoreBacklogPastBound_MovesEngineToReducingAndStaysThere()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync(new StoreOptions { MaxPendingRecords = 2 });
        var pause = new WriterPause(store);
        var h = Deposited(1000m);
        using var recorder = new StoreRecorder(h.Engine, store, run); // the deposit's ledger entry wakes the writer
        await pause.Reached;
        h.Start();
        h.Book("99", "101");

        var id = h.Limit(OrderSide.Buy, "100", 1).Order!.ClientOrderId; // 2 pending: at the bound
        Assert.Equal(TradingState.Active, h.Engine.Risk.State);
        h.Accept(id); // + event + order snapshot, queued together = 4 pending

        Assert.True(store.IsHaltRequested);
        Assert.True(recorder.HaltApplied);
        Assert.Equal(TradingState.Reducing, h.Engine.Risk.State);
        // Deposit entry (held by the writer) + order + the acceptance's two records: 4 > 2.
        Assert.StartsWith("store: store backlog of 4 records", h.Engine.Risk.StateReason, StringComparison.Ordinal);
        var refused = h.Limit(OrderSide.Buy, "100", 1);
        Assert.Equal((SubmitOutcome.Denied, DenialReason.TradingReducing), (refused.Outcome, refused.Reason));

        pause.Release();
        await store.FlushAsync(StoreFixture.Ct);
        Assert.False(store.IsHaltRequested);
        h.Fill(id, 1, "100"); // a later event: the recorder does not switch back by itself

        Assert.Equal(TradingState.Reducing, h.Engine.Risk.State);
        await store.FlushAsync(StoreFixture.Ct);
        Assert.Equal(2L, fx.Count("orders"));
        Assert.Equal(1L, fx.Count("fills"));
    }

    [Fact]
    public async Task SaveStrategyState_TwoSnapshots_LastOneLoadsWithEngineTime()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var h = new EngineHarness();
        using var recorder = new StoreRecorder(h.Engine, store, run);

        recorder.SaveStrategyState("s1", """{"step":1}""");
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        recorder.SaveStrategyState("s1", """{"step":2}""");
        await store.FlushAsync(StoreFixture.Ct);
        using var reader = fx.Reader();

        Assert.Equal(new StrategyStateRecord(run, "s1", h.Now, """{"step":2}"""), reader.LoadLastStrategyState("s1"));
    }

    private static EngineHarness Deposited(decimal amount)
    {
        var h = new EngineHarness();
        h.Engine.Cache.Portfolio.Deposit(amount, h.Now, "initial");
        return h;
    }

    private static Quantity Qty(int units) => EngineHarness.Qty(units);
}
