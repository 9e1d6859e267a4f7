using Edgewise.Cli.Persistence;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Tests.Engine;
using Edgewise.Tests.Storage.Store;

namespace Edgewise.Tests.Reliability;

/// <summary>
/// A store holding one run that "crashed": an engine traded through the real recorder, then the process stopped without
/// ending the run. The trading, with the books it leaves (hand-checked):
///   deposit 1000                                   cash 1000
///   BTC buy 10 @ 100, filled 4 (fee 0.1) + 6       cash 1000 − 400 − 0.1 − 600 = −0.1; BTC 10, cost 1000
///   BTC sell 4 @ 110 (fee 0.05)                    cash −0.1 + 440 − 0.05 = 439.85; BTC 6, cost 600, realized 4×110 − 400 = 40
///   ETH buy 2 @ 50                                 cash 339.85; ETH 2, cost 100
///   ETH settles at 60                              cash 339.85 + 120 = 459.85; ETH flat, realized 120 − 100 = 20
///   BTC buy 1 @ 90, accepted, resting              (open order)
/// Identity: cash 459.85 + cost 600 = 1059.85 = deposits 1000 + realized 60 − fees 0.15.
/// </summary>
internal sealed class RecoveryFixture : IAsyncDisposable
{
    private RecoveryFixture(StoreFixture store, EngineHarness engine, TestInstrument eth, long runId, string restingId)
    {
        Store = store;
        Engine = engine;
        Eth = eth;
        RunId = runId;
        RestingOrderId = restingId;
    }

    public StoreFixture Store { get; }

    /// <summary>The engine that traded (its portfolio is what a restart must rebuild).</summary>
    public EngineHarness Engine { get; }

    public TestInstrument Eth { get; }

    public long RunId { get; }

    public string RestingOrderId { get; }

    public static async Task<RecoveryFixture> CrashedAsync()
    {
        var fx = new StoreFixture();
        var (store, run) = await fx.OpenWithRunAsync();
        var h = new EngineHarness();
        var eth = TestInstrument.Create("ETHUSD");
        h.Engine.Cache.AddInstrument(eth);
        h.Engine.Cache.Portfolio.Deposit(1000m, h.Now);
        using (new StoreRecorder(h.Engine, store, run))
        {
            h.Start();
            h.Book("99", "101");
            h.Book(eth, "49", "51");
            var buy = h.Limit(OrderSide.Buy, "100", 10).Order!.ClientOrderId;
            h.Clock.Advance(TimeSpan.FromMilliseconds(1));
            h.Fill(buy, 4, "100", fee: 0.1m);
            h.Clock.Advance(TimeSpan.FromMilliseconds(1));
            h.Fill(buy, 6, "100");
            var sell = h.Limit(OrderSide.Sell, "110", 4).Order!.ClientOrderId;
            h.Clock.Advance(TimeSpan.FromMilliseconds(1));
            h.Fill(sell, 4, "110", fee: 0.05m);
            var ethBuy = h.Limit(OrderSide.Buy, "50", 2, eth).Order!.ClientOrderId;
            h.Fill(ethBuy, 2, "50");
            h.Clock.Advance(TimeSpan.FromMilliseconds(1));
            h.Engine.OnSettlement(eth.Id, Price.Parse("60"), h.Now);
            var resting = h.Limit(OrderSide.Buy, "90", 1).Order!.ClientOrderId;
            h.Accept(resting);
            await store.FlushAsync(StoreFixture.Ct);
            return new RecoveryFixture(fx, h, eth, run, resting);
        }
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
