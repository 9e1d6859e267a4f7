using Edgewise.Cli.Recovery;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;
using Edgewise.Tests.Storage.Store;

namespace Edgewise.Tests.Reliability;

public sealed class RunRecoveryTests
{
    private const long Now = 1_800_000_000_000_000_000L;

    private static RecoveryRequest Same(bool newRun = false) => new("test-profile", "hash-1", newRun, Now);

    [Fact]
    public async Task Plan_UnfinishedRun_RebuildsTheSamePortfolioFromTheJournal()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        using var reader = fx.Store.Reader();

        var plan = RunRecovery.Plan(reader, Same());

        Assert.Equal(fx.RunId, plan.ResumedRun!.Id);
        Assert.Empty(plan.Differences);
        Assert.Null(plan.HaltReason);
        var original = fx.Engine.Engine.Cache.Portfolio;
        var restored = plan.Portfolio;
        // The fixture's hand-checked books: cash 459.85, BTC 6 at cost 600, realized 40 + 20, fees 0.15.
        Assert.Equal((459.85m, 1000m, 60m, 0.15m), (restored.Ledger.Cash, restored.Ledger.NetDeposits, restored.RealizedPnl, restored.FeesPaid));
        Assert.Equal(original.Ledger.Entries, restored.Ledger.Entries);
        Assert.Equal(original.Ledger.Entries.Count, plan.LedgerEntries);
        Assert.Equal(Snapshot(original), Snapshot(restored));
        Assert.Equal(0m, restored.ReconciliationDifference());
        Assert.Equal($"r{fx.RunId}.1", plan.ScopeFor(fx.RunId));
    }

    [Fact]
    public async Task Plan_UnfinishedRunResumedTheSameDay_CarriesTheDaysRealizedAfterFeesAndTheStreakToTheRiskLimits()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        using var reader = fx.Store.Reader();

        var sameDay = RunRecovery.Plan(reader, new RecoveryRequest("test-profile", "hash-1", false, fx.Engine.Now));
        var nextYear = RunRecovery.Plan(reader, Same());

        // Realized 40 (BTC 4 sold at 110 over 100) + 20 (ETH settled at 60 over 50) − fees 0.15; the one closed round trip won.
        Assert.Equal(new RiskCarryOver(59.85m, 0), sameDay.Risk);
        Assert.Equal(new RiskCarryOver(0m, 0), nextYear.Risk);
    }

    [Fact]
    public async Task Plan_UnfinishedRun_OpenRoundTripClosesWithThePnlItWouldHaveHad()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        using var reader = fx.Store.Reader();
        var restored = RunRecovery.Plan(reader, Same()).Portfolio;
        var close = new Fill("close-1", Price.Parse("105"), Quantity.Parse("6"), LiquiditySide.Taker, 0.2m, Now);

        var before = fx.Engine.Engine.Cache.Portfolio.ApplyFill(fx.Engine.Btc, OrderSide.Sell, close);
        var after = restored.ApplyFill(fx.Engine.Btc, OrderSide.Sell, close);

        // The round trip opened at 10 @ 100: sold 4 @ 110 (+40, fees 0.1 + 0.05), now 6 @ 105 (+30, fee 0.2): 70 − 0.35 = 69.65.
        Assert.Equal(before, after);
        Assert.True(after.RoundTripClosed);
        Assert.Equal(69.65m, after.RoundTripPnl);
    }

    [Fact]
    public async Task Plan_OpenOrder_CanceledInTheStoreWithTheRecoveryReason()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        RecoveryPlan plan;
        using (var reader = fx.Store.Reader())
        {
            plan = RunRecovery.Plan(reader, Same());
        }

        var open = Assert.Single(plan.CanceledOrders);
        Assert.Equal((fx.RestingOrderId, OrderStatus.Accepted), (open.ClientOrderId, open.Status));
        var store = fx.Store.Open();
        store.EnqueueTogether(plan.Writes);
        await store.FlushAsync(StoreFixture.Ct);

        using var after = fx.Store.Reader();
        Assert.Empty(after.LoadOpenOrders());
        var canceled = after.LoadOrder(fx.RestingOrderId)!;
        Assert.Equal((OrderStatus.Canceled, RunRecovery.PaperCancelReason, Now, open.Revision + 1),
            (canceled.Status, canceled.StatusReason, canceled.LastEventAt, canceled.Revision));
        Assert.Equal(OrderEventKind.Canceled, after.LoadOrderEvents(fx.RestingOrderId)[^1].Kind);
        Assert.Empty(after.CheckConsistency(fx.RunId).Problems);
    }

    [Fact]
    public async Task Plan_PositionRowDisagreesWithTheJournal_ListedAndTheJournalWins()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        fx.Store.Sql("UPDATE positions SET net_quantity = 7000000000 WHERE symbol = 'BTCUSD';");
        using var reader = fx.Store.Reader();

        var plan = RunRecovery.Plan(reader, Same());

        Assert.Contains("position BTCUSD.testvenue: stored quantity 7, the journal gives 6 (the row is rewritten)", plan.Differences);
        Assert.Contains("store check: BTCUSD.testvenue: fills add up to 6, position is 7", plan.Differences);
        Assert.Equal(Quantity.Parse("6"), plan.Portfolio.NetQuantity(fx.Engine.Btc.Id));
        Assert.Null(plan.HaltReason); // paper: the journal is the truth, the snapshot is repaired
    }

    [Fact]
    public async Task Plan_FillMissingUnderItsLedgerEntries_RefusedNamingTheEntry()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        fx.Store.Sql("DELETE FROM fills WHERE symbol = 'ETHUSD';");
        using var reader = fx.Store.Reader();

        var error = Assert.Throws<RecoveryException>(() => RunRecovery.Plan(reader, Same()));

        // Entries: 0 deposit, 1-2 BTC fill with fee, 3 BTC fill, 4-5 sell with fee, 6 the ETH trade cash, whose fill is gone.
        Assert.Equal("the journal does not replay: ledger entry 6 books a trade, but the run has no fill left for it", error.Message);
    }

    [Fact]
    public async Task Plan_AnotherProfile_RefusedNamingTheRunAndTheWayOut()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        using var reader = fx.Store.Reader();

        var error = Assert.Throws<RecoveryException>(() => RunRecovery.Plan(reader, new RecoveryRequest("other", "hash-2", false, Now)));

        Assert.Equal(
            $"run {fx.RunId} (profile test-profile, sha256 hash-1) did not end cleanly and holds 1 open position(s) and 1 open order(s): " +
            "resume it with the same profile, or give --new-run to close it as abandoned (its positions and orders stay in the store as they are) and start a new run",
            error.Message);
    }

    [Fact]
    public async Task Plan_NewRun_CrashedRunClosedAsAbandonedWithWhatItHeldListed()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        using var reader = fx.Store.Reader();

        var plan = RunRecovery.Plan(reader, new RecoveryRequest("other", "hash-2", NewRun: true, Now));

        Assert.False(plan.IsResume);
        Assert.Empty(plan.Portfolio.Positions);
        Assert.Equal([fx.RunId], plan.AbandonedRuns.Select(r => r.Id));
        Assert.Equal(new RunEndRecord(fx.RunId, Now, "abandoned (--new-run): 1 open position(s) and 1 open order(s) left as stored"),
            Assert.Single(plan.Writes));
        Assert.Equal(
            [$"run {fx.RunId} abandoned with position BTCUSD.testvenue 6 (cost 600)", $"run {fx.RunId} abandoned with order {fx.RestingOrderId} Accepted"],
            plan.Differences);
    }

    [Fact]
    public async Task Plan_EndedAndEmptyStores_NewRunWithEmptyBooks()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        using (var empty = fx.Reader())
        {
            fx.Sql("DELETE FROM runs;");
            Assert.False(RunRecovery.Plan(empty, Same()).IsResume);
        }

        run = await store.BeginRunAsync("test-profile", "hash-1", 1, StoreFixture.Ct);
        store.EndRun(run, 2, "duration reached");
        await store.FlushAsync(StoreFixture.Ct);
        using var reader = fx.Reader();

        var plan = RunRecovery.Plan(reader, Same());

        Assert.False(plan.IsResume);
        Assert.Empty(plan.Writes);
        Assert.Equal($"r{run}", plan.ScopeFor(run));
    }

    [Fact]
    public async Task Plan_TwoUnfinishedRuns_TheOlderIsClosedTheLatestResumed()
    {
        await using var fx = new StoreFixture();
        var (store, first) = await fx.OpenWithRunAsync();
        var second = await store.BeginRunAsync("test-profile", "hash-1", 5, StoreFixture.Ct);
        using var reader = fx.Reader();

        var plan = RunRecovery.Plan(reader, Same());

        Assert.Equal(second, plan.ResumedRun!.Id);
        Assert.Equal([first], plan.AbandonedRuns.Select(r => r.Id));
        Assert.Contains(new RunEndRecord(first, Now, $"abandoned: never ended; run {second} came after it"), plan.Writes);
    }

    [Fact]
    public async Task Plan_RunResumedBefore_ScopeCountsOnFromTheStoredIds()
    {
        await using var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        foreach (var id in new[] { $"s1-r{run}-1", $"s1-r{run}.1-1", $"my-strategy-r{run}.2-7", "s1-r99.5-1" })
        {
            store.Enqueue(new OrderRecord(run, id, "s1", StoreFixture.Btc, OrderSide.Buy, OrderType.Limit, TimeInForce.Ioc, Price.Parse("1"),
                Quantity.Parse("1"), OrderStatus.Expired, Quantity.Zero, 0m, 0m, null, null, 1, 1, 1));
        }

        await store.FlushAsync(StoreFixture.Ct);
        using var reader = fx.Reader();

        // r<run>.2 is the highest resume of this run (r99.5 belongs to another run): the next process is r<run>.3.
        Assert.Equal($"r{run}.3", RunRecovery.Plan(reader, Same()).ScopeFor(run));
    }

    private static List<(string, Quantity, decimal, decimal, decimal, decimal, long?, long?)> Snapshot(Portfolio portfolio) =>
        [.. portfolio.Positions.OrderBy(p => p.Instrument.ToString(), StringComparer.Ordinal)
            .Select(p => (p.Instrument.ToString(), p.NetQuantity, p.CostBasis, p.RealizedPnl, p.FeesPaid, p.Funding, p.OpenedAt, p.LastChangedAt))];
}
