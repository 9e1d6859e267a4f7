using Edgewise.Cli.Recovery;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Reliability;

/// <summary>Live-mode recovery: the journal against the venue's own report (IVenueStateReport), the venue being right.</summary>
public sealed class VenueReconciliationTests
{
    private const long Now = 1_800_000_000_000_000_000L;

    [Fact]
    public async Task Plan_VenueAgrees_NothingListedNothingCanceledTradingNotHalted()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        using var reader = fx.Store.Reader();
        var resting = reader.LoadOrder(fx.RestingOrderId)!;
        var venue = new VenueState(Now, [new VenuePosition(fx.Engine.Btc.Id, Quantity.Parse("6"))],
            [new VenueOpenOrder(fx.RestingOrderId, resting.VenueOrderId!, fx.Engine.Btc.Id, OrderSide.Buy, Price.Parse("90"), Quantity.Parse("1"), Quantity.Zero)],
            459.85m);

        var plan = RunRecovery.Plan(reader, new RecoveryRequest("test-profile", "hash-1", false, Now, [("testvenue", venue)]));

        Assert.Empty(plan.Differences);
        Assert.Empty(plan.CanceledOrders); // live: the order still rests at the venue; recovery writes nothing for it
        Assert.Null(plan.HaltReason);
    }

    [Fact]
    public async Task Plan_VenueDisagrees_EveryDifferenceListedAndTradingStartsHalted()
    {
        await using var fx = await RecoveryFixture.CrashedAsync();
        using var reader = fx.Store.Reader();
        var sol = new InstrumentId("testvenue", "SOLUSD");
        var venue = new VenueState(Now,
            [new VenuePosition(fx.Engine.Btc.Id, Quantity.Parse("5")), new VenuePosition(sol, Quantity.Parse("-3")), new VenuePosition(new InstrumentId("other", "X"), Quantity.Parse("9"))],
            [new VenueOpenOrder(null, "v-77", sol, OrderSide.Sell, Price.Parse("20"), Quantity.Parse("4"), Quantity.Parse("1"))],
            400m);

        var plan = RunRecovery.Plan(reader, new RecoveryRequest("test-profile", "hash-1", false, Now, [("testvenue", venue)]));

        Assert.Equal(
            [
                "position BTCUSD.testvenue: the store holds 6, testvenue reports 5",
                "position SOLUSD.testvenue: the store holds 0, testvenue reports -3", // ETH is flat on both sides: not a difference
                $"order {fx.RestingOrderId}: Accepted in the store, not open at testvenue (filled or canceled while stopped)",
                "order (no client id) (testvenue id v-77): rests at testvenue (Sell 3 SOLUSD.testvenue at 20), unknown to the store",
                "cash: the store's ledger holds 459.85, testvenue reports 400",
            ],
            plan.Differences);
        Assert.Equal("recovery: 5 difference(s) between the venue and the store; review them before trading", plan.HaltReason);
        Assert.Empty(plan.Writes);
    }
}
