// `edgewise store-soak`: keeps a paper engine trading a synthetic market through the write-behind store as fast as the
// store takes it, so the fault-injection suite can kill -9 it in the middle of writing any table and then check that
// a restart loses and doubles nothing. It is a real composition: restart recovery (RunRecovery, as `edgewise run`
// uses it), the engine with a simulated venue, SoakStrategy, StoreRecorder. After each flush it prints one line
// "durable <table>=<rows> ..." with the row counts the database holds at that moment: everything on that line has been
// reported durable, so none of it may be missing after a crash. The engine clock is a replay clock that starts at the
// system time and moves 10 µs per step (well behind real time, so a restarted process never stamps earlier than its
// predecessor); a market lives 50 steps and settles at 1 or 0 alternately. Hidden from help: a test tool.
using System.Globalization;
using Edgewise.Cli.Persistence;
using Edgewise.Cli.Recovery;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Time;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Simulation;
using Edgewise.Engine.Time;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Soak;

internal sealed class StoreSoak(SoakSettings settings, TextWriter output, TimeProvider clock)
{
    public const string Venue = "kalshi";
    private const int MarketSteps = 50;
    private static readonly TimeSpan Step = TimeSpan.FromTicks(100); // 10 µs
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public async Task RunAsync(CancellationToken ct)
    {
        using var storeLock = StoreRunLock.Acquire(settings.StorePath);
        await using var store = WriteBehindStore.Open(settings.StorePath, new StoreOptions { MaxBatchRecords = settings.BatchRecords }, clock);
        using var reader = StoreReader.Open(store.Path);
        long done = 0;
        while (!ct.IsCancellationRequested && (settings.Steps == 0 || done < settings.Steps))
        {
            var budget = settings.Steps == 0 ? long.MaxValue : settings.Steps - done;
            if (settings.RunEvery > 0)
            {
                budget = Math.Min(budget, settings.RunEvery);
            }

            done += await RunOneAsync(store, reader, budget, ct).ConfigureAwait(false);
        }

        await store.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(Inv, $"soak: stopped after {done} step(s)")).ConfigureAwait(false);
    }

    private async Task<long> RunOneAsync(WriteBehindStore store, StoreReader reader, long budget, CancellationToken ct)
    {
        var plan = RunRecovery.Plan(reader, new RecoveryRequest(settings.Profile, settings.ProfileHash, NewRun: false, clock.GetUnixNs()));
        store.EnqueueTogether(plan.Writes);
        var runId = plan.ResumedRun?.Id ?? await store.BeginRunAsync(settings.Profile, settings.ProfileHash, clock.GetUnixNs(), ct).ConfigureAwait(false);
        var scope = plan.ScopeFor(runId);
        await output.WriteLineAsync(plan.IsResume
            ? string.Create(Inv, $"soak: resumed run {runId} (order scope {scope}): {plan.Portfolio.Positions.Count(static p => !p.IsFlat)} open position(s), cash {plan.Portfolio.Ledger.Cash}, {plan.CanceledOrders.Count} open order(s) canceled, {plan.Differences.Count} difference(s)")
            : string.Create(Inv, $"soak: started run {runId} (order scope {scope})")).ConfigureAwait(false);
        foreach (var difference in plan.Differences)
        {
            await output.WriteLineAsync($"soak: difference: {difference}").ConfigureAwait(false);
        }

        var engineClock = new ReplayTimeProvider(clock.GetUnixNs());
        var engine = new EngineLoop(new EngineOptions
        {
            Clock = engineClock,
            BookFactory = static instrument => OrderBookFactory.ForBinaryContract(instrument.Id, instrument.MinTick),
            Portfolio = plan.Portfolio,
            ClientOrderIdScope = scope,
        });
        using var venue = SimulatedVenue.Register(engine, Venue);
        var strategy = new SoakStrategy();
        engine.Strategies.Add(strategy);
        using var recorder = new StoreRecorder(engine, store, runId, ledgerRecorded: plan.LedgerEntries, openedAt: plan.OpenedAt);
        engine.Start();
        var update = new BookUpdate();
        BinaryContract? market = null;
        long step = 0;
        for (; step < budget && !ct.IsCancellationRequested; step++)
        {
            engineClock.Advance(Step);
            var now = engineClock.UnixNs;
            if (step % MarketSteps == 0)
            {
                Settle(engine, strategy, market, step, now);
                market = NewMarket(scope, step / MarketSteps, engineClock.GetUtcNow());
                engine.Cache.AddInstrument(market);
            }

            FeedBook(engine, update, market!.Id, step, now);

            var id = market.Id;
            var current = step;
            engine.Post(() => strategy.Act(id, current));
            if (step % 25 == 24)
            {
                recorder.SaveStrategyState(SoakStrategy.StrategyName, string.Create(Inv, $$"""{"run":{{runId}},"step":{{step}}}"""));
            }

            if ((step + 1) % settings.FlushEvery == 0)
            {
                if (!await TryFlushAsync(store, ct).ConfigureAwait(false))
                {
                    step++;
                    break;
                }

                await PrintDurableAsync(reader).ConfigureAwait(false);
            }
        }

        engine.RequestKillSwitch("shutdown");
        engine.Stop();
        recorder.CaptureAll();
        var reason = ct.IsCancellationRequested ? "canceled" : "steps done";
        store.EndRun(runId, engineClock.UnixNs, $"soak: {reason}");
        await store.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await PrintDurableAsync(reader).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(Inv, $"soak: run {runId} ended ({reason})")).ConfigureAwait(false);
        return step;
    }

    private static async Task<bool> TryFlushAsync(WriteBehindStore store, CancellationToken ct)
    {
        try
        {
            await store.FlushAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task PrintDurableAsync(StoreReader reader)
    {
        var counts = reader.CountRows();
        await output.WriteLineAsync("durable " + string.Join(' ', StoreReader.Tables.Select(t => string.Create(Inv, $"{t}={counts[t]}"))))
            .ConfigureAwait(false);
    }

    /// <summary>Cancels the old market's resting orders and settles it, at 1 and 0 alternately.</summary>
    private static void Settle(EngineLoop engine, SoakStrategy strategy, BinaryContract? market, long step, long now)
    {
        if (market is null)
        {
            return;
        }

        engine.Post(() => strategy.CancelAll(market.Id));
        engine.OnSettlement(market.Id, step / MarketSteps % 2 == 0 ? BinaryContract.One : Price.Zero, now);
    }

    private static BinaryContract NewMarket(string scope, long index, DateTimeOffset now) => new(
        new InstrumentId(Venue, string.Create(Inv, $"SOAK-{scope}-{index}")),
        new KalshiFeeModel(KalshiFeeType.QuadraticWithMakerFees),
        TickGrid.TaperedDeciCent,
        Quantity.FromDecimal(1m),
        now,
        now.AddDays(1),
        null,
        null);

    /// <summary>A whole-book snapshot (healthy, as a polling client reports it): one level a cent either side of a mid that climbs 0.30..0.49 and drops back (crossing the resting buys: maker fills), 50 contracts a side.</summary>
    private static void FeedBook(EngineLoop engine, BookUpdate update, InstrumentId market, long step, long now)
    {
        var cents = 30 + (step / 2 % 20);
        update.Reset(market, BookUpdateKind.Snapshot, now, now);
        update.Add(BookSide.Bid, Price.FromDecimal((cents - 1) / 100m), Quantity.FromDecimal(50m));
        update.Add(BookSide.Ask, Price.FromDecimal((cents + 1) / 100m), Quantity.FromDecimal(50m));
        engine.OnBookUpdate(update);
        engine.OnBookStatus(new BookStatus(market, BookHealth.Healthy, "soak snapshot", now)); // a snapshot clears the book's health
    }
}
