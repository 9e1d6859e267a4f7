// Exits on constructed price paths after a delay-arbitrage entry at 60 s: 18 YES bought at 0.55
// (floor($10 / 0.55) = 18; cost 18 × 0.55 = 9.90; fee 0.07 × 18 × 0.55 × 0.45 = 0.311850).
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class BtcBinaryExitTests
{
    private static readonly BtcBinaryOptions Managed = new()
    {
        MeanReversion = new MeanReversionOptions { Enabled = false },
        FlashCrash = new FlashCrashOptions { Enabled = false },
        Exits = new ExitOptions { StopLoss = StopLossMode.Fixed, StopLossFraction = 0.25m, ProfitTarget = 0.08m, Timeout = TimeSpan.FromMinutes(6) },
    };

    [Fact]
    public void Exit_BidFallsToTheStop_SellsAtTheBidAsStopLoss()
    {
        using var h = Entered(Managed);
        h.Quote(90, 0.40m, 0.42m); // (0.40 − 0.55) / 0.55 = −27.3% ≤ −25%
        h.At(90.2);

        var trade = Assert.Single(h.Strategy.Trades);
        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(0.40m, trade.AverageExitPrice);
        // 18 × 0.40 = 7.20 proceeds, fee 0.07 × 18 × 0.40 × 0.60 = 0.302400:
        // 7.20 − 9.90 − 0.311850 − 0.302400 = −3.314250.
        Assert.Equal(-3.31425m, trade.NetPnl);
        var exit = Assert.Single(h.Decisions, static d => d.Kind == DecisionKind.Exit);
        Assert.Equal(0.25m, exit.Inputs!.StopFraction);
        Assert.Equal(-0.272727m, exit.Inputs.Return);
    }

    [Fact]
    public void Exit_BidJustAboveTheStop_Holds()
    {
        using var h = Entered(Managed);
        h.Quote(90, 0.42m, 0.44m); // −23.6% > −25%
        h.At(90.2);

        Assert.False(Assert.Single(h.Strategy.Trades).IsClosed);
    }

    [Fact]
    public void Exit_BidReachesTheTarget_SellsAsProfitTarget()
    {
        using var h = Entered(Managed);
        h.Quote(90, 0.60m, 0.62m); // +9.1% ≥ 8%
        h.At(90.2);

        var trade = Assert.Single(h.Strategy.Trades);
        Assert.Equal(ExitReason.ProfitTarget, trade.ExitReason);
        // 18 × 0.60 = 10.80, fee 0.07 × 18 × 0.60 × 0.40 = 0.302400: 10.80 − 9.90 − 0.311850 − 0.302400 = 0.285750.
        Assert.Equal(0.28575m, trade.NetPnl);
        Assert.Equal(0.61425m, trade.Fees);
        Assert.Equal(h.Engine.Cache.Portfolio.RealizedPnl - h.Engine.Cache.Portfolio.FeesPaid, trade.NetPnl);
    }

    [Fact]
    public void Exit_HeldSixMinutesWithoutStopOrTarget_SellsAsTimeout()
    {
        using var h = Entered(Managed);
        for (var t = 90; t < 420; t += 30)
        {
            h.Quote(t, 0.54m, 0.56m); // −1.8%: neither stop nor target
            h.At(t + 0.2);
        }

        Assert.False(h.Strategy.Trades[0].IsClosed);
        h.Quote(420, 0.54m, 0.56m); // evaluated at 420.05 s, 360 s after the fill at 60.05 s
        h.At(420.2);

        var trade = Assert.Single(h.Strategy.Trades);
        Assert.Equal(ExitReason.Timeout, trade.ExitReason);
        // 18 × 0.54 = 9.72, fee 0.07 × 18 × 0.54 × 0.46 = 0.312984: 9.72 − 9.90 − 0.311850 − 0.312984 = −0.804834.
        Assert.Equal(-0.804834m, trade.NetPnl);
    }

    [Fact]
    public void Exit_HoldToSettlement_IgnoresTheStopAndIsPaidAtTheResult()
    {
        using var h = Entered(Managed with { Exits = new ExitOptions { HoldToSettlement = true } });
        h.Quote(90, 0.30m, 0.32m); // far past any stop
        h.At(90.2);
        Assert.False(h.Strategy.Trades[0].IsClosed);

        h.Settle(OutcomeSide.Yes, 900);

        var trade = Assert.Single(h.Strategy.Trades);
        Assert.Equal(ExitReason.Settlement, trade.ExitReason);
        Assert.Equal(1m, trade.SettlementPrice!.Value.ToDecimal());
        // 18 × $1 − 9.90 − 0.311850 = 7.788150.
        Assert.Equal(7.78815m, trade.NetPnl);
        Assert.Equal(h.Engine.Cache.Portfolio.RealizedPnl - h.Engine.Cache.Portfolio.FeesPaid, trade.NetPnl);
        var closed = Assert.Single(h.Decisions, static d => d.Kind == DecisionKind.TradeClosed);
        Assert.Equal(7.78815m, closed.Pnl);
    }

    [Fact]
    public void Exit_HeldNoSettlesNo_IsPaidOnTheNoContract()
    {
        using var h = new StrategyHarness(Managed with { Exits = new ExitOptions { HoldToSettlement = true } });
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 99_800m, 0.45m, 0.47m); // buy NO at 0.55: 18 contracts, fee 0.311850

        h.Settle(OutcomeSide.No, 900);

        var trade = Assert.Single(h.Strategy.Trades);
        Assert.Equal(OutcomeSide.No, trade.Side);
        Assert.Equal(7.78815m, trade.NetPnl);
    }

    [Fact]
    public void Exit_AdaptiveStop_WidensWithVolatility()
    {
        // One return so far: r = ln(1.002) over 60 s, α = 1 − 2^(−60/600) = 0.066967; per-second variance
        // (1 − α) × 0.6² / 31,536,000 + α × r² / 60 = 1.51066e-8, σ = 1.22909e-4 = 1.150365 × the prior's 1.06843e-4,
        // so the stop is 0.25 × 1.150365 = 0.2876 (4 decimals): a −27.3% bid, which the fixed 25% stop sells, is held.
        using var h = Entered(Managed with { Exits = new ExitOptions { StopLoss = StopLossMode.Adaptive, StopLossFraction = 0.25m, StopLossMin = 0.15m, StopLossMax = 0.40m } });
        h.Quote(90, 0.40m, 0.42m);
        h.At(90.2);
        Assert.False(h.Strategy.Trades[0].IsClosed);

        h.Quote(120, 0.30m, 0.32m); // −45.5% is past even the 40% cap
        h.At(120.2);

        var exit = Assert.Single(h.Decisions, static d => d.Kind == DecisionKind.Exit);
        Assert.Equal(ExitReason.StopLoss, exit.ExitReason);
        Assert.Equal(0.2876m, exit.Inputs!.StopFraction);
    }

    [Fact]
    public void Resume_PositionRestoredBeforeTheStart_BecomesTheOpenTradeIsNotBoughtAgainAndExitsAsTheOriginalWould()
    {
        // What a resumed run restores from the store: the entry of Entered (18 YES at 0.55, fee 0.311850, filled at 60 s).
        using var h = new StrategyHarness(Managed, beforeStart: static (engine, market) => engine.Cache.Portfolio.ApplyFill(
            market.Yes, OrderSide.Buy, new Fill("t1", Price.Parse("0.55"), Quantity.Parse("18"), LiquiditySide.Taker, 0.31185m, StrategyHarness.Ns(60))));

        var trade = Assert.Single(h.Strategy.Trades);
        Assert.Equal((SignalKind.Resumed, OutcomeSide.Yes, 18m, 9.90m, 0.31185m, StrategyHarness.Ns(60)),
            (trade.Signal, trade.Side, trade.Bought.ToDecimal(), trade.EntryCost, trade.EntryFees, trade.OpenedNs));
        var resumed = Assert.Single(h.Decisions, static d => d.Kind == DecisionKind.Resumed);
        Assert.Equal("trade 1: holding 18 at 0.55 from before the restart", resumed.Detail);

        // The market that made Entered buy: the open trade is managed instead, so nothing is bought.
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_200m, 0.53m, 0.55m);
        Assert.Single(h.Strategy.Trades);
        Assert.DoesNotContain(h.Decisions, static d => d.Kind == DecisionKind.Entry && d.OrderId is not null);

        // Then the target exit of Exit_BidReachesTheTarget_SellsAsProfitTarget, with the same P&L after fees.
        h.Quote(90, 0.60m, 0.62m);
        h.At(90.2);
        Assert.Equal((ExitReason.ProfitTarget, 0.28575m), (trade.ExitReason, trade.NetPnl));
        Assert.True(h.Engine.Cache.Portfolio.TryGetPosition(h.Market.Yes.Id, out var position) && position.IsFlat);
    }

    private static StrategyHarness Entered(BtcBinaryOptions options)
    {
        var h = new StrategyHarness(options);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_200m, 0.53m, 0.55m);
        var trade = Assert.Single(h.Strategy.Trades);
        Assert.Equal(18m, trade.Bought.ToDecimal());
        Assert.Equal(9.90m, trade.EntryCost);
        Assert.Equal(0.31185m, trade.EntryFees);
        return h;
    }
}
